// The scan runs yaml-cpp's event parser (no tree is built) and keeps, per open collection, how many nodes
// it expands to, and per anchor the expanded size of the tree it names, so an alias costs one lookup.
#include "yaml_guard/yaml_limits.hpp"

#include <limits>
#include <sstream>
#include <unordered_map>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/node/impl.h>
#include <yaml-cpp/node/iterator.h>
#include <yaml-cpp/node/parse.h>
#include <yaml-cpp/parser.h>

namespace evalpanel::yaml_guard {
namespace {

// Thrown from inside the event handler: the only way to stop yaml-cpp's parser early.
struct LimitReached {
    YamlLimitViolation violation;
};

std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) {
    return a > std::numeric_limits<std::uint64_t>::max() - b ? std::numeric_limits<std::uint64_t>::max() : a + b;
}

class LimitChecker : public YAML::EventHandler {
public:
    explicit LimitChecker(const YamlLimits& limits) : limits_(limits) {}

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t anchor) override { node_done(anchor, 1); }
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t anchor, const std::string&) override {
        node_done(anchor, 1);
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        const auto named = expanded_size_.find(anchor);
        const std::uint64_t size = named == expanded_size_.end() ? 1 : named->second;
        alias_expansion_ = saturating_add(alias_expansion_, size);
        if (alias_expansion_ > limits_.max_alias_expansion) {
            fail(mark, "aliases expand to more than " + std::to_string(limits_.max_alias_expansion) +
                           " nodes (an alias bomb?); write the repeated values out or reuse fewer of them");
        }
        node_done(YAML::NullAnchor, size);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(mark, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(mark, anchor);
    }
    void OnMapEnd() override { close(); }

private:
    struct OpenCollection {
        YAML::anchor_t anchor;
        std::uint64_t expanded_size;  // itself and everything inside so far, aliases expanded
    };

    [[noreturn]] static void fail(const YAML::Mark& mark, std::string message) {
        throw LimitReached{{mark.line + 1, mark.column + 1, std::move(message)}};
    }

    void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
        if (open_.size() >= static_cast<std::size_t>(limits_.max_depth)) {
            fail(mark, "collections are nested more than " + std::to_string(limits_.max_depth) + " levels deep");
        }
        open_.push_back({anchor, 1});
    }

    void close() {
        const OpenCollection done = open_.back();
        open_.pop_back();
        node_done(done.anchor, done.expanded_size);
    }

    void node_done(YAML::anchor_t anchor, std::uint64_t size) {
        if (anchor != YAML::NullAnchor) expanded_size_[anchor] = size;
        if (!open_.empty()) open_.back().expanded_size = saturating_add(open_.back().expanded_size, size);
    }

    YamlLimits limits_;
    std::vector<OpenCollection> open_;
    std::unordered_map<YAML::anchor_t, std::uint64_t> expanded_size_;
    std::uint64_t alias_expansion_ = 0;
};

// True when a collection in `node` sits more than `max_depth` collections deep (the node itself counts
// as level `level`). The tree holds no aliases here, so this visits each node once; it returns as soon
// as it passes the limit, so its own recursion stays within max_depth + 1 levels.
bool nested_deeper_than(const YAML::Node& node, int level, int max_depth) {
    if (!node.IsSequence() && !node.IsMap()) return false;
    if (level > max_depth) return true;
    if (node.IsSequence()) {
        for (const YAML::Node& item : node) {
            if (nested_deeper_than(item, level + 1, max_depth)) return true;
        }
        return false;
    }
    for (const auto& entry : node) {
        if (nested_deeper_than(entry.first, level + 1, max_depth) || nested_deeper_than(entry.second, level + 1, max_depth)) {
            return true;
        }
    }
    return false;
}

}  // namespace

std::string YamlLimitViolation::located_in(const std::string& file) const {
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

std::optional<YamlLimitViolation> check_yaml_limits(std::string_view text, const YamlLimits& limits) {
    std::istringstream stream{std::string(text)};
    LimitChecker checker(limits);
    try {
        YAML::Parser parser(stream);
        parser.HandleNextDocument(checker);
    } catch (const LimitReached& reached) {
        return reached.violation;
    } catch (const YAML::Exception&) {
        // Not valid YAML: the caller's own parse says so, in its words.
    }
    return std::nullopt;
}

LimitedYaml load_yaml_within_limits(const std::string& text, const YamlLimits& limits) {
    if (text.find('*') != std::string::npos) {
        if (auto violation = check_yaml_limits(text, limits)) return {YAML::Node(), std::move(violation)};
        return {YAML::Load(text), std::nullopt};
    }
    std::optional<YAML::Node> root;  // constructed from Load's result: a YAML::Node assigned to is another node
    try {
        root.emplace(YAML::Load(text));
    } catch (const YAML::Exception&) {
        // Too deep for yaml-cpp (DeepRecursion), or a syntax error that a limit may come before: the
        // scan says which, and where, exactly as if it had run first.
        if (auto violation = check_yaml_limits(text, limits)) return {YAML::Node(), std::move(violation)};
        throw;
    }
    if (nested_deeper_than(*root, 1, limits.max_depth)) {
        if (auto violation = check_yaml_limits(text, limits)) return {YAML::Node(), std::move(violation)};
    }
    return {*root, std::nullopt};
}

}  // namespace evalpanel::yaml_guard
