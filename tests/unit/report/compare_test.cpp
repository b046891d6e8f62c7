#include "report/compare.hpp"

#include <gtest/gtest.h>

namespace evalpanel::report {
namespace {

store::ResultRecord result(const std::string& id, std::vector<store::ScoreRecord> scores, double latency = 100,
                           const std::string& status = "ok") {
    store::ResultRecord r;
    r.case_id = id;
    r.status = status;
    r.latency_ms = latency;
    r.scores = std::move(scores);
    return r;
}

bool higher_is_better(const std::string&) { return true; }

const MetricComparison& metric_named(const Comparison& c, const std::string& name) {
    for (const auto& m : c.metrics) {
        if (m.metric == name) return m;
    }
    throw std::logic_error("no metric " + name);
}

TEST(Compare, PairsCasesByIdWhateverOrderEachRunStoredThem) {
    std::vector<store::ResultRecord> base, candidate;
    for (int i = 0; i < 12; ++i) {
        const std::string id = "case-" + std::to_string(i);
        base.push_back(result(id, {{"acc", 0.1 * (i % 4)}}));
        candidate.push_back(result(id, {{"acc", 0.05 * (i % 7)}}));
    }
    base.push_back(result("only-base", {{"acc", 1.0}}));
    const Comparison stored_in_order = compare_runs({}, base, {}, candidate, {}, higher_is_better);
    const std::vector<store::ResultRecord> base_reversed(base.rbegin(), base.rend());
    const std::vector<store::ResultRecord> candidate_reversed(candidate.rbegin(), candidate.rend());
    const Comparison stored_reversed = compare_runs({}, base_reversed, {}, candidate_reversed, {}, higher_is_better);
    EXPECT_EQ(stored_in_order.paired_cases, 12u);
    EXPECT_EQ(stored_in_order.base_cases, 13u);
    const MetricComparison& acc = metric_named(stored_in_order, "acc");
    EXPECT_EQ(acc.paired, 12u);
    // The bootstrap resamples the pairs in case-id order, so the interval is the same to the last bit.
    ASSERT_TRUE(acc.interval.has_value());
    EXPECT_EQ(acc.interval->low, metric_named(stored_reversed, "acc").interval->low);
    EXPECT_EQ(acc.interval->high, metric_named(stored_reversed, "acc").interval->high);
    ASSERT_EQ(stored_in_order.notes.size(), 1u);
    EXPECT_EQ(stored_in_order.notes[0], "12 cases are in both runs (baseline 13, candidate 12)");
}

TEST(Compare, MetricsOnlyOneSideScoresAndLatencyOfFailedOrCachedCasesAreNotPaired) {
    std::vector<store::ResultRecord> base = {result("a", {{"acc", 1.0}}, 100), result("b", {{"acc", 1.0}}, 200, "error"),
                                             result("c", {{"acc", std::nullopt}}, 300)};
    base[2].cached = true;
    const std::vector<store::ResultRecord> candidate = {result("a", {{"acc", 1.0}, {"new", 0.5}}, 150),
                                                        result("b", {{"acc", 1.0}}, 250), result("c", {{"acc", 1.0}}, 350)};
    const Comparison c = compare_runs({}, base, {}, candidate, {}, higher_is_better);
    ASSERT_EQ(c.metrics.size(), 3u);
    EXPECT_EQ(c.metrics[0].metric, "acc");
    EXPECT_EQ(c.metrics[0].paired, 2u);  // c is undefined in the baseline
    EXPECT_EQ(c.metrics[1].metric, "new");
    EXPECT_EQ(c.metrics[1].paired, 0u);
    EXPECT_EQ(c.metrics[1].verdict, "not comparable");
    EXPECT_EQ(c.metrics[2].metric, kLatencyMetric);
    EXPECT_EQ(c.metrics[2].paired, 1u);  // b failed and c was cached in the baseline
    EXPECT_DOUBLE_EQ(*c.metrics[2].difference, 50);
}

}  // namespace
}  // namespace evalpanel::report
