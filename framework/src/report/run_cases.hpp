// What the reports and the verdict read of a run's cases beyond its summary — latencies, per-metric
// values, cost, the failed cases — gathered in the same single pass, so no report has to hold every
// case of a large run.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace evalpanel::report {

struct FailedCase {
    std::string case_id;
    std::string status;  // error | timeout | crash
    std::string error;
    int attempts = 1;
    double latency_ms = 0;
};

struct RunCases {
    std::vector<double> answered_latencies_ms;                 // status ok (cached too), in suite order
    std::optional<double> first_answer_ms;                     // the answered case first in the suite
    std::int64_t first_answer_case_index = 0;                  // that case's position in the suite
    std::map<std::string, std::vector<double>> metric_values;  // metric -> its defined values, in suite order
    double cost_sum_usd = 0;
    std::size_t cases_with_cost = 0;
    bool any_priced_case = false;                              // a case reported a cost above 0
    std::vector<FailedCase> failed;                            // in suite order

    void add(const store::CaseRow& row);
};

RunCases collect_run_cases(const std::vector<store::ResultRecord>& results);

}  // namespace evalpanel::report
