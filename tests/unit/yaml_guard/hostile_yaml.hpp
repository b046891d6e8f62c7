// YAML texts built to exhaust a parser or a tree walker, shared by the tests of every file kind that is
// read through the YAML guard (suite, tools config, verdict panel).
#pragma once

#include <string>

namespace evalpanel::testing {

// "Billion laughs": `levels` anchors, each a list of ten aliases of the one before: 10^levels nodes
// when expanded, a few hundred bytes as text. Written as a map entry under `key`, indented by `indent`
// spaces, so it can sit where a file kind expects a value. The alias lines start at line 2 of the entry.
inline std::string billion_laughs(const std::string& key, int indent = 0, int levels = 9) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    std::string text = pad + key + ":\n" + pad + "  - &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int level = 1; level < levels; ++level) {
        const std::string below = "*l" + std::to_string(level - 1);
        text += pad + "  - &l" + std::to_string(level) + " [";
        for (int i = 0; i < 10; ++i) text += (i ? ", " : "") + below;
        text += "]\n";
    }
    return text;
}

// `depth` opening brackets and as many closing ones: `[[[...]]]`.
inline std::string nested_brackets(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

}  // namespace evalpanel::testing
