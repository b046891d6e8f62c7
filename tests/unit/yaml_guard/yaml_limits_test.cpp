#include "yaml_guard/yaml_limits.hpp"

#include <chrono>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include <gtest/gtest.h>

#include "hostile_yaml.hpp"

namespace evalpanel::yaml_guard {
namespace {

using evalpanel::testing::billion_laughs;
using evalpanel::testing::nested_brackets;

TEST(YamlLimits, OrdinaryTextWithAliasesPasses) {
    EXPECT_EQ(check_yaml_limits("a: &x {k: [1, 2]}\nb: *x\nc: [*x, *x]\n"), std::nullopt);
}

TEST(YamlLimits, TextThatIsNotYamlIsLeftToTheCallersParse) {
    EXPECT_EQ(check_yaml_limits("a: [1, 2\n"), std::nullopt);
    EXPECT_EQ(check_yaml_limits(""), std::nullopt);
}

TEST(YamlLimits, NestingAtTheLimitPassesAndOneDeeperIsRefusedWhereItStarts) {
    const YamlLimits limits{4, 100};
    EXPECT_EQ(check_yaml_limits("a: " + nested_brackets(3), limits), std::nullopt);  // map + 3 lists
    const auto violation = check_yaml_limits("a: " + nested_brackets(4), limits);
    ASSERT_TRUE(violation.has_value());
    EXPECT_EQ(violation->line, 1);
    EXPECT_EQ(violation->column, 7);  // the fourth '[' opens the fifth collection
    EXPECT_EQ(violation->message, "collections are nested more than 4 levels deep");
}

TEST(YamlLimits, AHundredThousandBracketsAreRefusedAtOnce) {
    const auto start = std::chrono::steady_clock::now();
    const auto violation = check_yaml_limits("key:\n  " + nested_brackets(100'000));
    const auto elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_TRUE(violation.has_value());
    EXPECT_EQ(violation->line, 2);
    EXPECT_NE(violation->message.find("nested more than 64 levels"), std::string::npos);
    EXPECT_LT(elapsed, std::chrono::seconds(2));
}

TEST(YamlLimits, BillionLaughsIsRefusedAtTheAliasThatCrossesTheLimit) {
    const auto start = std::chrono::steady_clock::now();
    const auto violation = check_yaml_limits(billion_laughs("lol"));
    const auto elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_TRUE(violation.has_value());
    // Level 4 (line 6) holds ten aliases of 11,111 nodes each: the seventh crosses 100,000 in total.
    EXPECT_EQ(violation->line, 6);
    EXPECT_EQ(violation->message,
              "aliases expand to more than 100000 nodes (an alias bomb?); write the repeated values out or reuse "
              "fewer of them");
    EXPECT_LT(elapsed, std::chrono::seconds(2));
}

TEST(YamlLimits, AliasExpansionCountsWholeTreesNotOneNodePerAlias) {
    // Each alias of `x` adds its 3 nodes (the list and two scalars): 4 aliases = 12 nodes.
    const std::string text = "a: &x [1, 2]\nb: [*x, *x, *x, *x]\n";
    EXPECT_EQ(check_yaml_limits(text, {64, 12}), std::nullopt);
    EXPECT_TRUE(check_yaml_limits(text, {64, 11}).has_value());
}

// load_yaml_within_limits answers exactly what check_yaml_limits followed by YAML::Load answered, on
// text with and without aliases, within and past the limits.
TEST(LoadYamlWithinLimits, SameAnswerAsTheScanThenTheLoad) {
    const YamlLimits limits{4, 12};
    const std::vector<std::string> texts = {
        "",
        "a: 1\nb: [x, y]\n",
        "a: " + nested_brackets(3),                       // map + 3 lists: at the limit
        "a: " + nested_brackets(4),                       // one deeper
        "a:\n  b:\n    c:\n      d: [1]\n",              // 5 levels in block style
        "? [[[x]]]\n: v\n",                              // a collection as a key counts too
        "- - - - - x\n",                                 // compact block sequences
        "a: &x [1, 2]\nb: [*x, *x, *x, *x]\n",            // 12 alias nodes: at the limit
        "a: &x [1, 2]\nb: [*x, *x, *x, *x, *x]\n",        // past it
        "text: 'a * b'\nlist: [[[[[deep]]]]]\n",         // a '*' that is no alias, and too deep
    };
    for (const std::string& text : texts) {
        const auto scanned = check_yaml_limits(text, limits);
        const LimitedYaml loaded = load_yaml_within_limits(text, limits);
        ASSERT_EQ(loaded.violation.has_value(), scanned.has_value()) << text;
        if (scanned) {
            EXPECT_EQ(loaded.violation->line, scanned->line) << text;
            EXPECT_EQ(loaded.violation->column, scanned->column) << text;
            EXPECT_EQ(loaded.violation->message, scanned->message) << text;
        } else {
            EXPECT_EQ(YAML::Dump(loaded.root), YAML::Dump(YAML::Load(text))) << text;
        }
    }
}

TEST(LoadYamlWithinLimits, AHundredThousandBracketsWithoutAnAliasAreRefusedAtOnce) {
    // No '*': the text is loaded first, and yaml-cpp's own guard stops the parse at 2,000 levels.
    const std::string text = "key:\n  " + nested_brackets(100'000);
    const auto start = std::chrono::steady_clock::now();
    const LimitedYaml loaded = load_yaml_within_limits(text);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_TRUE(loaded.violation.has_value());
    EXPECT_EQ(*loaded.violation, *check_yaml_limits(text));
    EXPECT_LT(elapsed, std::chrono::seconds(2));
}

TEST(LoadYamlWithinLimits, ALimitBeforeASyntaxErrorIsReportedAndASyntaxErrorAloneIsThrown) {
    const YamlLimits limits{2, 100};
    const LimitedYaml deep_then_broken = load_yaml_within_limits("a: [[[x]]]\nb: [unclosed\n", limits);
    ASSERT_TRUE(deep_then_broken.violation.has_value());
    EXPECT_EQ(deep_then_broken.violation->line, 1);
    EXPECT_THROW(load_yaml_within_limits("a: [unclosed\n"), YAML::ParserException);
    EXPECT_THROW(load_yaml_within_limits("a: [unclosed *x\n"), YAML::ParserException);
}

TEST(YamlLimits, ViolationReadsAsFileLineColumnMessage) {
    const YamlLimitViolation violation{3, 5, "too deep"};
    EXPECT_EQ(violation.located_in("s.yaml"), "s.yaml:3:5: too deep");
}

}  // namespace
}  // namespace evalpanel::yaml_guard
