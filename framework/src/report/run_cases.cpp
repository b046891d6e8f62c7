#include "report/run_cases.hpp"

namespace evalpanel::report {

void RunCases::add(const store::CaseRow& row) {
    if (row.status == "ok") {
        answered_latencies_ms.push_back(row.latency_ms);
        // The lowest case index wins; on a tie, the case met first.
        if (!first_answer_ms || row.case_index < first_answer_case_index) {
            first_answer_ms = row.latency_ms;
            first_answer_case_index = row.case_index;
        }
    } else {
        failed.push_back({std::string(row.case_id), std::string(row.status), std::string(row.error), row.attempts,
                          row.latency_ms});
    }
    for (const store::ScoreRecord& score : row.scores) {
        if (score.value) metric_values[score.metric].push_back(*score.value);
    }
    if (row.cost_usd) {
        cost_sum_usd += *row.cost_usd;
        ++cases_with_cost;
        any_priced_case = any_priced_case || *row.cost_usd > 0;
    }
}

RunCases collect_run_cases(const std::vector<store::ResultRecord>& results) {
    RunCases cases;
    for (const store::ResultRecord& r : results) cases.add(store::case_row(r));
    return cases;
}

}  // namespace evalpanel::report
