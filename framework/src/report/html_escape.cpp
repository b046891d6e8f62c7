#include "report/html_escape.hpp"

#include <cstdint>

namespace evalpanel::report {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Decodes the code point starting at text[i]; returns its length in bytes, or 0 when the sequence there is
// ill-formed (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t decode(std::string_view text, std::size_t i, std::uint32_t& code_point) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        code_point = lead;
        return 1;
    }
    std::size_t length = 0;
    std::uint32_t min = 0;
    if ((lead & 0xE0) == 0xC0) length = 2, code_point = lead & 0x1F, min = 0x80;
    else if ((lead & 0xF0) == 0xE0) length = 3, code_point = lead & 0x0F, min = 0x800;
    else if ((lead & 0xF8) == 0xF0) length = 4, code_point = lead & 0x07, min = 0x10000;
    else return 0;
    if (i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        code_point = (code_point << 6) | (byte(i + k) & 0x3F);
    }
    if (code_point < min || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return 0;
    return length;
}

// Calls on_char(code_point, bytes) for each code point of `text`, with U+FFFD for each ill-formed run.
template <typename OnChar>
void for_each_code_point(std::string_view text, OnChar on_char) {
    bool in_bad_run = false;
    for (std::size_t i = 0; i < text.size();) {
        std::uint32_t code_point = 0;
        const std::size_t length = decode(text, i, code_point);
        if (length == 0) {
            if (!in_bad_run) on_char(0xFFFD, kReplacement);
            in_bad_run = true;
            ++i;
            continue;
        }
        in_bad_run = false;
        on_char(code_point, text.substr(i, length));
        i += length;
    }
}

bool is_control(std::uint32_t c) { return c < 0x20 || c == 0x7F; }

}  // namespace

std::string sanitize_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for_each_code_point(text, [&](std::uint32_t, std::string_view bytes) { out += bytes; });
    return out;
}

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for_each_code_point(text, [&](std::uint32_t c, std::string_view bytes) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            case '\t': case '\n': case '\r': out += bytes; break;
            default: out += is_control(c) ? kReplacement : bytes;
        }
    });
    return out;
}

std::string escape_xml(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for_each_code_point(text, [&](std::uint32_t c, std::string_view bytes) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            case '\t': out += "&#9;"; break;
            case '\n': out += "&#10;"; break;
            case '\r': out += "&#13;"; break;
            default:
                if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) break;  // not allowed in XML 1.0, even escaped
                out += bytes;
        }
    });
    return out;
}

std::string truncate_utf8(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a code point
    return std::string(text.substr(0, cut)) + "…";
}

}  // namespace evalpanel::report
