#include <gtest/gtest.h>

#include "verdict/condition.hpp"
#include "verdict/figure_names.hpp"
#include "verdict/voice_template.hpp"

namespace evalpanel::verdict {
namespace {

TEST(Condition, ReadsFigureOperatorNumber) {
    const ParsedCondition p = parse_condition("metric.cer.mean <= 0.05");
    ASSERT_TRUE(p.condition) << p.problem->message;
    EXPECT_EQ(p.condition->figure, "metric.cer.mean");
    EXPECT_EQ(p.condition->op, "<=");
    EXPECT_DOUBLE_EQ(p.condition->value, 0.05);
    EXPECT_EQ(p.condition->text, "metric.cer.mean <= 0.05");
    EXPECT_FALSE(p.condition->when_measured);
    const ParsedCondition tight = parse_condition("error_rate<-0.5");
    ASSERT_TRUE(tight.condition);
    EXPECT_DOUBLE_EQ(tight.condition->value, -0.5);
}

TEST(Condition, WhenMeasuredSuffix) {
    const ParsedCondition p = parse_condition("primary.change >= -0.02 when measured");
    ASSERT_TRUE(p.condition);
    EXPECT_TRUE(p.condition->when_measured);
}

TEST(Condition, EveryOperator) {
    auto holds_for = [](const std::string& text, double v) { return holds(*parse_condition(text).condition, v); };
    EXPECT_TRUE(holds_for("cases < 2", 1));
    EXPECT_FALSE(holds_for("cases < 2", 2));
    EXPECT_TRUE(holds_for("cases <= 2", 2));
    EXPECT_TRUE(holds_for("cases > 2", 3));
    EXPECT_FALSE(holds_for("cases >= 2", 1));
    EXPECT_TRUE(holds_for("local == 1", 1));
    EXPECT_TRUE(holds_for("local != 1", 0));
}

TEST(Condition, ProblemsSayWhereAndWhat) {
    EXPECT_EQ(parse_condition("error_rate => 0.02").problem->offset, 11u);
    EXPECT_EQ(parse_condition("error_rate => 0.02").problem->message, "unknown operator `=>` (use <, <=, >, >=, == or !=)");
    EXPECT_EQ(parse_condition("error_rate 0.02").problem->offset, 11u);
    EXPECT_EQ(parse_condition("error_rate < lots").problem->offset, 13u);
    EXPECT_EQ(parse_condition("error_rate < 0.02 always").problem->offset, 18u);
    EXPECT_EQ(parse_condition("metric.cerr.mean < 1").problem->message,
              "unknown metric `cerr` in a figure name (registered metrics, or `primary`)");
}

TEST(FigureNames, Families) {
    for (const char* ok : {"cases", "latency.p95_ms", "metric.cer.ci_low", "slice.low-contrast.cer.mean", "slice.degraded.cases",
                           "worst_slice.wer.mean", "change.anls", "gap_to_best.exact_match", "primary.worst_slice.quality",
                           "cost.per_1000_usd", "votes.total"}) {
        EXPECT_EQ(names::check_figure_name(ok), "") << ok;
    }
    EXPECT_TRUE(names::check_figure_name("latncy.p50_ms").starts_with("unknown figure family `latncy`"));
    EXPECT_TRUE(names::check_figure_name("metric.cer.median").starts_with("figure `metric.cer.median` does not fit"));
    EXPECT_TRUE(names::check_figure_name("primary.median").starts_with("figure `primary.median` does not fit"));
    EXPECT_EQ(names::check_text_name("worst_slice.cer"), "");
    EXPECT_TRUE(names::check_text_name("worst.cer").starts_with("unknown text `worst.cer`"));
}

TEST(VoiceTemplate, FillsFiguresTextsAndTool) {
    ToolFigures tool;
    tool.tool = "alpha";
    tool.figures = {{"metric.cer.mean", 0.0312}, {"error_rate", 0.025}};
    tool.text = {{"worst_slice.cer", "degraded"}};
    const ParsedTemplate t = parse_template("{tool}: cer {metric.cer.mean:.3f}, worst on {text:worst_slice.cer}, "
                                            "{error_rate:.1%} errors, p95 {latency.p95_ms:time} {{literal}}.");
    ASSERT_FALSE(t.problem) << t.problem->message;
    const RenderedSentence s = render_template(t.parts, tool);
    EXPECT_EQ(s.text, "alpha: cer 0.031, worst on degraded, 2.5% errors, p95 not measured {literal}.");
    EXPECT_EQ(s.missing, std::vector<std::string>{"latency.p95_ms"});
    EXPECT_EQ(s.used, (FigureMap{{"metric.cer.mean", 0.0312}, {"error_rate", 0.025}}));
    EXPECT_EQ(s.shown, (std::map<std::string, std::string>{{"metric.cer.mean:.3f", "0.031"}, {"error_rate:.1%", "2.5%"}}));
}

TEST(VoiceTemplate, Problems) {
    EXPECT_EQ(parse_template("a {cases").problem->message, "a `{` without its `}`");
    EXPECT_EQ(parse_template("a } b").problem->message, "a lone `}` (write `}}` for a brace)");
    EXPECT_EQ(parse_template("{cases:.2x}").problem->message, "unknown format `.2x` (use .Nf, +.Nf, .N%, %, $ or time)");
    EXPECT_EQ(parse_template("{cases:.2x}").problem->offset, 7u);
    EXPECT_TRUE(parse_template("{text:nope}").problem->message.starts_with("unknown text `nope`"));
}

}  // namespace
}  // namespace evalpanel::verdict
