// The JSON report: every figure the Markdown and HTML reports show (runs, metrics with intervals, slices,
// latency, cost, errors, and each tool's verdict with every reviewer's decision, sentences and the figures
// behind them), in a stable key order so two reports diff cleanly.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "report/report_data.hpp"

namespace evalpanel::report {

inline constexpr int kJsonReportSchemaVersion = 1;

// The report as a JSON value; strings are kept as given (render_json replaces invalid UTF-8 when dumping).
nlohmann::ordered_json report_json(const ReportData& data);

// report_json dumped with two-space indentation and a final newline; invalid UTF-8 becomes U+FFFD.
std::string render_json(const ReportData& data);

}  // namespace evalpanel::report
