// Everything a rendered report (HTML, JSON, JUnit) is made from: the runs' aggregates, what their cases
// add to them, their per-case records where a format lists every case, and the panel's verdicts. The
// renderers only read it; `evalpanel report` fills it from the store.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "report/aggregate.hpp"
#include "report/run_cases.hpp"
#include "store/store.hpp"
#include "verdict/verdict.hpp"

namespace evalpanel::report {

struct ReportData {
    std::vector<RunSummary> runs;                                 // in the order the report shows them
    std::map<std::int64_t, RunCases> cases;                       // run id -> latencies, cost, failed cases (may be absent)
    // run id -> its full records (may be absent): only the formats that list every case (HTML, JUnit)
    // need them, and a large run's records are the bulk of a report's time and memory.
    std::map<std::int64_t, std::vector<store::ResultRecord>> results;
    std::vector<verdict::ToolVerdict> verdicts;                   // empty: a report without a panel
    std::string title;                                            // empty: "evalpanel report"
    std::string generated_at;                                     // ISO-8601 UTC
    std::map<std::string, bool> higher_is_better;                 // metric -> direction; absent = not stated
};

// The tools of the report, in the order of their first run, then tools that only have a verdict.
std::vector<std::string> report_tools(const ReportData& data);

// The cases of a run, or an empty list when the report was given none.
const std::vector<store::ResultRecord>& results_of(const ReportData& data, std::int64_t run_id);
// What a run's cases add to its summary, or an empty RunCases when the report was given none.
const RunCases& cases_of(const ReportData& data, std::int64_t run_id);

// What a run cost: the mean of the cases' reported cost, or 0 for a run whose stored pricing says free and
// whose cases report none; nullopt when neither is known (a paid tool that reported no cost).
struct RunCost {
    std::optional<double> per_case_usd;
    std::optional<double> per_1000_usd;
    bool free = false;
    std::size_t cases_with_cost = 0;
};
RunCost run_cost(const RunSummary& run, const RunCases& cases);

}  // namespace evalpanel::report
