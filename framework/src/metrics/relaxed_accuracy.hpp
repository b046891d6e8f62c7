// `relaxed_accuracy`: ChartQA relaxed accuracy as google-research/pix2struct metrics.py computes it
// (METRICS.md §6): numbers within a relative tolerance, anything else by case-insensitive equality.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "metrics/metric.hpp"

namespace evalpanel::metrics {

inline constexpr double kDefaultMaxRelativeChange = 0.05;

// _to_float: a text ending in "%" loses ALL its trailing "%" and is divided by 100 ("30%" → 0.3,
// "12 %" → 0.12); otherwise the text is read as is. Both readings are exactly Python float()
// (python_float.hpp); nullopt when it is not a number.
std::optional<double> chart_number(std::string_view text);

// relaxed_correctness(target, prediction): when the prediction is a number and the target a number
// other than 0 (NaN counts as other than 0; -0 does not), |p − t| / |t| <= max_relative_change, computed
// in that order; otherwise lower(prediction) == lower(target) with no stripping.
bool relaxed_correct(std::string_view target, std::string_view prediction,
                     double max_relative_change = kDefaultMaxRelativeChange);

// 1.0 if the prediction is relaxed-correct for any target, else 0.0; nullopt when there are no targets.
MetricValue relaxed_accuracy(std::string_view prediction, const std::vector<std::string>& targets,
                             double max_relative_change = kDefaultMaxRelativeChange);

}  // namespace evalpanel::metrics
