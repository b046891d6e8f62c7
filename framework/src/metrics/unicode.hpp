// Text as METRICS.md §0 sees it: a sequence of Unicode code points, with Python's notions of white
// space, case and alphanumerics, because every reference implementation is Python.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace evalpanel::metrics {

inline constexpr char32_t kReplacementChar = U'\uFFFD';

// UTF-8 → code points. Invalid input never throws: each *maximal subpart* of an ill-formed sequence
// becomes one U+FFFD (Unicode §3.9 "U+FFFD Substitution of Maximal Subparts", which is also what
// Python's bytes.decode("utf-8", errors="replace") does). So "\xE2\x82A" → U+FFFD 'A' (a truncated
// 3-byte sequence is one subpart), "\xC0\xAF" → two U+FFFD (C0 can start nothing), and an encoded
// surrogate "\xED\xA0\x80" → three U+FFFD.
std::u32string decode_utf8(std::string_view text);

// Code points → UTF-8. Surrogates and values above U+10FFFF (which decode_utf8 never produces) are
// written as U+FFFD so the output is always valid UTF-8.
std::string encode_utf8(std::u32string_view text);

// Exactly the set of Python's str.isspace() (METRICS.md §0 "W"). U+200B and U+FEFF are not in it;
// U+001C–U+001F and U+0085 are.
bool is_space(char32_t c);

// Python str.isalnum() for one code point: general category L*, Nd, Nl, No, or any character with a
// numeric value. ICU's u_isalnum() alone is narrower (L and Nd only: it rejects "²", "½", "Ⅻ"), hence
// the extra checks. Checked against Python 3.11 (Unicode 14) over every code point it assigns, as were
// to_lower/to_upper: no difference. Only characters new in ICU 72's Unicode 15.0 can differ from an
// older Python (there they are unassigned, hence not alphanumeric and not case-mapped).
bool is_alnum(char32_t c);

// Remove leading and trailing code points in W. Returns a view into `text`.
std::u32string_view strip(std::u32string_view text);

// Python s.split() with no argument: split on runs of W, drop empty pieces.
std::vector<std::u32string> split_ws(std::u32string_view text);

// Words joined by single U+0020 spaces (Python " ".join(words)).
std::u32string join_with_single_spaces(const std::vector<std::u32string>& words);

// Every run of one or more W code points becomes one U+0020 (the `collapse_whitespace` parameter).
std::u32string collapse_whitespace(std::u32string_view text);

// Full Unicode case mappings (UnicodeData + SpecialCasing) with the root locale, like Python's
// str.lower()/str.upper(): to_upper("ß") == "SS", to_lower("İ") == "i\u0307", and a final capital
// sigma lowers to "ς" in both. The result may be longer than the input.
std::u32string to_lower(std::u32string_view text);
std::u32string to_upper(std::u32string_view text);

}  // namespace evalpanel::metrics
