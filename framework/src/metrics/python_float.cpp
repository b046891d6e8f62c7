#include "metrics/python_float.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <string>

#include <unicode/uchar.h>

#include "metrics/unicode.hpp"

namespace evalpanel::metrics {
namespace {

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Py_ISSPACE: the ASCII white space CPython strips around a number.
bool is_c_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Step 1 (_PyUnicode_TransformDecimalAndSpaceToASCII). nullopt: a code point that can never parse.
std::optional<std::string> to_ascii(std::u32string_view text) {
    std::string ascii;
    ascii.reserve(text.size());
    for (char32_t c : text) {
        if (c < 0x7F) {
            ascii.push_back(static_cast<char>(c));
        } else if (is_space(c)) {
            ascii.push_back(' ');
        } else if (const int digit = decimal_digit_value(c); digit >= 0) {
            ascii.push_back(static_cast<char>('0' + digit));
        } else {
            return std::nullopt;
        }
    }
    return ascii;
}

std::string_view strip_c_space(std::string_view text) {
    while (!text.empty() && is_c_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_c_space(text.back())) text.remove_suffix(1);
    return text;
}

// Step 3 (_Py_string_to_number_with_underscores): an underscore must sit between two digits.
std::optional<std::string> drop_underscores(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    char previous = '\0';
    for (char c : text) {
        if (c == '_') {
            if (!is_ascii_digit(previous)) return std::nullopt;
        } else {
            if (previous == '_' && !is_ascii_digit(c)) return std::nullopt;
            out.push_back(c);
        }
        previous = c;
    }
    if (previous == '_') return std::nullopt;
    return out;
}

bool equals_ignoring_ascii_case(std::string_view text, std::string_view lower_word) {
    if (text.size() != lower_word.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const char lowered = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        if (lowered != lower_word[i]) return false;
    }
    return true;
}

std::size_t count_digits(std::string_view text, std::size_t from) {
    std::size_t end = from;
    while (end < text.size() && is_ascii_digit(text[end])) ++end;
    return end - from;
}

// The pieces of an unsigned decimal literal: digits[.digits][(e|E)[+-]digits].
struct DecimalLiteral {
    std::string_view integer_digits;
    std::string_view fraction_digits;
    long exponent = 0;  // saturated: only its order of magnitude matters past double's range
};

std::optional<DecimalLiteral> parse_decimal_literal(std::string_view text) {
    DecimalLiteral literal;
    std::size_t pos = 0;
    const std::size_t integer_count = count_digits(text, pos);
    literal.integer_digits = text.substr(pos, integer_count);
    pos += integer_count;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        const std::size_t fraction_count = count_digits(text, pos);
        literal.fraction_digits = text.substr(pos, fraction_count);
        pos += fraction_count;
    }
    if (literal.integer_digits.empty() && literal.fraction_digits.empty()) return std::nullopt;
    if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
        ++pos;
        bool negative_exponent = false;
        if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) negative_exponent = text[pos++] == '-';
        const std::size_t exponent_count = count_digits(text, pos);
        if (exponent_count == 0) return std::nullopt;
        constexpr long kSaturated = 1'000'000;
        for (char digit : text.substr(pos, exponent_count)) {
            literal.exponent = std::min(kSaturated, literal.exponent * 10 + (digit - '0'));
        }
        if (negative_exponent) literal.exponent = -literal.exponent;
        pos += exponent_count;
    }
    if (pos != text.size()) return std::nullopt;
    return literal;
}

// from_chars reports a value outside double's range instead of rounding it; Python gives inf for an
// overflow and 0 for an underflow. Which one it is follows from the decimal exponent of the first
// non-zero digit (overflow needs ≥ 1e308, underflow < 1e-323; zero is never out of range).
double out_of_range_value(const DecimalLiteral& literal) {
    const std::string digits = std::string(literal.integer_digits) + std::string(literal.fraction_digits);
    const std::size_t first_nonzero = digits.find_first_not_of('0');
    const long leading_exponent =
        static_cast<long>(literal.integer_digits.size()) - 1 - static_cast<long>(first_nonzero) + literal.exponent;
    return leading_exponent >= 0 ? std::numeric_limits<double>::infinity() : 0.0;
}

std::optional<double> parse_unsigned(std::string_view text) {
    if (equals_ignoring_ascii_case(text, "inf") || equals_ignoring_ascii_case(text, "infinity")) {
        return std::numeric_limits<double>::infinity();
    }
    if (equals_ignoring_ascii_case(text, "nan")) return std::numeric_limits<double>::quiet_NaN();
    const auto literal = parse_decimal_literal(text);
    if (!literal) return std::nullopt;
    // The grammar is checked above; from_chars (correctly rounded, locale-independent) does the value.
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error == std::errc::result_out_of_range) return out_of_range_value(*literal);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

int decimal_digit_value(char32_t c) {
    if (c > 0x10FFFF) return -1;
    return u_charDigitValue(static_cast<UChar32>(c));
}

std::optional<double> python_float(std::u32string_view text) {
    const auto ascii = to_ascii(text);
    if (!ascii) return std::nullopt;
    const auto without_underscores = drop_underscores(strip_c_space(*ascii));
    if (!without_underscores) return std::nullopt;
    std::string_view number = *without_underscores;
    bool negative = false;
    if (!number.empty() && (number.front() == '+' || number.front() == '-')) {
        negative = number.front() == '-';
        number.remove_prefix(1);
    }
    const auto magnitude = parse_unsigned(number);
    if (!magnitude) return std::nullopt;
    return negative ? -*magnitude : *magnitude;
}

}  // namespace evalpanel::metrics
