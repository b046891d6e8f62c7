// The comparison of a plugin's ABI descriptor with the host's own.
#pragma once

#include <string>

#include <evalpanel/abi.hpp>

namespace evalpanel::plugin_host {

// "ABI 1, gcc 12, libstdc++ 12 cxx11-abi, release"
std::string describe_build(const evalpanel_abi_descriptor& d);

// Empty when a plugin built as `plugin` can be used by a host built as `host`; otherwise the sentence
// that says what differs, naming both sides.
std::string abi_mismatch(const evalpanel_abi_descriptor& plugin, const evalpanel_abi_descriptor& host);

}  // namespace evalpanel::plugin_host
