// A hostile tools config (alias bomb in a plugin option, deep nesting) is refused quickly with
// file:line:column: plugin options are converted to JSON node by node, which expands every alias.
#include <chrono>
#include <fstream>

#include <gtest/gtest.h>

#include "../yaml_guard/hostile_yaml.hpp"
#include "tool_config/tool_config.hpp"

namespace evalpanel::tool_config {
namespace {

using evalpanel::testing::billion_laughs;
using evalpanel::testing::nested_brackets;

class ToolConfigYamlLimits : public ::testing::Test {
protected:
    std::filesystem::path file_ = std::filesystem::path(::testing::TempDir()) /
                                  ("evalpanel_tool_config_" +
                                   std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".yaml");

    // The ConfigError's message for `text`, and how long loading took.
    std::pair<std::string, std::chrono::steady_clock::duration> error_of(const std::string& text) {
        std::ofstream(file_, std::ios::binary) << text;
        const auto start = std::chrono::steady_clock::now();
        std::string message = "no error";
        try {
            load_tools_config(file_);
        } catch (const ConfigError& e) {
            message = e.what();
        }
        return {message, std::chrono::steady_clock::now() - start};
    }
};

TEST_F(ToolConfigYamlLimits, AliasBombInAPluginOptionIsRefusedAtItsLine) {
    // Lines 1-3, then the bomb from line 4: its level-4 aliases are on line 9.
    const auto [message, elapsed] = error_of("tools:\n  t:\n    plugin: echo\n" + billion_laughs("lol", 4));
    EXPECT_EQ(message.rfind(file_.string() + ":9:", 0), 0u) << message;
    EXPECT_NE(message.find("aliases expand to more than 100000 nodes"), std::string::npos) << message;
    EXPECT_LT(elapsed, std::chrono::seconds(2));
}

TEST_F(ToolConfigYamlLimits, AHundredThousandNestedBracketsAreRefusedAtTheirLine) {
    const auto [message, elapsed] = error_of("tools:\n  t:\n    plugin: echo\n    deep: " + nested_brackets(100'000) + "\n");
    EXPECT_EQ(message.rfind(file_.string() + ":4:", 0), 0u) << message;
    EXPECT_NE(message.find("nested more than 64 levels deep"), std::string::npos) << message;
    EXPECT_LT(elapsed, std::chrono::seconds(2));
}

}  // namespace
}  // namespace evalpanel::tool_config
