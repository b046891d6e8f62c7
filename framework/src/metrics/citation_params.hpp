// Reading and checking the suite parameters of the citation metrics (METRICS.md §10, §11). The same
// readers serve the suite loader's check (check_param_values) and compute, so the two cannot disagree.
// Every error is a MetricParamError naming the metric and the parameter.
#pragma once

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "metrics/citation_recall_precision.hpp"
#include "metrics/source_dates.hpp"

namespace evalpanel::metrics {

inline constexpr double kDefaultSupportThreshold = 0.5;
inline constexpr std::size_t kDefaultAtMostCitations = 3;
inline constexpr double kDefaultMaxAgeDays = 365;
inline constexpr double kDefaultFactThreshold = 0.8;

// `threshold`: a number in [0, 1] (a support score never exceeds 1), default 0.5.
double support_threshold_param(const nlohmann::json& params, std::string_view metric);

// `threshold` and `at_most_citations` (an integer >= 1, default 3).
CitationJudgeOptions citation_judge_options(const nlohmann::json& params, std::string_view metric);

// `fact_threshold`: a number in [0, 1], default 0.8.
double fact_threshold_param(const nlohmann::json& params);

struct FreshnessOptions {
    DayNumber as_of = 0;
    double max_age_days = kDefaultMaxAgeDays;
};

// `as_of`: REQUIRED, a date string in parse_source_date's format ("2025-06-01"); there is deliberately no
// default such as today, so a score never depends on when it was computed. `max_age_days`: a number >= 0,
// default 365; read only when `accepts_max_age` (median_source_age_days has no such parameter).
FreshnessOptions freshness_options(const nlohmann::json& params, std::string_view metric, bool accepts_max_age = true);

}  // namespace evalpanel::metrics
