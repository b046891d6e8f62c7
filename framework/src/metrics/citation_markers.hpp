// Citation markers in a response (METRICS.md §10.3) and ALCE's `remove_citations` (§9.1, §10.4).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace evalpanel::metrics {

// The 1-based source number of every "[" immediately followed by one or more ASCII digits, in text order:
// "[7†L1-L4]" → 7, "[3, 4]" → 3 only, "[3][4]" → 3, 4, "[0]" → 0. Leading zeros are ignored ("[01]" → 1,
// like Python's int()); a number too large for size_t saturates to SIZE_MAX (out of range either way).
std::vector<std::size_t> citation_marker_numbers(std::u32string_view text);

// Length of the bracketed marker "[" + ASCII digits + anything but "[", "]" or newline + "]" starting at
// `pos`, or 0 if there is none there (§10.3 step 2: what a sentence end absorbs).
std::size_t bracketed_marker_length(std::u32string_view text, std::size_t pos);

// `text` with every bracketed marker deleted (§10.3 step 4 drops a sentence with nothing else in it).
std::u32string remove_bracketed_markers(std::u32string_view text);

// Python re's \d on str patterns: Unicode general category Nd, so "٣" (U+0663) is a digit here.
bool is_python_decimal_digit(char32_t c);

// ALCE utils.remove_citations, in its order: delete " [" + \d+, then "[" + \d+, then every " |", then every
// "]". \d is Python's (Unicode Nd), unlike the ASCII-only markers above. Not stripped.
std::u32string remove_citations(std::u32string_view text);

}  // namespace evalpanel::metrics
