// `anls`: Average Normalised Levenshtein Similarity for one question, as the Robust Reading Competition
// script for DocVQA / InfographicVQA computes it (METRICS.md §5).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "metrics/metric.hpp"

namespace evalpanel::metrics {

inline constexpr double kDefaultAnlsThreshold = 0.5;

// The normalised distance of one gold: levenshtein of the normalised forms (strip, lower, white-space
// runs collapsed) divided by the longer RAW length after upper-casing ("ß" counts 2, surrounding white
// space counts); 0.0 when both raw strings are empty.
double anls_normalized_distance(std::string_view prediction, std::string_view gold);

// 1 − the smallest normalised distance over the golds; a similarity below `threshold` becomes 0 (exactly
// the threshold is kept). nullopt when there are no golds.
MetricValue anls(std::string_view prediction, const std::vector<std::string>& golds,
                 double threshold = kDefaultAnlsThreshold);

}  // namespace evalpanel::metrics
