#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include "comparison_fixture.hpp"
#include "prose_check.hpp"
#include "verdict/condition.hpp"
#include "verdict/verdict.hpp"

namespace evalpanel::verdict {
namespace {

Condition rule(const std::string& text) { return *parse_condition(text).condition; }

// dx (weight 2): error rate and latency. money: cost per thousand. trend: primary change, required.
Panel hand_built_panel() {
    Panel panel;
    panel.monthly_volume = 5000;
    Reviewer dx{"dx", "The developer", "errors and latency", 2,
                {rule("error_rate <= 0.02"), rule("latency.p95_ms <= 10000")},
                {"{tool} failed on {error_rate:.1%} of {cases} cases.", "Its slow tail is {latency.p95_ms:time}."},
                {"{tool} failed on {error_rate:.1%} of {cases} cases, too many.", "Its slow tail is {latency.p95_ms:time}."}};
    Reviewer money{"money", "The payer", "cost", 1, {rule("cost.per_1000_usd <= 10")},
                   {"A thousand cases cost {cost.per_1000_usd:$}.", "A month costs {cost.monthly_usd:$} at {monthly_volume} cases."},
                   {}};
    Reviewer trend{"trend", "The watcher", "change", 1, {rule("primary.change >= 0")},
                   {"Quality ({text:primary.quality_label}) moved {primary.change:+.3f}.", "It is at {primary.quality:.3f}."},
                   {}};
    panel.reviewers = {dx, money, trend};
    return panel;
}

std::vector<ToolVerdict> verdicts() { return judge(hand_built_panel(), compute_figures(testing::two_tool_comparison())); }

TEST(Judge, ShipDecisions) {
    const auto v = verdicts();
    ASSERT_EQ(v.size(), 2u);
    const ToolVerdict& alpha = v[0];
    ASSERT_EQ(alpha.reviews.size(), 3u);
    // dx: error rate 0.025 fails; latency was not measured, but a measured failure decides.
    EXPECT_EQ(alpha.reviews[0].ship, false);
    EXPECT_EQ(alpha.reviews[0].failed_conditions, std::vector<std::string>{"error_rate <= 0.02"});
    EXPECT_EQ(alpha.reviews[0].missing_figures, std::vector<std::string>{"latency.p95_ms"});
    EXPECT_EQ(alpha.reviews[1].ship, true);   // free: 0 per thousand
    EXPECT_EQ(alpha.reviews[2].ship, true);   // cer 0.10 from 0.12
    const ToolVerdict& beta = v[1];
    EXPECT_EQ(beta.reviews[0].ship, true);    // no errors, p95 9550 ms
    EXPECT_EQ(beta.reviews[1].ship, false);   // $20 per thousand
    EXPECT_FALSE(beta.reviews[2].ship.has_value());  // no previous run
}

TEST(Judge, PanelShipShareIsWeightedOverDecidedReviewers) {
    const auto v = verdicts();
    EXPECT_DOUBLE_EQ(*v[0].panel_ship_pct, 50);             // money 1 + trend 1 of dx 2 + 1 + 1
    EXPECT_DOUBLE_EQ(*v[1].panel_ship_pct, 100.0 * 2 / 3);  // dx 2 of dx 2 + money 1; trend undecided
}

TEST(Judge, NoDecidedReviewerMeansNoShare) {
    Panel panel = hand_built_panel();
    panel.reviewers = {panel.reviewers[2]};
    const auto v = judge(panel, compute_figures(testing::two_tool_comparison()));
    EXPECT_FALSE(v[1].panel_ship_pct.has_value());
}

TEST(Judge, Split) {
    const auto v = verdicts();
    EXPECT_EQ(v[0].split.ship, (std::vector<std::string>{"money", "trend"}));
    EXPECT_EQ(v[0].split.dont_ship, std::vector<std::string>{"dx"});
    EXPECT_EQ(v[0].split.sentence, "Money and trend ship; dx says don't ship on error_rate <= 0.02 (measured 0.025).");
    EXPECT_EQ(v[1].split.undecided, std::vector<std::string>{"trend"});
    EXPECT_EQ(v[1].split.sentence,
              "Dx ships; money says don't ship on cost.per_1000_usd <= 10 (measured 20); trend cannot say (primary.change not measured).");
}

TEST(Judge, SplitWhenAllShip) {
    Panel panel = hand_built_panel();
    panel.reviewers = {panel.reviewers[1]};
    EXPECT_EQ(judge(panel, compute_figures(testing::two_tool_comparison()))[0].split.sentence, "Every reviewer ships.");
}

TEST(Judge, Pricing) {
    const auto v = verdicts();
    const PricingRead& paid = v[1].pricing;
    EXPECT_NEAR(*paid.cost_per_case_usd, 0.02, 1e-12);
    EXPECT_NEAR(*paid.cost_per_1000_usd, 20, 1e-9);
    EXPECT_NEAR(*paid.monthly_cost_usd, 100, 1e-9);        // 0.02 x 5000
    EXPECT_NEAR(*paid.quality_per_dollar, 0.95 / 0.02, 1e-9);  // (1 - cer 0.05) per case / $0.02
    EXPECT_EQ(paid.sentence, "$0.02 per case, $20.00 per thousand cases, $100 a month at 5,000 cases a month; quality per "
                             "dollar 47.5 (quality 0.95 per case, as one minus cer, divided by the cost per case).");
    const PricingRead& free = v[0].pricing;
    EXPECT_EQ(*free.cost_per_case_usd, 0);
    EXPECT_EQ(*free.monthly_cost_usd, 0);
    EXPECT_FALSE(free.quality_per_dollar.has_value());
    EXPECT_EQ(free.sentence, "Free to run: $0 per case and $0 a month at 5,000 cases a month, so quality per dollar is unbounded.");
}

TEST(Judge, PricingNotMeasured) {
    ComparisonInput input = testing::two_tool_comparison();
    input.cases.clear();
    const auto v = judge(hand_built_panel(), compute_figures(input));
    EXPECT_FALSE(v[1].pricing.cost_per_case_usd.has_value());
    EXPECT_FALSE(v[1].pricing.monthly_cost_usd.has_value());
    EXPECT_EQ(v[1].pricing.sentence,
              "Cost not measured: no case reported a cost and the stored pricing does not say the tool is free.");
}

TEST(Judge, EntryAndCommunity) {
    const auto v = verdicts();
    EXPECT_EQ(v[0].entry, "Free");
    EXPECT_EQ(v[1].entry, "Paid");
    EXPECT_EQ(v[0].community, (std::pair<int, int>{3, 1}));
    EXPECT_FALSE(v[1].community.has_value());
}

TEST(Judge, SentencesFromTheRightVoice) {
    const auto v = verdicts();
    EXPECT_EQ(v[0].reviews[0].sentences, (std::vector<std::string>{"alpha failed on 2.5% of 40 cases, too many.",
                                                                    "Its slow tail is not measured."}));
    EXPECT_EQ(v[1].reviews[0].sentences, (std::vector<std::string>{"beta failed on 0.0% of 10 cases.", "Its slow tail is 9.5 s."}));
    // No voice_no_ship: the voice is used.
    EXPECT_EQ(v[1].reviews[1].sentences,
              (std::vector<std::string>{"A thousand cases cost $20.00.", "A month costs $100 at 5,000 cases."}));
}

TEST(Judge, MissingFigureMakesTheReviewerUndecidedAndSaysSo) {
    const auto v = verdicts();
    const ReviewerVerdict& trend = v[1].reviews[2];
    EXPECT_FALSE(trend.ship.has_value());
    EXPECT_EQ(trend.missing_figures, std::vector<std::string>{"primary.change"});
    EXPECT_EQ(trend.sentences, (std::vector<std::string>{"Quality (one minus cer) moved not measured.", "It is at 0.950.",
                                                         "No call from the trend: primary.change was not measured."}));
    EXPECT_FALSE(trend.figures_used.contains("primary.change"));
}

TEST(Judge, WhenMeasuredRulesDoNotBlockADecision) {
    Panel panel = hand_built_panel();
    panel.reviewers[2].ship_if = {rule("primary.change >= 0 when measured"), rule("primary.quality >= 0.9")};
    const auto v = judge(panel, compute_figures(testing::two_tool_comparison()));
    EXPECT_EQ(v[1].reviews[2].ship, true);
    EXPECT_EQ(v[1].reviews[2].missing_figures, std::vector<std::string>{"primary.change"});
    panel.reviewers[2].ship_if = {rule("primary.change >= 0 when measured")};  // nothing measured: no call
    EXPECT_FALSE(judge(panel, compute_figures(testing::two_tool_comparison()))[1].reviews[2].ship.has_value());
}

TEST(Judge, PanelPrimaryMetricReplacesThePerTaskOne) {
    Panel panel = hand_built_panel();
    panel.primary_metric = "exact_match";
    const auto v = judge(panel, compute_figures(testing::two_tool_comparison()));
    EXPECT_EQ(v[0].figures.text.at("primary"), "exact_match");
    EXPECT_NEAR(v[0].figures.figures.at("primary.quality"), 0.75, 1e-12);
    EXPECT_NEAR(v[0].figures.figures.at("primary.change"), 0.1, 1e-12);
    EXPECT_FALSE(v[0].figures.figures.contains("primary.worst_slice.mean"));  // no exact_match slices
}

TEST(Judge, EveryNumberInTheProseIsAFigureUsed) {
    for (const ToolVerdict& v : verdicts()) {
        for (const ReviewerVerdict& r : v.reviews) testing::expect_numbers_backed_by_figures(r);
    }
}

TEST(Judge, FiguresUsedIncludeTheRulesMeasuredFigures) {
    const auto v = verdicts();
    const ReviewerVerdict& dx = v[1].reviews[0];
    ASSERT_EQ(dx.figures_used.size(), 3u);
    EXPECT_EQ(dx.figures_used.at("cases"), 10);
    EXPECT_EQ(dx.figures_used.at("error_rate"), 0);
    EXPECT_DOUBLE_EQ(dx.figures_used.at("latency.p95_ms"), 9550);
    EXPECT_EQ(dx.figures_shown, (std::map<std::string, std::string>{
                                    {"cases", "10"}, {"error_rate:.1%", "0.0%"}, {"latency.p95_ms:time", "9.5 s"}}));
}

TEST(ProseCheck, CatchesANumberThatIsNoFigure) {
    ReviewerVerdict r;
    r.sentences = {"It failed 3 times."};
    EXPECT_NONFATAL_FAILURE(testing::expect_numbers_backed_by_figures(r), "is not a figure it used");
    EXPECT_EQ(testing::numbers_in("p95 of 1,234.5 ms and 7% at latency.p50_ms"), (std::vector<std::string>{"1,234.5", "7"}));
}

}  // namespace
}  // namespace evalpanel::verdict
