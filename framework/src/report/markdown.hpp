// The Markdown report: fits a pull-request comment.
#pragma once

#include <string>
#include <vector>

#include "report/aggregate.hpp"

namespace evalpanel::report {

std::string render_markdown(const std::vector<RunSummary>& runs);

// The plain-text table printed at the end of `evalpanel run` (and by the quickstart).
std::string render_summary_table(const std::vector<RunSummary>& runs);

// "0.0412" / "—" for a value that was not measured.
std::string format_value(const std::optional<double>& value, int decimals = 4);

}  // namespace evalpanel::report
