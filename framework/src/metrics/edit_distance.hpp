// Unit-cost Levenshtein distance (insertions, deletions, substitutions; no transpositions), the core
// of `levenshtein`, `cer`, `wer` and `anls` (METRICS.md §1). Exactly the textbook DP's result, computed
// bit-parallel (edit_distance_bitparallel.hpp): about 0.005 ns per DP cell on long texts with a few percent
// of errors, against ~1 ns for the DP (tools/bench/edit_distance/README.md).
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
