#include "plugin_host/abi_check.hpp"

#include <cstring>

namespace evalpanel::plugin_host {

namespace {
std::string text(const char* s) { return s ? std::string(s) : std::string("?"); }
bool same(const char* a, const char* b) { return a && b && std::strcmp(a, b) == 0; }
}  // namespace

std::string describe_build(const evalpanel_abi_descriptor& d) {
    return "ABI " + std::to_string(d.sdk_abi_version) + ", " + text(d.compiler) + ", " + text(d.stdlib) +
           ", " + text(d.build_type);
}

std::string abi_mismatch(const evalpanel_abi_descriptor& plugin, const evalpanel_abi_descriptor& host) {
    // Build type is informational: release and debug builds of libstdc++ code share one ABI unless the
    // debug containers are on, and that is part of the stdlib identity.
    const bool compatible = plugin.sdk_abi_version == host.sdk_abi_version &&
                            same(plugin.compiler, host.compiler) && same(plugin.stdlib, host.stdlib);
    if (compatible) return {};
    return "built for " + describe_build(plugin) + "; this evalpanel is " + describe_build(host) +
           ": rebuild the plugin against this evalpanel's SDK";
}

}  // namespace evalpanel::plugin_host
