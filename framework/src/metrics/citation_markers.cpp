#include "metrics/citation_markers.hpp"

#include <limits>

#include <unicode/uchar.h>

namespace evalpanel::metrics {
namespace {

bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

std::size_t saturating_append_digit(std::size_t number, char32_t digit) {
    constexpr std::size_t kMax = std::numeric_limits<std::size_t>::max();
    const auto value = static_cast<std::size_t>(digit - U'0');
    if (number > (kMax - value) / 10) return kMax;
    return number * 10 + value;
}

// re.sub(pattern, "", text) for pattern = prefix + r"\d+" (non-overlapping, left to right).
std::u32string delete_prefix_then_digits(std::u32string_view text, std::u32string_view prefix) {
    std::u32string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (text.substr(i, prefix.size()) == prefix) {
            std::size_t end = i + prefix.size();
            while (end < text.size() && is_python_decimal_digit(text[end])) ++end;
            if (end > i + prefix.size()) {
                i = end;
                continue;
            }
        }
        out.push_back(text[i++]);
    }
    return out;
}

// Python str.replace(needle, ""): non-overlapping, left to right, single pass.
std::u32string delete_all(std::u32string_view text, std::u32string_view needle) {
    std::u32string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (text.substr(i, needle.size()) == needle) {
            i += needle.size();
        } else {
            out.push_back(text[i++]);
        }
    }
    return out;
}

}  // namespace

std::vector<std::size_t> citation_marker_numbers(std::u32string_view text) {
    std::vector<std::size_t> numbers;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != U'[' || i + 1 >= text.size() || !is_ascii_digit(text[i + 1])) continue;
        std::size_t number = 0;
        std::size_t end = i + 1;
        for (; end < text.size() && is_ascii_digit(text[end]); ++end) {
            number = saturating_append_digit(number, text[end]);
        }
        numbers.push_back(number);
        i = end - 1;
    }
    return numbers;
}

std::size_t bracketed_marker_length(std::u32string_view text, std::size_t pos) {
    if (pos + 1 >= text.size() || text[pos] != U'[' || !is_ascii_digit(text[pos + 1])) return 0;
    for (std::size_t end = pos + 2; end < text.size(); ++end) {
        const char32_t c = text[end];
        if (c == U']') return end + 1 - pos;
        if (c == U'[' || c == U'\n') return 0;
    }
    return 0;
}

std::u32string remove_bracketed_markers(std::u32string_view text) {
    std::u32string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t marker = bracketed_marker_length(text, i);
        if (marker > 0) {
            i += marker;
        } else {
            out.push_back(text[i++]);
        }
    }
    return out;
}

bool is_python_decimal_digit(char32_t c) {
    return u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER;
}

std::u32string remove_citations(std::u32string_view text) {
    const std::u32string without_spaced = delete_prefix_then_digits(text, U" [");
    const std::u32string without_markers = delete_prefix_then_digits(without_spaced, U"[");
    return delete_all(delete_all(without_markers, U" |"), U"]");
}

}  // namespace evalpanel::metrics
