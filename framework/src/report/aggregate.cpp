#include "report/aggregate.hpp"

#include <algorithm>
#include <cmath>

namespace evalpanel::report {

namespace {

struct Accumulator {
    std::vector<double> values;
    std::size_t undefined = 0;
    void add(const std::optional<double>& value) {
        if (value) values.push_back(*value);
        else ++undefined;
    }
    MetricSummary finish(const std::string& metric) const {
        MetricSummary s;
        s.metric = metric;
        s.scored = values.size();
        s.undefined = undefined;
        if (!values.empty()) {
            double sum = 0;
            for (double v : values) sum += v;
            s.mean = sum / static_cast<double>(values.size());
            s.ci95 = mean_interval(values);
        }
        return s;
    }
};

}  // namespace

std::size_t RunSummary::count(const std::string& status) const {
    auto it = by_status.find(status);
    return it == by_status.end() ? 0 : it->second;
}

std::optional<double> percentile(std::vector<double> values, double p) {
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    const double rank = p / 100.0 * static_cast<double>(values.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(rank));
    const auto hi = static_cast<std::size_t>(std::ceil(rank));
    return values[lo] + (values[hi] - values[lo]) * (rank - static_cast<double>(lo));
}

RunSummary summarize(const store::RunRecord& run, const std::vector<store::ResultRecord>& results) {
    RunSummary summary;
    summary.run = run;
    summary.cases = results.size();

    std::vector<std::string> metric_order;
    std::map<std::string, Accumulator> overall;
    std::map<std::string, std::map<std::string, Accumulator>> per_tag;
    std::vector<double> latencies;

    for (const store::ResultRecord& r : results) {
        ++summary.by_status[r.status];
        if (r.status == "ok" && !r.cached) latencies.push_back(r.latency_ms);  // a cached answer took no time now
        for (const std::string& tag : r.tags) ++summary.tag_cases[tag];
        for (const store::ScoreRecord& score : r.scores) {
            if (!overall.contains(score.metric)) metric_order.push_back(score.metric);
            overall[score.metric].add(score.value);
            for (const std::string& tag : r.tags) per_tag[tag][score.metric].add(score.value);
        }
    }
    summary.latency_p50_ms = percentile(latencies, 50);
    summary.latency_p95_ms = percentile(latencies, 95);
    for (const std::string& metric : metric_order) summary.metrics.push_back(overall[metric].finish(metric));
    for (auto& [tag, accumulators] : per_tag) {
        for (const std::string& metric : metric_order) {
            if (auto it = accumulators.find(metric); it != accumulators.end()) {
                summary.by_tag[tag].push_back(it->second.finish(metric));
            }
        }
    }
    return summary;
}

}  // namespace evalpanel::report
