// Reading stored columns back: numbers that may be NULL, and the JSON columns, with shortcuts for the
// commonest JSON that skip the parser (store_read.cpp and store_scan.cpp share them).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Column.h>
#include <nlohmann/json.hpp>

namespace evalpanel::store {

std::optional<double> optional_real(const SQLite::Column& column);

// The stored text of a column without a copy (valid until the row changes).
inline std::string_view text_of(const SQLite::Column& column) {
    return {column.getText(), static_cast<std::size_t>(column.getBytes())};
}

// Most stored JSON is an empty list or object, or a plain string (a case's `expected`). Those are read
// without the parser, which otherwise dominates reading a large run: five JSON columns per case, over a
// million parses for a 250,000-case run. nullopt: anything else, for the parser.
std::optional<nlohmann::json> read_simple_json(std::string_view text);

// A list of plain strings (`tags`) read by splitting, without building JSON; nullopt when the text is
// anything else, for the parser to read.
std::optional<std::vector<std::string>> read_plain_string_list(std::string_view text);

// Names the file, row and column of stored text that is not JSON (a hand-edited or foreign database).
// `row` describes the row; it is called only then, so reading a good row builds no message.
template <typename RowName>
nlohmann::json parse_json_column(const SQLite::Column& column, const std::string& file, const RowName& row) {
    const std::string_view text = text_of(column);
    if (auto simple = read_simple_json(text)) return std::move(*simple);
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& error) {
        throw std::runtime_error(file + ": " + row() + ": column " + column.getName() + " is not JSON: " + error.what());
    }
}

// A case's tags column: a JSON list of strings, or an error naming file, row and column.
template <typename RowName>
std::vector<std::string> read_tags(const SQLite::Column& column, const std::string& file, const RowName& row) {
    if (auto tags = read_plain_string_list(text_of(column))) return std::move(*tags);
    const nlohmann::json parsed = parse_json_column(column, file, row);
    try {
        return parsed.get<std::vector<std::string>>();
    } catch (const nlohmann::json::exception& error) {
        throw std::runtime_error(file + ": " + row() + ": column " + column.getName() +
                                 " is not a list of strings: " + error.what());
    }
}

}  // namespace evalpanel::store
