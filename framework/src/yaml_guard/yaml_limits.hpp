// A pre-scan of YAML text that refuses what would hang, exhaust memory or overflow the stack later:
// nesting deeper than a limit, and aliases that expand to more nodes than a limit ("billion laughs").
// yaml-cpp itself shares an aliased node instead of copying it, but every reader that walks the tree
// (to JSON, into options, into cases) expands each alias again: ten levels of ten aliases are 10^10
// nodes. Used by every YAML file evalpanel reads: suites, the tools config, the verdict panel.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <yaml-cpp/node/node.h>

namespace evalpanel::yaml_guard {

struct YamlLimits {
    // Collections inside collections. The deepest shipped file nests 8 levels; each level costs
    // recursion in yaml-cpp and in our readers.
    int max_depth = 64;
    // Nodes that aliases add when expanded (an alias counts the whole tree it names). Nodes written out
    // in the text are not counted: their cost is bounded by the file's size.
    std::uint64_t max_alias_expansion = 100'000;
};

struct YamlLimitViolation {
    int line = 0;    // 1-based
    int column = 0;  // 1-based
    std::string message;  // one sentence, without the position

    // "FILE:LINE:COLUMN: message"
    std::string located_in(const std::string& file) const;

    bool operator==(const YamlLimitViolation&) const = default;
};

// The first limit the text breaks, with where; nullopt when within limits. Only the first document is
// scanned (the one the loaders read). Text that is not valid YAML passes: the caller's own parse reports
// the syntax error in its usual words.
std::optional<YamlLimitViolation> check_yaml_limits(std::string_view text, const YamlLimits& limits = {});

// What YAML::Load(text) returns, or the first limit the text breaks (then `root` is unset): the same
// answer as check_yaml_limits followed by YAML::Load, for a single parse of most files. Text without a '*'
// cannot hold an alias, so it is parsed once and its nesting measured on the tree: yaml-cpp's own guard
// stops its recursive parser at 2,000 levels, so a deeper text costs a thrown exception, not the stack.
// Only text with a '*', a tree nested too deep or a parse that fails is scanned by check_yaml_limits,
// which says exactly where. A syntax error within the limits is thrown as YAML::Load throws it.
struct LimitedYaml {
    YAML::Node root;
    std::optional<YamlLimitViolation> violation;
};
LimitedYaml load_yaml_within_limits(const std::string& text, const YamlLimits& limits = {});

}  // namespace evalpanel::yaml_guard
