// Bit-parallel unit-cost Levenshtein distance (Myers 1999, in Hyyrö's 2003 formulation for the global
// distance), the engine behind edit_distance(). One pass over the longer sequence (the "text") updates
// the DP column of the shorter one (the "pattern") 64 rows at a time; patterns longer than 64 are cut into
// 64-row blocks that hand a horizontal delta (+1, 0, -1) down to the next block. For long inputs only the
// blocks inside Ukkonen's diagonal band are computed, and the band is widened until the result fits in it,
// so the work follows the distance, not the product of the lengths. Results equal the textbook DP exactly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace evalpanel::metrics {

// How the pattern's equality bitvectors (Peq) are stored. `dense` keeps one row of words per distinct
// symbol (fast; memory = distinct symbols x blocks), `sparse` keeps only the non-zero words (memory =
// pattern length; for long word sequences whose distinct words would make dense rows huge). `automatic`
// picks dense while it stays small. The choice never changes the result; it is a parameter for tests.
enum class PeqLayout { automatic, dense, sparse };

// Either argument may be the longer one. Symbols are compared by value: code points, or word ids.
std::size_t bit_parallel_edit_distance(std::span<const char32_t> a, std::span<const char32_t> b,
                                       PeqLayout layout = PeqLayout::automatic);
std::size_t bit_parallel_edit_distance(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b,
                                       PeqLayout layout = PeqLayout::automatic);

// The same, computing every block of every column (no band): for tests of the band, and for the benchmark.
std::size_t bit_parallel_edit_distance_unbanded(std::span<const char32_t> a, std::span<const char32_t> b);

}  // namespace evalpanel::metrics
