// `cer`: character error rate with jiwer 4.0 defaults (METRICS.md §2).
#pragma once

#include <string>
#include <string_view>

#include "metrics/error_rate.hpp"
#include "metrics/metric.hpp"

namespace evalpanel::metrics {

// One side's tokens: strip, then one token per code point (internal white space kept, not collapsed).
std::u32string cer_tokens(std::string_view text, const ErrorRateOptions& options = {});

// edit distance / reference code points; an empty reference gives the hypothesis length (may exceed 1).
double cer(std::string_view prediction, std::string_view reference, const ErrorRateOptions& options = {});

// Registry entry point: reads references[0]; nullopt when there is no reference.
MetricValue cer_metric(const MetricInput& input);

}  // namespace evalpanel::metrics
