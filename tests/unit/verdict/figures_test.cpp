#include <gtest/gtest.h>

#include "comparison_fixture.hpp"
#include "verdict/verdict.hpp"

namespace evalpanel::verdict {
namespace {

constexpr double kTolerance = 1e-12;

const ToolFigures& tool_named(const std::vector<ToolFigures>& tools, const std::string& name) {
    for (const ToolFigures& t : tools) {
        if (t.tool == name) return t;
    }
    throw std::runtime_error("no tool " + name);
}

double at(const ToolFigures& t, const std::string& name) {
    auto it = t.figures.find(name);
    if (it == t.figures.end()) throw std::runtime_error(t.tool + " lacks " + name);
    return it->second;
}

TEST(Figures, PoolsTheRunsOfATool) {
    const auto tools = compute_figures(testing::two_tool_comparison());
    ASSERT_EQ(tools.size(), 2u);
    EXPECT_EQ(tools[0].tool, "alpha");  // order of first appearance
    const ToolFigures& a = tools[0];
    EXPECT_EQ(a.run_ids, (std::vector<std::int64_t>{1, 2}));
    EXPECT_EQ(at(a, "runs"), 2);
    EXPECT_EQ(at(a, "cases"), 40);
    EXPECT_NEAR(at(a, "error_rate"), 1.0 / 40, kTolerance);
    EXPECT_EQ(at(a, "timeout_rate"), 0);
    EXPECT_NEAR(at(a, "metric.cer.mean"), (0.10 * 10 + 0.06 * 30) / 40, kTolerance);  // 0.07
    EXPECT_EQ(at(a, "metric.cer.scored"), 40);
    EXPECT_NEAR(at(a, "metric.exact_match.mean"), 0.75, kTolerance);
    EXPECT_NEAR(at(a, "slice.clean.cer.mean"), 0.036, kTolerance);            // (0.02*5 + 0.04*20) / 25
    EXPECT_NEAR(at(a, "slice.degraded.cer.mean"), 1.9 / 15, kTolerance);      // (0.18*5 + 0.10*10) / 15
    EXPECT_NEAR(at(a, "slice.rotation.cer.mean"), 0.5, kTolerance);
    EXPECT_EQ(at(a, "slice.degraded.cases"), 15);
    EXPECT_EQ(at(a, "slice.rotation.cases"), 2);
}

TEST(Figures, WorstSliceFollowsTheMetricsDirectionAndSkipsTinySlices) {
    const auto tools = compute_figures(testing::two_tool_comparison());
    const ToolFigures& a = tool_named(tools, "alpha");
    // rotation (cer 0.5) has 2 cases: too few; degraded is the worst of the rest for a lower-is-better metric.
    EXPECT_EQ(a.text.at("worst_slice.cer"), "degraded");
    EXPECT_NEAR(at(a, "worst_slice.cer.mean"), 1.9 / 15, kTolerance);
    EXPECT_EQ(at(a, "worst_slice.cer.cases"), 15);
    EXPECT_FALSE(a.figures.contains("worst_slice.exact_match.mean"));  // no slices for it
}

TEST(Figures, NotMeasuredStaysAbsent) {
    const auto tools = compute_figures(testing::two_tool_comparison());
    const ToolFigures& a = tool_named(tools, "alpha");
    // Two runs and no cases given: neither pooled percentiles nor a pooled interval can be computed.
    EXPECT_FALSE(a.figures.contains("latency.p50_ms"));
    EXPECT_FALSE(a.figures.contains("latency.p95_ms"));
    EXPECT_FALSE(a.figures.contains("latency.first_answer_ms"));
    EXPECT_FALSE(a.figures.contains("metric.cer.ci_low"));
    EXPECT_FALSE(a.figures.contains("primary.ci_low"));
    const ToolFigures& b = tool_named(tools, "beta");
    EXPECT_FALSE(b.figures.contains("change.cer"));   // no previous run
    EXPECT_FALSE(b.figures.contains("votes.up"));     // nobody voted
}

TEST(Figures, ExactKeySetOfAlpha) {
    const auto tools = compute_figures(testing::two_tool_comparison());
    std::vector<std::string> keys;
    for (const auto& [name, value] : tool_named(tools, "alpha").figures) keys.push_back(name);
    EXPECT_EQ(keys, (std::vector<std::string>{
                        "cases", "change.cer", "change.exact_match", "competitors", "cost.per_1000_usd",
                        "cost.per_case_usd", "crash_rate", "entry_free", "error_rate", "gap_to_best.cer",
                        "gap_to_best.exact_match", "local", "metric.cer.mean", "metric.cer.scored",
                        "metric.exact_match.mean", "metric.exact_match.scored", "primary.change", "primary.gap_to_best",
                        "primary.mean", "primary.quality", "primary.scored", "primary.worst_slice.cases",
                        "primary.worst_slice.mean", "primary.worst_slice.quality", "runs", "slice.clean.cases",
                        "slice.clean.cer.mean", "slice.degraded.cases", "slice.degraded.cer.mean", "slice.rotation.cases",
                        "slice.rotation.cer.mean", "timeout_rate", "votes.down", "votes.total", "votes.up",
                        "worst_slice.cer.cases", "worst_slice.cer.mean"}));
}

TEST(Figures, ChangeAgainstThePreviousRunOfTheSameSuite) {
    const auto tools = compute_figures(testing::two_tool_comparison());
    const ToolFigures& a = tool_named(tools, "alpha");
    // Only run 1 has a previous run: 0.10 now against 0.12 before.
    EXPECT_NEAR(at(a, "change.cer"), -0.02, kTolerance);
    EXPECT_NEAR(at(a, "change.exact_match"), 0.1, kTolerance);
    EXPECT_NEAR(at(a, "primary.change"), 0.02, kTolerance);  // cer fell: an improvement
}

TEST(Figures, GapToTheBestOtherToolIsPositiveWhenAhead) {
    const auto tools = compute_figures(testing::two_tool_comparison());
    const ToolFigures& a = tool_named(tools, "alpha");
    const ToolFigures& b = tool_named(tools, "beta");
    EXPECT_NEAR(at(a, "gap_to_best.cer"), -0.02, kTolerance);  // cer 0.07 against beta's 0.05: behind
    EXPECT_NEAR(at(b, "gap_to_best.cer"), 0.02, kTolerance);
    EXPECT_NEAR(at(a, "gap_to_best.exact_match"), -0.15, kTolerance);  // 0.75 against 0.9
    EXPECT_NEAR(at(b, "gap_to_best.exact_match"), 0.15, kTolerance);
    EXPECT_EQ(a.text.at("best_competitor.cer"), "beta");
    EXPECT_EQ(b.text.at("best_competitor.cer"), "alpha");
    EXPECT_EQ(at(a, "competitors"), 1);
}

TEST(Figures, CasesGivePercentilesCostAndFirstAnswer) {
    const auto tools = compute_figures(testing::two_tool_comparison());
    const ToolFigures& b = tool_named(tools, "beta");
    EXPECT_DOUBLE_EQ(at(b, "latency.p50_ms"), 5500);   // 1000..10000, numpy's linear percentile
    EXPECT_DOUBLE_EQ(at(b, "latency.p95_ms"), 9550);
    EXPECT_DOUBLE_EQ(at(b, "latency.first_answer_ms"), 1000);
    EXPECT_NEAR(at(b, "cost.per_case_usd"), 0.02, kTolerance);  // five at 0.01, five at 0.03
    EXPECT_NEAR(at(b, "cost.per_1000_usd"), 20, kTolerance);
    EXPECT_EQ(at(b, "entry_free"), 0);
    EXPECT_EQ(b.text.at("entry"), "Paid");
    EXPECT_FALSE(b.free);
    EXPECT_EQ(at(b, "local"), 0);
    EXPECT_EQ(b.kind, "remote");
    EXPECT_EQ(b.plugin, "beta_plugin");
    EXPECT_DOUBLE_EQ(at(b, "metric.cer.ci_low"), 0.01);  // one run: its own interval
    EXPECT_DOUBLE_EQ(at(b, "metric.cer.ci_high"), 0.1);
}

TEST(Figures, FreeToolCostsNothingAndVotesAreCounted) {
    const auto tools = compute_figures(testing::two_tool_comparison());
    const ToolFigures& a = tool_named(tools, "alpha");
    EXPECT_EQ(at(a, "entry_free"), 1);
    EXPECT_EQ(at(a, "cost.per_case_usd"), 0);
    EXPECT_EQ(at(a, "cost.per_1000_usd"), 0);
    EXPECT_EQ(at(a, "local"), 1);
    EXPECT_EQ(a.text.at("setup"), "runs on this machine, with no account and no key");
    EXPECT_EQ(at(a, "votes.up"), 3);
    EXPECT_EQ(at(a, "votes.down"), 1);
}

TEST(Figures, PrimaryIsTheTasksMetricTurnedHigherIsBetter) {
    const auto tools = compute_figures(testing::two_tool_comparison());
    const ToolFigures& a = tool_named(tools, "alpha");
    EXPECT_EQ(a.text.at("primary"), "cer");
    EXPECT_NEAR(at(a, "primary.mean"), 0.07, kTolerance);
    EXPECT_NEAR(at(a, "primary.quality"), 0.93, kTolerance);
    EXPECT_NEAR(at(a, "primary.worst_slice.quality"), 1 - 1.9 / 15, kTolerance);
    EXPECT_NEAR(at(a, "primary.gap_to_best"), -0.02, kTolerance);
    EXPECT_EQ(a.text.at("primary.worst_slice"), "degraded");
    EXPECT_EQ(a.text.at("primary.best_competitor"), "beta");
}

TEST(Figures, AToolAloneHasNoGapFigures) {
    const auto tools = compute_figures(testing::single_tool_comparison());
    ASSERT_EQ(tools.size(), 1u);
    const ToolFigures& t = tools[0];
    EXPECT_EQ(at(t, "competitors"), 0);
    EXPECT_FALSE(t.figures.contains("gap_to_best.cer"));
    EXPECT_FALSE(t.figures.contains("primary.gap_to_best"));
    EXPECT_FALSE(t.text.contains("best_competitor.cer"));
    EXPECT_DOUBLE_EQ(at(t, "latency.p50_ms"), 56.1);  // one run: its own percentiles
    EXPECT_EQ(at(t, "entry_free"), 1);                // from the run's stored pricing
}

TEST(Figures, PaidToolWithoutCasesHasNoCost) {
    ComparisonInput input = testing::two_tool_comparison();
    input.cases.clear();
    const auto tools = compute_figures(input);
    EXPECT_FALSE(tool_named(tools, "beta").figures.contains("cost.per_case_usd"));
    EXPECT_FALSE(tool_named(tools, "beta").figures.contains("latency.p50_ms"));
    EXPECT_EQ(at(tool_named(tools, "alpha"), "cost.per_case_usd"), 0);
}

}  // namespace
}  // namespace evalpanel::verdict
