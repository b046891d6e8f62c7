// Typed reading of YAML nodes that reports, instead of throwing, every value that is not what the suite
// format expects — each report pointing at the line and column of the offending text.
// Private to the suite loader: yaml-cpp stays out of every public header.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "suite/suite.hpp"

namespace evalpanel::suite::detail {

// The problems found in one file, in the order found.
class Diagnostics {
public:
    explicit Diagnostics(std::string file) : file_(std::move(file)) {}

    void add(const YAML::Mark& mark, std::string message);  // mark is yaml-cpp's 0-based position
    void add_at(int line, int column, std::string message); // 1-based
    bool empty() const { return items_.empty(); }
    const std::string& file() const { return file_; }

    // Sorted by position, so a reader can walk the file top to bottom.
    std::vector<Diagnostic> sorted() const;

private:
    std::string file_;
    std::vector<Diagnostic> items_;
};

// One `key: value` entry of a YAML map.
struct Field {
    std::string name;
    YAML::Node key;
    YAML::Node value;

    // Where a problem with the value is: the value itself, or the key when the value is empty (yaml-cpp
    // places an empty value at the next token, which may be lines further down).
    YAML::Mark mark() const;
};

// The entries of one map, checked against the keys allowed there. Unknown, repeated and non-string
// keys are reported; the rest can be looked up by name.
class FieldMap {
public:
    // `where` names the map in messages: "" for the top level, "case `x`", "`image.generate`".
    FieldMap(const YAML::Node& map, const std::vector<std::string_view>& allowed, const std::string& where,
             Diagnostics& out);

    const Field* find(std::string_view name) const;
    const std::vector<Field>& fields() const { return fields_; }

private:
    std::vector<Field> fields_;
};

// "case `x`: " or "" — the start of a message about something inside `where`.
std::string prefix(const std::string& where);

// How a node reads in a message: "a list", "a map", "nothing", or the scalar in backquotes.
std::string describe(const YAML::Node& node);

// Each reader returns nullopt, having reported why, when the value has the wrong type or form.
// A plain number or word is accepted as a string: `expected: 1234` is the text "1234".
std::optional<std::string> read_string(const Field& field, const std::string& where, Diagnostics& out);
std::optional<std::vector<std::string>> read_string_list(const Field& field, const std::string& where,
                                                         Diagnostics& out);
// Numbers must be plain (unquoted) YAML scalars and finite.
std::optional<double> read_number(const Field& field, const std::string& where, Diagnostics& out);
std::optional<std::int64_t> read_integer(const Field& field, const std::string& where, Diagnostics& out);

// A YAML value as JSON, with YAML 1.2 core-schema typing of plain scalars (true, 3, 0.5, null) and
// quoted scalars kept as strings.
nlohmann::json to_json(const YAML::Node& node);

}  // namespace evalpanel::suite::detail
