#include "report/aggregate.hpp"

#include <gtest/gtest.h>

namespace evalpanel::report {
namespace {

store::ResultRecord result(const std::string& id, const std::string& status, double latency,
                           std::vector<std::string> tags, std::optional<double> cer) {
    store::ResultRecord r;
    r.case_id = id;
    r.status = status;
    r.latency_ms = latency;
    r.tags = std::move(tags);
    r.scores = {{"cer", cer}, {"exact_match", cer ? std::optional<double>(*cer == 0 ? 1.0 : 0.0) : std::nullopt}};
    return r;
}

TEST(Aggregate, PercentileInterpolatesLikeNumpy) {
    EXPECT_FALSE(percentile({}, 50).has_value());
    EXPECT_DOUBLE_EQ(*percentile({7}, 95), 7);
    EXPECT_DOUBLE_EQ(*percentile({1, 2, 3, 4}, 50), 2.5);
    EXPECT_DOUBLE_EQ(*percentile({10, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 95), 9.55);
}

TEST(Aggregate, MeansSkipUndefinedAndCountThem) {
    store::RunRecord run;
    const std::vector<store::ResultRecord> results = {
        result("a", "ok", 10, {"clean"}, 0.0),
        result("b", "ok", 30, {"degraded", "blur"}, 0.5),
        result("c", "error", 99, {"degraded"}, 1.0),
        result("d", "ok", 20, {"clean"}, std::nullopt),
    };
    const RunSummary s = summarize(run, results);
    EXPECT_EQ(s.cases, 4u);
    EXPECT_EQ(s.count("ok"), 3u);
    EXPECT_EQ(s.failed(), 1u);
    ASSERT_EQ(s.metrics.size(), 2u);
    EXPECT_EQ(s.metrics[0].metric, "cer");
    EXPECT_DOUBLE_EQ(*s.metrics[0].mean, 0.5);  // (0 + 0.5 + 1) / 3
    EXPECT_EQ(s.metrics[0].scored, 3u);
    EXPECT_EQ(s.metrics[0].undefined, 1u);
    EXPECT_DOUBLE_EQ(*s.latency_p50_ms, 20);  // latency over answered cases only
    EXPECT_DOUBLE_EQ(*s.by_tag.at("degraded")[0].mean, 0.75);
    EXPECT_EQ(s.tag_cases.at("clean"), 2u);
    EXPECT_FALSE(s.by_tag.at("clean")[0].mean.value() != 0.0);
}

TEST(Aggregate, IntervalsAreComputedUnlessTurnedOff) {
    const std::vector<store::ResultRecord> results = {result("a", "ok", 10, {"t"}, 0.0), result("b", "ok", 10, {"t"}, 1.0)};
    const RunSummary with = summarize(store::RunRecord{}, results);
    EXPECT_TRUE(with.metrics[0].ci95.has_value());
    EXPECT_TRUE(with.by_tag.at("t")[0].ci95.has_value());
    const RunSummary without = summarize(store::RunRecord{}, results, SummaryOptions{false});
    EXPECT_FALSE(without.metrics[0].ci95.has_value());
    EXPECT_FALSE(without.by_tag.at("t")[0].ci95.has_value());
    EXPECT_DOUBLE_EQ(*without.metrics[0].mean, 0.5);  // the means are the same either way
}

TEST(Aggregate, EmptyRunHasNoMeans) {
    const RunSummary s = summarize(store::RunRecord{}, {});
    EXPECT_EQ(s.cases, 0u);
    EXPECT_TRUE(s.metrics.empty());
    EXPECT_FALSE(s.latency_p95_ms.has_value());
}

}  // namespace
}  // namespace evalpanel::report
