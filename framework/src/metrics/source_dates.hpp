// Source dates and ages (METRICS.md §10.5): how fresh the sources of an answer are, measured against the
// suite's fixed `as_of` date (never "today", so a stored run scores the same forever).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "metrics/metric.hpp"

namespace evalpanel::metrics {

// Days since 1970-01-01 in the proleptic Gregorian calendar.
using DayNumber = std::int64_t;

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" (ASCII digits, year 0001–9999 as Python's datetime.date), optionally
// followed by "T" or " " and anything (a time, ignored); missing month/day mean the 1st. Anything else, and
// impossible dates ("2023-02-29", "2025-13"), is nullopt: undated. No white space is stripped.
std::optional<DayNumber> parse_source_date(std::string_view text);

// as_of − date of every dated source, in source order (negative for a date after as_of).
std::vector<DayNumber> source_ages_days(const std::vector<Source>& sources, DayNumber as_of);

// Dated sources with age <= max_age_days (future dates count as fresh) / dated sources; nullopt if none.
MetricValue fresh_source_ratio(const std::vector<Source>& sources, DayNumber as_of, double max_age_days);

// Median age of the dated sources (mean of the two middle ones for an even count); nullopt if none.
MetricValue median_source_age_days(const std::vector<Source>& sources, DayNumber as_of);

// Registry entries: `as_of` is required (MetricParamError without it), `max_age_days` defaults to 365.
MetricValue fresh_source_ratio_metric(const MetricInput& input);
MetricValue median_source_age_days_metric(const MetricInput& input);

}  // namespace evalpanel::metrics
