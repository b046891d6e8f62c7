// `exact_match` and `token_f1`: SQuAD v2.0 answer scoring (METRICS.md §8, rajpurkar/SQuAD-explorer
// evaluate-v2.0.py).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "metrics/metric.hpp"

namespace evalpanel::metrics {

// SQuAD normalize_answer, in its order: full lower-casing; delete the 32 ASCII punctuation characters
// (only those: "’", "—", "€" stay); replace each whole word "a", "an", "the" by a space, where words are
// runs of Python \w (Unicode alphanumerics and "_", so the final "a" of "piña" is not a word); then
// split on white space and join with single spaces.
std::u32string squad_normalize(std::string_view text);

// Max over golds of [normalize(gold) == normalize(prediction)]: 0.0 or 1.0. Golds that normalise to
// empty are dropped; if none remain (or there were none) the golds are [""], so only a prediction that
// normalises to empty is right (v2.0 unanswerable questions).
double exact_match(std::string_view prediction, const std::vector<std::string>& golds);

// Max over golds of the token-multiset F1 (same gold handling). An empty token list on either side
// scores 1 if both are empty, else 0.
double token_f1(std::string_view prediction, const std::vector<std::string>& golds);

// Registry entry points: every reference is a gold.
MetricValue exact_match_metric(const MetricInput& input);
MetricValue token_f1_metric(const MetricInput& input);

}  // namespace evalpanel::metrics
