#include "plugin_host/abi_check.hpp"

#include <gtest/gtest.h>

namespace evalpanel::plugin_host {
namespace {

TEST(AbiCheck, SameBuildIsCompatible) {
    const auto host = abi::this_side();
    EXPECT_EQ(abi_mismatch(host, host), "");
}

TEST(AbiCheck, BuildTypeAloneDoesNotMatter) {
    auto host = abi::this_side();
    auto plugin = host;
    plugin.build_type = "debug";
    host.build_type = "release";
    EXPECT_EQ(abi_mismatch(plugin, host), "");
}

TEST(AbiCheck, OtherAbiVersionIsRefusedNamingBothSides) {
    const auto host = abi::this_side();
    auto plugin = host;
    plugin.sdk_abi_version = 7;
    const std::string why = abi_mismatch(plugin, host);
    EXPECT_NE(why.find("built for ABI 7"), std::string::npos) << why;
    EXPECT_NE(why.find("this evalpanel is ABI " + std::to_string(EVALPANEL_SDK_ABI_VERSION)), std::string::npos) << why;
}

TEST(AbiCheck, OtherCompilerOrStdlibIsRefused) {
    const auto host = abi::this_side();
    auto plugin = host;
    plugin.compiler = "clang 99";
    EXPECT_NE(abi_mismatch(plugin, host).find("clang 99"), std::string::npos);
    plugin = host;
    plugin.stdlib = "libc++ 17000";
    EXPECT_NE(abi_mismatch(plugin, host).find("libc++ 17000"), std::string::npos);
    plugin = host;
    plugin.stdlib = nullptr;
    EXPECT_NE(abi_mismatch(plugin, host), "");
}

}  // namespace
}  // namespace evalpanel::plugin_host
