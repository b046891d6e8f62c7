// Aggregates of one run, computed from its stored results: what every report shows.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "report/statistics.hpp"
#include "store/store.hpp"

namespace evalpanel::report {

struct MetricSummary {
    std::string metric;
    std::optional<double> mean;   // over the cases where the metric is defined; nullopt when none is
    std::optional<Interval> ci95; // 95% interval of the mean (statistics.hpp), over the same cases
    std::size_t scored = 0;       // cases with a value
    std::size_t undefined = 0;    // cases where the metric does not apply (METRICS.md §0: never 0)
};

struct RunSummary {
    store::RunRecord run;
    std::size_t cases = 0;                  // results stored
    std::map<std::string, std::size_t> by_status;  // ok, error, timeout, crash
    std::optional<double> latency_p50_ms;   // over cases that got an answer
    std::optional<double> latency_p95_ms;
    std::vector<MetricSummary> metrics;     // in the suite's metric order
    std::map<std::string, std::vector<MetricSummary>> by_tag;  // tag -> same metrics, over that slice
    std::map<std::string, std::size_t> tag_cases;

    std::size_t count(const std::string& status) const;
    std::size_t failed() const { return cases - count("ok"); }
};

// Percentile with linear interpolation between closest ranks (numpy's default); nullopt when empty.
std::optional<double> percentile(std::vector<double> values, double p);

struct SummaryOptions {
    // The bootstrap costs resamples x cases per metric and tag; a summary that shows no intervals (the
    // table `evalpanel run` prints) skips it.
    bool intervals = true;
};

// Builds a RunSummary one case at a time, in suite order, so a run of any size is summarized without
// holding its cases (Store::for_each_case feeds it).
class SummaryBuilder {
public:
    explicit SummaryBuilder(const store::RunRecord& run, const SummaryOptions& options = {});
    ~SummaryBuilder();
    SummaryBuilder(const SummaryBuilder&) = delete;
    SummaryBuilder& operator=(const SummaryBuilder&) = delete;

    void add(const store::CaseRow& row);
    RunSummary finish() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

RunSummary summarize(const store::RunRecord& run, const std::vector<store::ResultRecord>& results,
                     const SummaryOptions& options = {});

}  // namespace evalpanel::report
