// `levenshtein`: the raw edit distance in code points (METRICS.md §1). No stripping, no case folding,
// no normalisation: "résumé" (precomposed) vs "resume" is 2.
#pragma once

#include <cstddef>
#include <string_view>

#include "metrics/metric.hpp"

namespace evalpanel::metrics {

std::size_t levenshtein(std::string_view prediction, std::string_view reference);

// Registry entry point: reads references[0]; nullopt when there is no reference.
MetricValue levenshtein_metric(const MetricInput& input);

}  // namespace evalpanel::metrics
