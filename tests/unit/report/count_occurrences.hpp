// How often `what` occurs in `text` (non-overlapping): what the renderer tests count tags and rows with.
#pragma once

#include <cstddef>
#include <string>

namespace evalpanel::report::testing {

inline std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

}  // namespace evalpanel::report::testing
