// `wer`: word error rate with jiwer 4.0 defaults (METRICS.md §3).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "metrics/error_rate.hpp"
#include "metrics/metric.hpp"

namespace evalpanel::metrics {

// One side's words, as jiwer's wer_default makes them: runs of TWO or more white-space code points
// become one U+0020, strip, then split on U+0020 only. A single tab, newline or NBSP is not a word
// break: "red\tcar" is one word, "red\t\tcar" two.
std::vector<std::u32string> wer_tokens(std::string_view text, const ErrorRateOptions& options = {});

// word edit distance / reference words; an empty reference gives the hypothesis word count.
double wer(std::string_view prediction, std::string_view reference, const ErrorRateOptions& options = {});

// Registry entry point: reads references[0]; nullopt when there is no reference.
MetricValue wer_metric(const MetricInput& input);

}  // namespace evalpanel::metrics
