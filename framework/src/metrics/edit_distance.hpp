// Unit-cost Levenshtein distance (insertions, deletions, substitutions; no transpositions), the core
// of `levenshtein`, `cer`, `wer` and `anls` (METRICS.md §1).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace evalpanel::metrics {

// Over code points: edit_distance(U"kitten", U"sitting") == 3.
std::size_t edit_distance(std::u32string_view a, std::u32string_view b);

// Over words: each element is one token, compared by exact equality.
std::size_t edit_distance(std::span<const std::u32string> a, std::span<const std::u32string> b);

}  // namespace evalpanel::metrics
