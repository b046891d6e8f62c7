#include "metrics/unicode.hpp"

#include <stdexcept>

#include <unicode/uchar.h>
#include <unicode/ustring.h>

namespace evalpanel::metrics {
namespace {

bool is_continuation(unsigned char byte) { return byte >= 0x80 && byte <= 0xBF; }

// What a lead byte promises (Unicode Table 3-7): how many continuation bytes follow and which range
// the FIRST of them must fall in (narrower than 80..BF after E0, ED, F0, F4 — that is what rules out
// overlong forms, surrogates and values above U+10FFFF).
struct LeadByte {
    int continuations = 0;  // -1: this byte cannot start a sequence
    unsigned char first_min = 0x80;
    unsigned char first_max = 0xBF;
    char32_t initial_bits = 0;
};

LeadByte classify_lead(unsigned char byte) {
    if (byte <= 0x7F) return {0, 0x80, 0xBF, byte};
    if (byte >= 0xC2 && byte <= 0xDF) return {1, 0x80, 0xBF, static_cast<char32_t>(byte & 0x1F)};
    if (byte == 0xE0) return {2, 0xA0, 0xBF, 0};
    if (byte == 0xED) return {2, 0x80, 0x9F, static_cast<char32_t>(byte & 0x0F)};
    if (byte >= 0xE1 && byte <= 0xEF) return {2, 0x80, 0xBF, static_cast<char32_t>(byte & 0x0F)};
    if (byte == 0xF0) return {3, 0x90, 0xBF, 0};
    if (byte >= 0xF1 && byte <= 0xF3) return {3, 0x80, 0xBF, static_cast<char32_t>(byte & 0x07)};
    if (byte == 0xF4) return {3, 0x80, 0x8F, 4};
    return {-1, 0, 0, 0};  // 80..C1, F5..FF
}

bool is_encodable(char32_t c) { return c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF); }

// ICU speaks UTF-16; our strings are UTF-32. Unencodable values become U+FFFD on the way in.
std::u16string to_utf16(std::u32string_view text) {
    std::u16string out;
    out.reserve(text.size());
    for (char32_t c : text) {
        if (!is_encodable(c)) c = kReplacementChar;
        if (c >= 0x10000) {
            c -= 0x10000;
            out.push_back(static_cast<char16_t>(0xD800 + (c >> 10)));
            out.push_back(static_cast<char16_t>(0xDC00 + (c & 0x3FF)));
        } else {
            out.push_back(static_cast<char16_t>(c));
        }
    }
    return out;
}

std::u32string from_utf16(std::u16string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t unit = text[i];
        if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < text.size() && text[i + 1] >= 0xDC00 &&
            text[i + 1] <= 0xDFFF) {
            out.push_back(0x10000 + ((unit - 0xD800) << 10) + (text[i + 1] - 0xDC00));
            ++i;
        } else {
            out.push_back(unit >= 0xD800 && unit <= 0xDFFF ? kReplacementChar : unit);
        }
    }
    return out;
}

using IcuCaseMapper = int32_t (*)(UChar*, int32_t, const UChar*, int32_t, const char*, UErrorCode*);

std::u32string map_case(std::u32string_view text, IcuCaseMapper mapper, const char* what) {
    const std::u16string source = to_utf16(text);
    const auto source_length = static_cast<int32_t>(source.size());
    const auto* source_units = reinterpret_cast<const UChar*>(source.data());
    // Full case mappings grow a string by at most a factor of three (U+0390 → 3 code points), so one
    // pass usually suffices; ICU reports the size it needs if not.
    std::u16string mapped(source.size() * 3 + 1, u'\0');
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = mapper(reinterpret_cast<UChar*>(mapped.data()), static_cast<int32_t>(mapped.size()),
                            source_units, source_length, "", &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        mapped.assign(static_cast<std::size_t>(length), u'\0');
        status = U_ZERO_ERROR;
        length = mapper(reinterpret_cast<UChar*>(mapped.data()), length, source_units, source_length, "",
                        &status);
    }
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("ICU ") + what + " failed: " + u_errorName(status));
    }
    mapped.resize(static_cast<std::size_t>(length));
    return from_utf16(mapped);
}

}  // namespace

std::u32string decode_utf8(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const LeadByte spec = classify_lead(lead);
        ++i;
        if (spec.continuations < 0) {
            out.push_back(kReplacementChar);
            continue;
        }
        char32_t code_point = spec.initial_bits;
        int taken = 0;
        while (taken < spec.continuations && i < text.size()) {
            const auto byte = static_cast<unsigned char>(text[i]);
            const bool fits = taken == 0 ? (byte >= spec.first_min && byte <= spec.first_max) : is_continuation(byte);
            if (!fits) break;  // the byte is not consumed: it starts the next sequence
            code_point = (code_point << 6) | (byte & 0x3F);
            ++taken;
            ++i;
        }
        out.push_back(taken == spec.continuations ? code_point : kReplacementChar);
    }
    return out;
}

std::string encode_utf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char32_t c : text) {
        if (!is_encodable(c)) c = kReplacementChar;
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (c >> 18)));
            out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

bool is_space(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
           c == 0x3000;
}

bool is_alnum(char32_t c) {
    if (!is_encodable(c)) return false;
    const auto code_point = static_cast<UChar32>(c);
    const auto category_mask = U_GET_GC_MASK(code_point);
    constexpr auto kPythonAlnumCategories = U_GC_L_MASK | U_GC_ND_MASK | U_GC_NL_MASK | U_GC_NO_MASK;
    return (category_mask & kPythonAlnumCategories) != 0 || u_getNumericValue(code_point) != U_NO_NUMERIC_VALUE;
}

std::u32string_view strip(std::u32string_view text) {
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && is_space(text[begin])) ++begin;
    while (end > begin && is_space(text[end - 1])) --end;
    return text.substr(begin, end - begin);
}

std::vector<std::u32string> split_ws(std::u32string_view text) {
    std::vector<std::u32string> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        const std::size_t start = i;
        while (i < text.size() && !is_space(text[i])) ++i;
        if (i > start) words.emplace_back(text.substr(start, i - start));
    }
    return words;
}

std::u32string join_with_single_spaces(const std::vector<std::u32string>& words) {
    std::u32string joined;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) joined.push_back(U' ');
        joined += words[i];
    }
    return joined;
}

std::u32string collapse_whitespace(std::u32string_view text) {
    std::u32string out;
    out.reserve(text.size());
    bool in_run = false;
    for (char32_t c : text) {
        if (is_space(c)) {
            if (!in_run) out.push_back(U' ');
            in_run = true;
        } else {
            out.push_back(c);
            in_run = false;
        }
    }
    return out;
}

std::u32string to_lower(std::u32string_view text) { return map_case(text, &u_strToLower, "lower-casing"); }

std::u32string to_upper(std::u32string_view text) { return map_case(text, &u_strToUpper, "upper-casing"); }

}  // namespace evalpanel::metrics
