#include "report/aggregate.hpp"

#include <algorithm>
#include <cmath>

namespace evalpanel::report {

namespace {

// One metric's values over some cases. Keeps every value only when an interval is wanted: the mean
// alone needs a sum.
class Accumulator {
public:
    void add(const std::optional<double>& value, bool keep_values) {
        if (!value) {
            ++undefined_;
            return;
        }
        sum_ += *value;
        ++scored_;
        if (keep_values) values_.push_back(*value);
    }
    bool seen() const { return scored_ + undefined_ > 0; }
    MetricSummary finish(const std::string& metric, bool interval) const {
        MetricSummary s;
        s.metric = metric;
        s.scored = scored_;
        s.undefined = undefined_;
        if (scored_ > 0) {
            s.mean = sum_ / static_cast<double>(scored_);
            if (interval) s.ci95 = mean_interval(values_);
        }
        return s;
    }

private:
    std::vector<double> values_;
    double sum_ = 0;
    std::size_t scored_ = 0;
    std::size_t undefined_ = 0;
};

// A slice: one tag's cases, with an accumulator per metric slot (the run's metric order).
struct TagSlice {
    std::size_t cases = 0;
    std::vector<Accumulator> metrics;
};

}  // namespace

struct SummaryBuilder::State {
    RunSummary summary;
    bool intervals = true;
    std::vector<std::string> metric_order;
    std::vector<Accumulator> overall;  // by metric slot
    std::map<std::string, TagSlice> slices;
    std::vector<double> latencies;
    // Consecutive cases mostly carry the same tags: their slices are found once.
    std::vector<std::string> last_tags;
    std::vector<TagSlice*> last_slices;

    std::size_t metric_slot(const std::string& metric) {
        const auto found = std::find(metric_order.begin(), metric_order.end(), metric);
        if (found != metric_order.end()) return static_cast<std::size_t>(found - metric_order.begin());
        metric_order.push_back(metric);
        overall.emplace_back();
        return metric_order.size() - 1;
    }

    const std::vector<TagSlice*>& slices_of(const std::vector<std::string>& tags) {
        if (tags != last_tags || last_slices.size() != tags.size()) {
            last_tags = tags;
            last_slices.clear();
            for (const std::string& tag : tags) last_slices.push_back(&slices[tag]);
        }
        return last_slices;
    }
};

SummaryBuilder::SummaryBuilder(const store::RunRecord& run, const SummaryOptions& options)
    : state_(std::make_unique<State>()) {
    state_->summary.run = run;
    state_->intervals = options.intervals;
}

SummaryBuilder::~SummaryBuilder() = default;

void SummaryBuilder::add(const store::CaseRow& row) {
    State& s = *state_;
    ++s.summary.cases;
    ++s.summary.by_status[std::string(row.status)];
    if (row.status == "ok" && !row.cached) s.latencies.push_back(row.latency_ms);  // a cached answer took no time now
    const std::vector<TagSlice*>& slices = s.slices_of(row.tags);
    for (TagSlice* slice : slices) ++slice->cases;
    for (const store::ScoreRecord& score : row.scores) {
        const std::size_t slot = s.metric_slot(score.metric);
        s.overall[slot].add(score.value, s.intervals);
        for (TagSlice* slice : slices) {
            if (slice->metrics.size() <= slot) slice->metrics.resize(slot + 1);
            slice->metrics[slot].add(score.value, s.intervals);
        }
    }
}

RunSummary SummaryBuilder::finish() const {
    const State& s = *state_;
    RunSummary summary = s.summary;
    summary.latency_p50_ms = percentile(s.latencies, 50);
    summary.latency_p95_ms = percentile(s.latencies, 95);
    for (std::size_t slot = 0; slot < s.metric_order.size(); ++slot) {
        summary.metrics.push_back(s.overall[slot].finish(s.metric_order[slot], s.intervals));
    }
    for (const auto& [tag, slice] : s.slices) {
        summary.tag_cases[tag] = slice.cases;
        for (std::size_t slot = 0; slot < slice.metrics.size(); ++slot) {
            if (slice.metrics[slot].seen()) {
                summary.by_tag[tag].push_back(slice.metrics[slot].finish(s.metric_order[slot], s.intervals));
            }
        }
    }
    return summary;
}

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

RunSummary summarize(const store::RunRecord& run, const std::vector<store::ResultRecord>& results,
                     const SummaryOptions& options) {
    SummaryBuilder builder(run, options);
    for (const store::ResultRecord& r : results) builder.add(store::case_row(r));
    return builder.finish();
}

}  // namespace evalpanel::report
