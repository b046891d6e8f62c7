#include <gtest/gtest.h>

#include "verdict/figure_format.hpp"

namespace evalpanel::verdict {
namespace {

std::string as(double value, const std::string& spec) { return format_figure(value, parse_figure_format(spec).value()); }

TEST(FigureFormat, Automatic) {
    EXPECT_EQ(as(79, ""), "79");
    EXPECT_EQ(as(10000, ""), "10,000");
    EXPECT_EQ(as(0.0993, ""), "0.0993");
    EXPECT_EQ(as(0.025, ""), "0.025");
    EXPECT_EQ(as(47.5, ""), "47.5");
    EXPECT_EQ(as(1234.56, ""), "1,235");
    EXPECT_EQ(as(0.1, ""), "0.1");
    EXPECT_EQ(as(0, ""), "0");
}

TEST(FigureFormat, FixedSignedAndPercent) {
    EXPECT_EQ(as(0.0312, ".3f"), "0.031");
    EXPECT_EQ(as(0.02, "+.3f"), "+0.020");
    EXPECT_EQ(as(-0.02, "+.3f"), "-0.020");
    EXPECT_EQ(as(-0.0001, ".3f"), "0.000");  // no "-0.000"
    EXPECT_EQ(as(0.025, ".1%"), "2.5%");
    EXPECT_EQ(as(0.025, "%"), "2.5%");
    EXPECT_EQ(as(0.5, ".0%"), "50%");
    EXPECT_EQ(as(12345.678, ".1f"), "12,345.7");
}

TEST(FigureFormat, Money) {
    EXPECT_EQ(as(0, "$"), "$0");
    EXPECT_EQ(as(0.02, "$"), "$0.02");
    EXPECT_EQ(as(0.0042, "$"), "$0.0042");
    EXPECT_EQ(as(0.045, "$"), "$0.045");
    EXPECT_EQ(as(4.2, "$"), "$4.20");
    EXPECT_EQ(as(20, "$"), "$20.00");
    EXPECT_EQ(as(1234.4, "$"), "$1,234");
}

TEST(FigureFormat, Time) {
    EXPECT_EQ(as(180.4, "time"), "180 ms");
    EXPECT_EQ(as(12400, "time"), "12.4 s");
    EXPECT_EQ(as(192000, "time"), "3.2 min");
}

TEST(FigureFormat, RejectsUnknownSpecs) {
    for (const char* spec : {"x", ".f", ".3", "3f", ".3g", "$$", ".10f", "+"}) {
        EXPECT_FALSE(parse_figure_format(spec).has_value()) << spec;
    }
}

}  // namespace
}  // namespace evalpanel::verdict
