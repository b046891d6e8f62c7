#include "metrics/edit_distance.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

namespace evalpanel::metrics {
namespace {

// Wagner–Fischer with two rows. A common prefix and suffix never change the distance, and OCR output is
// mostly right, so trimming them first usually shrinks the quadratic part to the differing middle.
// The shorter sequence indexes the rows: memory O(min(n, m)).
template <typename T>
std::size_t levenshtein_two_rows(std::span<const T> a, std::span<const T> b) {
    const auto [a_mismatch, b_mismatch] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
    const auto prefix = static_cast<std::size_t>(a_mismatch - a.begin());
    a = a.subspan(prefix);
    b = b.subspan(prefix);
    const auto [a_rmismatch, b_rmismatch] = std::mismatch(a.rbegin(), a.rend(), b.rbegin(), b.rend());
    const auto suffix = static_cast<std::size_t>(a_rmismatch - a.rbegin());
    a = a.first(a.size() - suffix);
    b = b.first(b.size() - suffix);

    if (a.size() < b.size()) std::swap(a, b);  // b is now the shorter one: it sizes the rows
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

}  // namespace

std::size_t edit_distance(std::u32string_view a, std::u32string_view b) {
    return levenshtein_two_rows(std::span<const char32_t>(a.data(), a.size()),
                                std::span<const char32_t>(b.data(), b.size()));
}

std::size_t edit_distance(std::span<const std::u32string> a, std::span<const std::u32string> b) {
    return levenshtein_two_rows(a, b);
}

}  // namespace evalpanel::metrics
