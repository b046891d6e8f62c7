// reports/panel.yaml, the default panel every report uses, loads and judges comparisons cleanly.
#include <gtest/gtest.h>

#include "comparison_fixture.hpp"
#include "prose_check.hpp"
#include "verdict/verdict.hpp"

namespace evalpanel::verdict {
namespace {

Panel shipped_panel() { return load_panel(std::filesystem::path(EVALPANEL_SOURCE_DIR) / "reports" / "panel.yaml"); }

TEST(ShippedPanel, HasTheFourDefaultReviewers) {
    const Panel panel = shipped_panel();
    std::vector<std::string> ids;
    for (const Reviewer& r : panel.reviewers) ids.push_back(r.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"builder", "skeptic", "strategist", "buyer"}));
    EXPECT_DOUBLE_EQ(panel.monthly_volume, 10000);
    EXPECT_EQ(panel.primary_metric, "");
}

TEST(ShippedPanel, JudgesATwoToolComparison) {
    const auto verdicts = judge(shipped_panel(), compute_figures(testing::two_tool_comparison()));
    ASSERT_EQ(verdicts.size(), 2u);
    for (const ToolVerdict& v : verdicts) {
        ASSERT_EQ(v.reviews.size(), 4u);
        for (const ReviewerVerdict& r : v.reviews) {
            EXPECT_GE(r.sentences.size(), 2u) << r.reviewer_id;
            EXPECT_LE(r.sentences.size(), 4u) << r.reviewer_id;
            testing::expect_numbers_backed_by_figures(r);
        }
        EXPECT_FALSE(v.split.sentence.empty());
        EXPECT_FALSE(v.pricing.sentence.empty());
    }
    // alpha's two runs came without their cases: no latency, so the builder cannot pass it; its error rate
    // (0.025 > 0.02) already says no.
    EXPECT_EQ(verdicts[0].reviews[0].ship, false);
    // beta: 10 cases at $0.02 -> $200 a month at 10,000 cases, within the buyer's $1,000.
    EXPECT_EQ(verdicts[1].reviews[3].ship, true);
    EXPECT_EQ(verdicts[1].reviews[3].sentences[1], "At 10,000 cases a month the bill comes to $200.");
}

TEST(ShippedPanel, ATesseractOnlyOcrComparisonGetsFourDecidedVerdicts) {
    const auto verdicts = judge(shipped_panel(), compute_figures(testing::single_tool_comparison()));
    ASSERT_EQ(verdicts.size(), 1u);
    for (const ReviewerVerdict& r : verdicts[0].reviews) {
        EXPECT_TRUE(r.ship.has_value()) << r.reviewer_id << " undecided";
        testing::expect_numbers_backed_by_figures(r);
    }
    EXPECT_TRUE(verdicts[0].panel_ship_pct.has_value());
    EXPECT_EQ(verdicts[0].entry, "Free");
    EXPECT_EQ(verdicts[0].pricing.sentence,
              "Free to run: $0 per case and $0 a month at 10,000 cases a month, so quality per dollar is unbounded.");
}

}  // namespace
}  // namespace evalpanel::verdict
