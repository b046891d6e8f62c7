#include "store/row_reading.hpp"

#include <algorithm>

namespace evalpanel::store {
namespace {

// A JSON string with nothing to unescape: no backslash, no quote or control character inside.
bool is_plain_json_string(std::string_view text) {
    if (text.size() < 2 || text.front() != '"' || text.back() != '"') return false;
    return std::none_of(text.begin() + 1, text.end() - 1,
                        [](char c) { return c == '\\' || c == '"' || static_cast<unsigned char>(c) < 0x20; });
}

}  // namespace

std::optional<double> optional_real(const SQLite::Column& column) {
    if (column.isNull()) {
        return std::nullopt;
    }
    return column.getDouble();
}

std::optional<nlohmann::json> read_simple_json(std::string_view text) {
    if (text == "[]") return nlohmann::json::array();
    if (text == "{}") return nlohmann::json::object();
    if (is_plain_json_string(text)) return nlohmann::json(std::string(text.substr(1, text.size() - 2)));
    return std::nullopt;
}

std::optional<std::vector<std::string>> read_plain_string_list(std::string_view text) {
    if (text == "[]") return std::vector<std::string>{};
    if (text.size() < 4 || text.substr(0, 2) != "[\"" || text.substr(text.size() - 2) != "\"]") return std::nullopt;
    std::vector<std::string> items;
    const std::string_view inner = text.substr(1, text.size() - 2);  // "a","b"
    std::size_t begin = 0;
    while (begin <= inner.size()) {
        const std::size_t comma = inner.find("\",\"", begin);
        const std::size_t end = comma == std::string_view::npos ? inner.size() : comma + 1;
        const std::string_view item = inner.substr(begin, end - begin);
        if (!is_plain_json_string(item)) return std::nullopt;
        items.emplace_back(item.substr(1, item.size() - 2));
        if (comma == std::string_view::npos) break;
        begin = comma + 2;
    }
    return items;
}

}  // namespace evalpanel::store
