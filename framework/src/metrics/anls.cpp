#include "metrics/anls.hpp"

#include <algorithm>
#include <limits>

#include "metrics/edit_distance.hpp"
#include "metrics/unicode.hpp"

namespace evalpanel::metrics {
namespace {

// ' '.join(s.strip().lower().split())
std::u32string anls_normalize(std::u32string_view text) {
    return join_with_single_spaces(split_ws(to_lower(strip(text))));
}

}  // namespace

double anls_normalized_distance(std::string_view prediction, std::string_view gold) {
    const std::u32string raw_prediction = decode_utf8(prediction);
    const std::u32string raw_gold = decode_utf8(gold);
    const std::size_t distance = edit_distance(anls_normalize(raw_gold), anls_normalize(raw_prediction));
    const std::size_t length = std::max(to_upper(raw_gold).size(), to_upper(raw_prediction).size());
    return length == 0 ? 0.0 : static_cast<double>(distance) / static_cast<double>(length);
}

MetricValue anls(std::string_view prediction, const std::vector<std::string>& golds, double threshold) {
    if (golds.empty()) return std::nullopt;
    double smallest = std::numeric_limits<double>::infinity();
    for (const std::string& gold : golds) smallest = std::min(smallest, anls_normalized_distance(prediction, gold));
    const double similarity = 1 - smallest;
    return similarity < threshold ? 0.0 : similarity;
}

}  // namespace evalpanel::metrics
