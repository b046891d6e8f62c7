// The HTML report: one self-contained page (inline CSS and SVG, no script, nothing fetched) with the verdict
// cards side by side, per-metric and per-slice tables with 95% intervals, and charts. Everything that came
// from a tool or a user is escaped, so nothing a model writes can run script in the page.
#pragma once

#include <string>

#include "report/report_data.hpp"

namespace evalpanel::report {

std::string render_html(const ReportData& data);

// The page's Content-Security-Policy (also sent as a <meta> tag): defence in depth behind the escaping.
inline constexpr const char* kHtmlContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

}  // namespace evalpanel::report
