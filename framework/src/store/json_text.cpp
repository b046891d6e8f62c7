#include "store/json_text.hpp"

#include <algorithm>
#include <string_view>

namespace evalpanel::store {
namespace {

std::string serialize(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Printable ASCII with nothing to escape: written between quotes as it is.
bool is_plain_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0x20 && byte < 0x80 && c != '"' && c != '\\';
    });
}

void append_quoted(std::string& out, std::string_view text) {
    out += '"';
    out += text;
    out += '"';
}

}  // namespace

std::string to_json_text(const nlohmann::json& value) {
    if (value.is_array() && value.empty()) return "[]";
    if (value.is_object() && value.empty()) return "{}";
    if (value.is_string()) {
        const auto& text = value.get_ref<const std::string&>();
        if (is_plain_ascii(text)) {
            std::string out;
            out.reserve(text.size() + 2);
            append_quoted(out, text);
            return out;
        }
    }
    return serialize(value);
}

std::string to_json_text(const std::vector<std::string>& strings) {
    if (!std::all_of(strings.begin(), strings.end(), [](const std::string& s) { return is_plain_ascii(s); })) {
        return serialize(nlohmann::json(strings));
    }
    std::string out = "[";
    for (const std::string& s : strings) {
        if (out.size() > 1) out += ',';
        append_quoted(out, s);
    }
    out += ']';
    return out;
}

}  // namespace evalpanel::store
