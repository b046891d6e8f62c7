// `evalpanel new-plugin NAME --dir DIR`: the files of a new plugin project that builds against an
// installed evalpanel and passes its own test as written.
#pragma once

#include <map>
#include <string>

namespace evalpanel::cli {

// path (relative to the project folder) -> content. NAME must be a C identifier (letters, digits, _).
std::map<std::string, std::string> plugin_scaffold(const std::string& name);

}  // namespace evalpanel::cli
