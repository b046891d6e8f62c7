#include "suite/cases_file_reader.hpp"

#include <map>
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
        // The case reader reports at YAML positions, which a converted node does not have: its problems
        // are collected apart and re-reported at this line.
        Diagnostics problems(out.file());
        ReadCase read = read_case(to_yaml(value), position, context, problems);
        for (const Diagnostic& problem : problems.sorted()) out.add_at(line, 0, problem.message);
        if (!read.has_id || !problems.empty()) continue;
        read.value.line = line;
        const auto [first, inserted] = first_line_of_id.emplace(read.value.id, line);
        if (!inserted) {
            out.add_at(line, 0, "duplicate case id `" + read.value.id + "`; the first case with this id is at line " +
                                    std::to_string(first->second));
            continue;
        }
        cases.push_back(std::move(read.value));
    }
    if (line == 0 || (cases.empty() && out.empty())) out.add_at(0, 0, "the cases file holds no cases");
    return cases;
}

}  // namespace evalpanel::suite::detail
