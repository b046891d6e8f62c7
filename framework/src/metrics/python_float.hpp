// Python's float(str), exactly: relaxed accuracy (METRICS.md §6) decides "is this a number?" with it,
// and its grammar differs from C's strtod in ways real model answers hit (hex, "1_000", "٣").
#pragma once

#include <optional>
#include <string_view>

namespace evalpanel::metrics {

// The value of a Unicode decimal digit (general category Nd: "7", "７", "٣"), or -1. This is Python's
// str.isdecimal() and re's \d on str patterns.
int decimal_digit_value(char32_t c);

// float(text), or nullopt where Python raises ValueError. CPython's steps, in order:
// 1. each non-ASCII code point becomes ASCII: Unicode white space → " ", a decimal digit → its ASCII
//    digit; anything else non-ASCII can never parse;
// 2. strip ASCII white space — only " " and \t \n \v \f \r: U+001C–U+001F, white space for
//    str.isspace(), are NOT stripped here, so float("\x1c1") raises;
// 3. single "_" between two digits is dropped ("2_500"; "1__0", "_1", "1_", "1_.5" raise);
// 4. optional sign, then "inf" / "infinity" / "nan" in any case, or digits with an optional "." and
//    fraction (at least one digit: "7." and ".7" parse, "." does not) and an optional exponent with at
//    least one digit. The rest must be empty: no hex, no thousands commas, no currency.
// The value is correctly rounded; overflow gives ±inf and underflow ±0, as Python does.
std::optional<double> python_float(std::u32string_view text);

}  // namespace evalpanel::metrics
