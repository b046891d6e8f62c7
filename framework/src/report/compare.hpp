// Candidate run against baseline run, case by case: what `evalpanel compare` prints and gates on.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "report/statistics.hpp"
#include "store/store.hpp"

namespace evalpanel::report {

// The pseudo-metric for per-case latency in a comparison (lower is better).
inline constexpr const char* kLatencyMetric = "latency_ms";

struct MetricComparison {
    std::string metric;
    bool higher_is_better = true;
    std::size_t paired = 0;                 // cases where both runs have a value
    std::optional<double> base_mean;        // over the paired cases
    std::optional<double> candidate_mean;
    std::optional<double> difference;       // candidate - base
    std::optional<Interval> interval;       // paired 95% interval of the difference
    std::optional<double> max_drop;         // the margin given with --max-drop, in the metric's units
    std::string verdict;                    // regression | improvement | no significant change | not gated | not comparable
    std::string reason;                     // one sentence: why that verdict
};

struct Comparison {
    store::RunRecord base;
    store::RunRecord candidate;
    std::size_t base_cases = 0, candidate_cases = 0, paired_cases = 0;
    std::vector<MetricComparison> metrics;
    std::vector<std::string> notes;         // e.g. the suites differ

    bool regression() const;
};

using DirectionOf = std::function<bool(const std::string& metric)>;  // true: higher is better

// One run's values case by case (latency included as a metric), gathered one case at a time: what a
// comparison pairs. Holds numbers and case ids, never a case's texts.
class CaseValues {
public:
    void add(const store::CaseRow& row);

    std::size_t cases() const { return case_ids_.size(); }
    const std::vector<std::string>& case_ids() const { return case_ids_; }
    const std::vector<std::string>& metrics() const { return metrics_; }  // in first-scored order, no latency
    // The value of `metric` (or kLatencyMetric) for the case at `index`; nullopt when it has none.
    std::optional<double> value(const std::string& metric, std::size_t index) const;

private:
    std::vector<std::string> case_ids_;
    std::vector<std::string> metrics_;
    std::vector<std::vector<std::optional<double>>> columns_;  // by metric, then case; may end early
    std::vector<std::optional<double>> latencies_;
};

CaseValues case_values(const std::vector<store::ResultRecord>& results);

// Gate rule (DESIGN.md, issue "CI gate"): with a margin for a metric, it regresses when the candidate's
// mean is worse than the baseline's by more than the margin; without one, when the paired 95% interval
// of the difference lies wholly on the worse side of zero, so an identical rerun passes. Latency is
// machine noise as much as a property of the tool, so it is gated only with an explicit margin.
Comparison compare_runs(const store::RunRecord& base, const CaseValues& base_values, const store::RunRecord& candidate,
                        const CaseValues& candidate_values, const std::map<std::string, double>& max_drop,
                        const DirectionOf& higher_is_better);
Comparison compare_runs(const store::RunRecord& base, const std::vector<store::ResultRecord>& base_results,
                        const store::RunRecord& candidate, const std::vector<store::ResultRecord>& candidate_results,
                        const std::map<std::string, double>& max_drop, const DirectionOf& higher_is_better);

std::string render_comparison_text(const Comparison& comparison);

}  // namespace evalpanel::report
