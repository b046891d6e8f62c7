#include "suite/cases_file_reader.hpp"

#include <map>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace evalpanel::suite::detail {
namespace {

// A JSON value as the YAML node the case reader takes. Strings stay strings; numbers, booleans and null
// become the plain scalars YAML would have read, so `"expected": 1234` is the text "1234" either way.
YAML::Node to_yaml(const nlohmann::json& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::object: {
            YAML::Node map(YAML::NodeType::Map);
            for (const auto& [key, item] : value.items()) map[key] = to_yaml(item);
            return map;
        }
        case nlohmann::json::value_t::array: {
            YAML::Node list(YAML::NodeType::Sequence);
            for (const auto& item : value) list.push_back(to_yaml(item));
            return list;
        }
        case nlohmann::json::value_t::string: return YAML::Node(value.get<std::string>());
        case nlohmann::json::value_t::null: return YAML::Node(YAML::NodeType::Null);
        default: return YAML::Node(value.dump());
    }
}

// A case of the common shape read straight from JSON: every key one the task takes, the required ones
// present, every value a string or a list of strings, `image` a path that resolves. It gives the same Case
// as the YAML path (a test holds the two to that); anything else returns nullopt and goes the YAML way,
// which has the messages. Skipping the YAML node tree makes a line several times cheaper.
std::optional<Case> read_plain_case(const nlohmann::json& value, const CaseContext& context) {
    if (!context.task) return std::nullopt;
    const auto text = [](const nlohmann::json& v, std::string& target) {
        if (!v.is_string()) return false;
        target = v.get<std::string>();
        return true;
    };
    const auto texts = [](const nlohmann::json& v, std::vector<std::string>& target) {
        if (!v.is_array()) return false;
        for (const auto& item : v) {
            if (!item.is_string()) return false;
            target.push_back(item.get<std::string>());
        }
        return true;
    };
    Case c;
    c.tags = context.default_tags;
    for (const auto& [key, item] : value.items()) {
        if (!task_takes(context.task, key)) return std::nullopt;
        bool ok = false;
        if (key == "id") {
            ok = text(item, c.id) && !c.id.empty();
        } else if (key == "image") {
            std::string written;
            if (!text(item, written) || written.empty()) return std::nullopt;
            auto found = context.image_paths->entries.find(written);
            if (found == context.image_paths->entries.end()) {
                found = context.image_paths->entries.emplace(written, resolve_image_file(context.root, written)).first;
            }
            ok = found->second.problem.empty();
            if (ok) c.image = ImageSource{found->second.resolved, nullptr};
        } else if (key == "expected") {
            ok = text(item, c.expected);
        } else if (key == "question") {
            ok = text(item, c.question);
        } else if (key == "answers") {
            ok = texts(item, c.answers) && !c.answers.empty();
        } else if (key == "query") {
            ok = text(item, c.query);
        } else if (key == "facts") {
            ok = texts(item, c.facts);
        } else if (key == "sources") {
            ok = texts(item, c.sources);
        } else if (key == "tags") {
            std::vector<std::string> own;
            ok = texts(item, own);
            add_tags(c.tags, own);
        }
        if (!ok) return std::nullopt;  // passages, a wrong type, an empty id, an unknown key: the YAML way
    }
    if (c.id.empty()) return std::nullopt;
    for (const std::string_view required : required_case_keys(*context.task)) {
        if (!value.contains(required)) return std::nullopt;
    }
    return c;
}

// JSON's own message without nlohmann's "[json.exception.parse_error.101] parse error at line 1, " prefix.
std::string json_problem(const nlohmann::json::parse_error& error) {
    const std::string_view what = error.what();
    const std::size_t at = what.find("column ");
    return std::string(at == std::string_view::npos ? what : what.substr(at));
}

}  // namespace

std::vector<Case> read_cases_file(const std::string& bytes, const CaseContext& context, Diagnostics& out) {
    std::vector<Case> cases;
    std::map<std::string, int> first_line_of_id;
    int line = 0;
    std::size_t index = 0;
    for (std::size_t start = 0; start < bytes.size();) {
        std::size_t end = bytes.find('\n', start);
        if (end == std::string::npos) end = bytes.size();
        const std::string_view text(bytes.data() + start, end - start);
        start = end + 1;
        ++line;
        if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        const std::size_t position = index++;  // "case #N" counts the file's cases, bad ones included

        nlohmann::json value;
        try {
            value = nlohmann::json::parse(text);
        } catch (const nlohmann::json::parse_error& error) {
            out.add_at(line, 0, "not a line of JSON: " + json_problem(error));
            continue;
        }
        if (!value.is_object()) {
            out.add_at(line, 0, "a case must be a JSON object with `id` and its inputs, got " +
                                    std::string(value.type_name()));
            continue;
        }
        std::optional<Case> read = read_plain_case(value, context);
        if (!read) {
            // The case reader reports at YAML positions, which a converted node does not have: its
            // problems are collected apart and re-reported at this line.
            Diagnostics problems(out.file());
            ReadCase slow = read_case(to_yaml(value), position, context, problems);
            for (const Diagnostic& problem : problems.sorted()) out.add_at(line, 0, problem.message);
            if (!slow.has_id || !problems.empty()) continue;
            read = std::move(slow.value);
        }
        read->line = line;
        const auto [first, inserted] = first_line_of_id.emplace(read->id, line);
        if (!inserted) {
            out.add_at(line, 0, "duplicate case id `" + read->id + "`; the first case with this id is at line " +
                                    std::to_string(first->second));
            continue;
        }
        cases.push_back(std::move(*read));
    }
    if (line == 0 || (cases.empty() && out.empty())) out.add_at(0, 0, "the cases file holds no cases");
    return cases;
}

}  // namespace evalpanel::suite::detail
