// load_panel: reports/panel.yaml -> Panel, or a PanelError naming the file, line, column and field.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "metrics/metric.hpp"
#include "verdict/condition.hpp"
#include "verdict/verdict.hpp"
#include "verdict/voice_template.hpp"
#include "yaml_guard/yaml_limits.hpp"

namespace evalpanel::verdict {
namespace {

constexpr std::size_t kMinSentences = 2;
constexpr std::size_t kMaxSentences = 4;

class PanelReader {
public:
    explicit PanelReader(std::filesystem::path file) : file_(std::move(file)) {}

    Panel read(const YAML::Node& root) {
        Panel panel;
        panel.file = file_;
        if (!root.IsMap()) fail(root.IsNull() ? YAML::Mark() : root.Mark(), "a panel file must be a map with `reviewers` (and optional `monthly_volume`, `primary_metric`)");
        check_keys(root, {"monthly_volume", "primary_metric", "reviewers"}, "");
        if (const YAML::Node volume = root["monthly_volume"]) {
            panel.monthly_volume = read_number(volume, key_of(root, "monthly_volume"), "`monthly_volume`");
            if (panel.monthly_volume <= 0) fail(volume.Mark(), "`monthly_volume` must be more than 0 (cases per month)");
        }
        if (const YAML::Node primary = root["primary_metric"]) {
            panel.primary_metric = read_text(primary, key_of(root, "primary_metric"), "`primary_metric`");
            if (metrics::find_metric(panel.primary_metric) == nullptr) {
                fail(primary.Mark(), "`primary_metric`: unknown metric `" + panel.primary_metric + "`");
            }
        }
        const YAML::Node reviewers = root["reviewers"];
        if (!reviewers) fail(root.Mark(), "missing required key `reviewers` (the list of reviewers)");
        if (!reviewers.IsSequence() || reviewers.size() == 0) {
            fail(mark_of(reviewers, key_of(root, "reviewers")), "`reviewers` must list at least one reviewer, got " + describe(reviewers));
        }
        std::map<std::string, int> first_line;
        for (std::size_t i = 0; i < reviewers.size(); ++i) {
            Reviewer reviewer = read_reviewer(reviewers[i], i);
            const YAML::Node id = reviewers[i]["id"];
            if (auto [it, inserted] = first_line.emplace(reviewer.id, id.Mark().line + 1); !inserted) {
                fail(id.Mark(), "duplicate reviewer id `" + reviewer.id + "`; the first is at line " + std::to_string(it->second));
            }
            panel.reviewers.push_back(std::move(reviewer));
        }
        return panel;
    }

    [[noreturn]] void fail(const YAML::Mark& mark, const std::string& message, std::size_t extra_columns = 0) const {
        throw PanelError(file_.string() + ":" + std::to_string(mark.line + 1) + ":" +
                         std::to_string(mark.column + 1 + static_cast<int>(extra_columns)) + ": " + message);
    }

private:
    std::filesystem::path file_;

    static std::string describe(const YAML::Node& node) {
        if (!node || node.IsNull()) return "nothing";
        if (node.IsSequence()) return "a list";
        if (node.IsMap()) return "a map";
        return "`" + node.Scalar() + "`";
    }

    static YAML::Node key_of(const YAML::Node& map, const std::string& name) {
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (it->first.IsScalar() && it->first.Scalar() == name) return it->first;
        }
        return YAML::Node();
    }

    // yaml-cpp places an empty value at the next token, which may be lines further on: point at the key.
    static YAML::Mark mark_of(const YAML::Node& value, const YAML::Node& key) {
        return (!value || value.IsNull()) && key ? key.Mark() : value.Mark();
    }

    void check_keys(const YAML::Node& map, const std::vector<std::string>& allowed, const std::string& where) const {
        std::vector<std::string> seen;
        for (auto it = map.begin(); it != map.end(); ++it) {
            const std::string name = it->first.IsScalar() ? it->first.Scalar() : "";
            if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
                std::string list;
                for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
                fail(it->first.Mark(), where + "unknown key `" + name + "` (allowed: " + list + ")");
            }
            if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
                fail(it->first.Mark(), where + "key `" + name + "` is given twice");
            }
            seen.push_back(name);
        }
    }

    std::string read_text(const YAML::Node& value, const YAML::Node& key, const std::string& field) const {
        if (!value.IsScalar() || value.Scalar().empty()) {
            fail(mark_of(value, key), field + " must be a non-empty string, got " + describe(value));
        }
        return value.Scalar();
    }

    double read_number(const YAML::Node& value, const YAML::Node& key, const std::string& field) const {
        double result = 0;
        if (value.IsScalar() && value.Tag() != "!") {
            const std::string& text = value.Scalar();
            auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), result);
            if (error == std::errc() && end == text.data() + text.size() && std::isfinite(result)) return result;
        }
        fail(mark_of(value, key), field + " must be a number, got " + describe(value));
    }

    std::vector<YAML::Node> list(const YAML::Node& value, const YAML::Node& key, const std::string& field) const {
        if (!value.IsSequence()) fail(mark_of(value, key), field + " must be a list, got " + describe(value));
        std::vector<YAML::Node> items;
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (!value[i].IsScalar()) {
                fail(value[i].Mark(), field + "[" + std::to_string(i + 1) + "] must be a string, got " + describe(value[i]));
            }
            items.push_back(value[i]);
        }
        return items;
    }

    std::vector<Condition> conditions(const YAML::Node& value, const YAML::Node& key, const std::string& field) const {
        std::vector<Condition> out;
        const std::vector<YAML::Node> items = list(value, key, field);
        if (items.empty()) fail(mark_of(value, key), field + " must list at least one rule");
        for (std::size_t i = 0; i < items.size(); ++i) {
            const ParsedCondition parsed = parse_condition(items[i].Scalar());
            if (parsed.problem) {
                // Point into the rule when it sits on one line (a quote before it moves it one column on).
                const bool one_line = items[i].Scalar().find('\n') == std::string::npos;
                const std::size_t extra = one_line ? parsed.problem->offset + (items[i].Tag() == "!" ? 1 : 0) : 0;
                fail(items[i].Mark(), field + "[" + std::to_string(i + 1) + "] `" + items[i].Scalar() + "`: " + parsed.problem->message, extra);
            }
            out.push_back(*parsed.condition);
        }
        return out;
    }

    std::vector<std::string> voice(const YAML::Node& value, const YAML::Node& key, const std::string& field) const {
        std::vector<std::string> out;
        const std::vector<YAML::Node> items = list(value, key, field);
        if (items.size() < kMinSentences || items.size() > kMaxSentences) {
            fail(mark_of(value, key), field + " must hold 2 to 4 sentence templates, got " + std::to_string(items.size()));
        }
        for (std::size_t i = 0; i < items.size(); ++i) {
            const ParsedTemplate parsed = parse_template(items[i].Scalar());
            if (parsed.problem) {
                fail(items[i].Mark(), field + "[" + std::to_string(i + 1) + "]: " + parsed.problem->message +
                                          " (at character " + std::to_string(parsed.problem->offset + 1) + " of the template)");
            }
            out.push_back(items[i].Scalar());
        }
        return out;
    }

    Reviewer read_reviewer(const YAML::Node& node, std::size_t index) const {
        const std::string where_index = "reviewer #" + std::to_string(index + 1);
        if (!node.IsMap()) fail(node.Mark(), where_index + " must be a map {id, title, lens, weight, ship_if, voice}, got " + describe(node));
        Reviewer r;
        const YAML::Node id = node["id"];
        if (!id) fail(node.Mark(), where_index + ": missing required key `id`");
        r.id = read_text(id, key_of(node, "id"), where_index + ": `id`");
        const std::string where = "reviewer `" + r.id + "`: ";
        check_keys(node, {"id", "title", "lens", "weight", "ship_if", "voice", "voice_no_ship"}, where);
        for (const char* required : {"title", "lens", "ship_if", "voice"}) {
            if (!node[required]) fail(node.Mark(), where + "missing required key `" + required + "`");
        }
        r.title = read_text(node["title"], key_of(node, "title"), where + "`title`");
        r.lens = read_text(node["lens"], key_of(node, "lens"), where + "`lens`");
        if (const YAML::Node weight = node["weight"]) {
            r.weight = read_number(weight, key_of(node, "weight"), where + "`weight`");
            if (r.weight <= 0) fail(weight.Mark(), where + "`weight` must be more than 0 (remove the reviewer instead)");
        }
        r.ship_if = conditions(node["ship_if"], key_of(node, "ship_if"), where + "`ship_if`");
        r.voice = voice(node["voice"], key_of(node, "voice"), where + "`voice`");
        if (const YAML::Node no_ship = node["voice_no_ship"]) {
            r.voice_no_ship = voice(no_ship, key_of(node, "voice_no_ship"), where + "`voice_no_ship`");
        }
        return r;
    }
};

}  // namespace

Panel load_panel(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw PanelError(file.string() + ": cannot read the panel file");
    std::stringstream text;
    text << in.rdbuf();
    PanelReader reader(file);
    YAML::Node root;
    try {
        yaml_guard::LimitedYaml loaded = yaml_guard::load_yaml_within_limits(text.str());
        if (loaded.violation) throw PanelError(loaded.violation->located_in(file.string()));
        root = std::move(loaded.root);
    } catch (const YAML::ParserException& e) {
        reader.fail(e.mark, "not valid YAML: " + e.msg);
    }
    return reader.read(root);
}

}  // namespace evalpanel::verdict
