#include "report/svg_charts.hpp"

#include <gtest/gtest.h>

#include "count_occurrences.hpp"

namespace evalpanel::report {
namespace {

using testing::count;

TEST(ToolColour, FixedPaletteCycles) {
    EXPECT_EQ(tool_colour(0), "#0072b2");
    EXPECT_EQ(tool_colour(1), "#d55e00");
    EXPECT_EQ(tool_colour(7), tool_colour(0));
}

TEST(ScoreChart, OneBarAndWhiskerPerValueAndADashForAGap) {
    const std::vector<std::string> tools = {"a", "b"};
    const std::vector<ScoreGroup> groups = {
        {"cer", "lower is better", {{"a", 0.25, Interval{0.2, 0.3}}, {"b", std::nullopt, std::nullopt}}},
        {"wer", "", {{"a", 0.5, std::nullopt}, {"b", 0.75, Interval{0.7, 0.8}}}},
    };
    const std::string svg = score_chart_svg(groups, tools);
    EXPECT_EQ(svg.rfind("<svg class=\"chart\" width=\"", 0), 0u);
    EXPECT_EQ(count(svg, "<rect "), 3u);
    EXPECT_EQ(count(svg, "class=\"whisker\""), 2u);
    EXPECT_EQ(count(svg, ">—</text>"), 1u);
    EXPECT_NE(svg.find("fill=\"#0072b2\"><title>a — cer: 0.2500 [0.2000, 0.3000]</title>"), std::string::npos);
    EXPECT_NE(svg.find("fill=\"#d55e00\"><title>b — wer: 0.7500 [0.7000, 0.8000]</title>"), std::string::npos);
    EXPECT_NE(svg.find(">lower is better</text>"), std::string::npos);
    // Axis 0..1 in steps of 0.25 (plot 180 px high from y=18): 0 at y=198, 1 at y=18.
    EXPECT_NE(svg.find(">0.25</text>"), std::string::npos);
    EXPECT_NE(svg.find("y1=\"198.0\""), std::string::npos);
    EXPECT_NE(svg.find("y1=\"18.0\""), std::string::npos);
    EXPECT_EQ(svg.find("xmlns"), std::string::npos);
}

TEST(ScoreChart, AxisGrowsPastOne) {
    const std::string svg = score_chart_svg({{"cer", "", {{"a", 1.4, Interval{1.1, 1.7}}}}}, {"a"});
    EXPECT_NE(svg.find(">2</text>"), std::string::npos);  // ticks 0, 0.5, ..., 2
}

TEST(ScoreChart, EscapesLabels) {
    const std::string svg = score_chart_svg({{"<script>x</script>", "", {{"\"><img>", 0.5, std::nullopt}}}}, {"\"><img>"});
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_EQ(svg.find("<img"), std::string::npos);
    EXPECT_NE(svg.find("&lt;script&gt;x&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(svg.find("&quot;&gt;&lt;img&gt; — &lt;script&gt;"), std::string::npos);
}

TEST(LatencyChart, LinearWhenCloseLogWhenFarApart) {
    const std::string linear = latency_chart_svg({{"a", {100, 200, 300, 400, 500}}}, {"a"});
    EXPECT_NE(linear.find("(linear scale)"), std::string::npos);
    EXPECT_NE(linear.find("a: fastest 100.0 ms, quartiles 200.0 / 300.0 / 400.0 ms, slowest 500.0 ms"), std::string::npos);
    EXPECT_NE(linear.find(">a (n=5)</text>"), std::string::npos);

    const std::string log = latency_chart_svg({{"local", {10, 20}}, {"remote", {2000, 9000}}}, {"local", "remote"});
    EXPECT_NE(log.find("(log scale)"), std::string::npos);
    EXPECT_NE(log.find(">10 ms</text>"), std::string::npos);
    EXPECT_NE(log.find(">10 s</text>"), std::string::npos);
    EXPECT_EQ(count(log, "<rect "), 2u);
}

TEST(LatencyChart, ToolWithoutAnswers) {
    const std::string svg = latency_chart_svg({{"a", {}}}, {"a"});
    EXPECT_NE(svg.find("no answered cases"), std::string::npos);
    EXPECT_EQ(count(svg, "<rect "), 0u);
}

TEST(CostChart, FreeToolAtZeroAndUnmeasuredListed) {
    const std::vector<CostPoint> points = {
        {"free", "free × s", 0.0, 0.9, true},
        {"paid", "paid × s", 4.0, 0.95, false},
        {"unknown", "unknown × s", std::nullopt, 0.8, false},
    };
    const std::string svg = cost_quality_svg("anls", "higher is better", points, {"free", "paid", "unknown"});
    EXPECT_EQ(count(svg, "<circle "), 2u);
    EXPECT_NE(svg.find(">free × s — free, cost 0</text>"), std::string::npos);
    EXPECT_NE(svg.find(">paid × s — $4.00</text>"), std::string::npos);
    EXPECT_NE(svg.find("not plotted (not measured):"), std::string::npos);
    EXPECT_NE(svg.find(">unknown × s: cost not measured</text>"), std::string::npos);
    // The free point sits on the left edge of the plot (x = 64).
    EXPECT_NE(svg.find("<circle cx=\"64.0\""), std::string::npos);
    EXPECT_NE(svg.find(">anls (higher is better)</text>"), std::string::npos);
}

}  // namespace
}  // namespace evalpanel::report
