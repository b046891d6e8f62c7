// `lexical_support(claim, passage)` (METRICS.md §10.2): the share of the claim's distinct content words
// that also occur in the passage — evalpanel's deterministic stand-in for ALCE's NLI judge.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "metrics/metric.hpp"

namespace evalpanel::metrics {

using ContentWordSet = std::set<std::u32string>;

ContentWordSet content_word_set(std::u32string_view text);

// |C ∩ P| / |C|, 0.0 when the claim has no content word (so an empty claim is never supported).
double lexical_support(const ContentWordSet& claim_words, const ContentWordSet& passage_words);
double lexical_support(std::u32string_view claim, std::u32string_view passage);

// A claim is supported when its score reaches the threshold (>=, on the score computed as above).
bool lexically_supported(std::u32string_view claim, std::u32string_view passage, double threshold);

// Registry entry: the claim is the prediction, the passage is references[0]; undefined without one.
MetricValue lexical_support_metric(const MetricInput& input);

}  // namespace evalpanel::metrics
