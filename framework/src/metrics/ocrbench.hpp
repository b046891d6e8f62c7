// `ocrbench` and `ocrbench_hme`: OCRBench's containment scoring, as the official MultimodalOCR scripts
// compute it (METRICS.md §7).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "metrics/metric.hpp"

namespace evalpanel::metrics {

// norm(x) = lower, strip, "\n" → " " (in that order; tabs, double spaces, accents, full-width letters
// stay). 1.0 if norm(gold) is a substring of norm(prediction) for any gold, else 0.0; nullopt when there
// are no golds. An empty gold is contained in everything.
MetricValue ocrbench(std::string_view prediction, const std::vector<std::string>& golds);

// Handwritten mathematical expressions (HME100k): norm(x) = strip, "\n" → " ", delete every U+0020.
// Case-sensitive; tabs and other white space stay.
MetricValue ocrbench_hme(std::string_view prediction, const std::vector<std::string>& golds);

}  // namespace evalpanel::metrics
