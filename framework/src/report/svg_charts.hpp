// Inline SVG charts for the HTML report: drawn here as text, so the page needs no script, no image file
// and no network. Every label that came from data is escaped (html_escape.hpp); colours come from a fixed
// palette indexed by the tool's position in the report, never from data.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "report/statistics.hpp"

namespace evalpanel::report {

// The colour of the tool at `index` in the report's tool order (cycles after the palette's end).
std::string tool_colour(std::size_t index);

// (a) Score per tool and metric: one group of bars per metric, one bar per tool, a whisker for the 95%
// interval. `tools` fixes the bar order and colour; a tool without a value in a group leaves a gap marked "—".
struct ScoreBar {
    std::string tool;
    std::optional<double> mean;
    std::optional<Interval> ci95;
};
struct ScoreGroup {
    std::string metric;
    std::string note;            // e.g. "lower is better"; may be empty
    std::vector<ScoreBar> bars;
};
std::string score_chart_svg(const std::vector<ScoreGroup>& groups, const std::vector<std::string>& tools);

// (b) Latency distribution: one horizontal box plot per tool (box: quartiles, line: median, whiskers:
// fastest and slowest case). The axis turns logarithmic when the slowest case is over 30 times the fastest,
// so a local and a remote tool both stay readable.
struct LatencySeries {
    std::string tool;
    std::vector<double> latencies_ms;   // cases that got an answer
};
std::string latency_chart_svg(const std::vector<LatencySeries>& series, const std::vector<std::string>& tools);

// (c) Cost against quality: one point per tool and suite, x = cost per 1,000 cases in USD, y = the suite's
// first metric. A free tool sits at cost 0 and its label says so; a point missing either figure is listed
// under the chart as not measured instead of being placed anywhere.
struct CostPoint {
    std::string tool;
    std::string label;                        // "tool × suite"
    std::optional<double> cost_per_1000_usd;
    std::optional<double> quality;
    bool free = false;
};
std::string cost_quality_svg(const std::string& metric, const std::string& note, const std::vector<CostPoint>& points,
                             const std::vector<std::string>& tools);

}  // namespace evalpanel::report
