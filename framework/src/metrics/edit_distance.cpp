#include "metrics/edit_distance.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <unordered_map>
#include <vector>

#include "metrics/edit_distance_bitparallel.hpp"

namespace evalpanel::metrics {
namespace {

// Below this many words in the shorter (trimmed) sequence the two-row DP, comparing the words themselves,
// beats giving every word an id first. Code points need no ids, and the bit-parallel engine is faster than
// the DP from one code point up (measured: tools/bench/edit_distance, --crossover, README.md).
constexpr std::size_t kWordsBitParallelMinLength = 16;

// A common prefix and suffix never change the distance, and OCR output is mostly right, so trimming them
// first usually shrinks the work to the differing middle.
template <typename T>
void trim_common_affixes(std::span<const T>& a, std::span<const T>& b) {
    const auto [a_mismatch, b_mismatch] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
    const auto prefix = static_cast<std::size_t>(a_mismatch - a.begin());
    a = a.subspan(prefix);
    b = b.subspan(prefix);
    const auto [a_rmismatch, b_rmismatch] = std::mismatch(a.rbegin(), a.rend(), b.rbegin(), b.rend());
    const auto suffix = static_cast<std::size_t>(a_rmismatch - a.rbegin());
    a = a.first(a.size() - suffix);
    b = b.first(b.size() - suffix);
}

// Wagner–Fischer with two rows, for short word sequences. The shorter sequence indexes the rows.
template <typename T>
std::size_t two_row_distance(std::span<const T> a, std::span<const T> b) {
    if (a.size() < b.size()) std::swap(a, b);
    if (b.empty()) return a.size();
    std::vector<std::size_t> previous(b.size() + 1);
    std::vector<std::size_t> current(b.size() + 1);
    std::iota(previous.begin(), previous.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            const std::size_t deletion = previous[j] + 1;
            const std::size_t insertion = current[j - 1] + 1;
            current[j] = std::min({substitution, deletion, insertion});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

// Words become small integers, equal exactly when the words are, so the engine compares ids, not strings.
std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>> word_ids(std::span<const std::u32string> a,
                                                                           std::span<const std::u32string> b) {
    std::unordered_map<std::u32string_view, std::uint32_t> ids;
    ids.reserve(a.size() + b.size());
    const auto id_of = [&ids](const std::u32string& word) {
        return ids.try_emplace(word, static_cast<std::uint32_t>(ids.size())).first->second;
    };
    std::vector<std::uint32_t> a_ids;
    a_ids.reserve(a.size());
    for (const std::u32string& word : a) a_ids.push_back(id_of(word));
    std::vector<std::uint32_t> b_ids;
    b_ids.reserve(b.size());
    for (const std::u32string& word : b) b_ids.push_back(id_of(word));
    return {std::move(a_ids), std::move(b_ids)};
}

}  // namespace

std::size_t edit_distance(std::u32string_view a, std::u32string_view b) {
    std::span<const char32_t> a_span(a.data(), a.size());
    std::span<const char32_t> b_span(b.data(), b.size());
    trim_common_affixes(a_span, b_span);
    return bit_parallel_edit_distance(a_span, b_span);
}

std::size_t edit_distance(std::span<const std::u32string> a, std::span<const std::u32string> b) {
    trim_common_affixes(a, b);
    if (std::min(a.size(), b.size()) < kWordsBitParallelMinLength) return two_row_distance(a, b);
    const auto [a_ids, b_ids] = word_ids(a, b);
    return bit_parallel_edit_distance(std::span<const std::uint32_t>(a_ids), std::span<const std::uint32_t>(b_ids));
}

}  // namespace evalpanel::metrics
