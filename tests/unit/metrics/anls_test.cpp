#include "metrics/anls.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "metrics/metric.hpp"
#include "metrics/params.hpp"

namespace evalpanel::metrics {
namespace {

using Golds = std::vector<std::string>;

// Expected values not printed in METRICS.md come from the RRC script's per-question loop run in Python.

// METRICS.md §5 table.
TEST(Anls, WorkedExamples) {
    EXPECT_EQ(anls("Acme Corp", {"ACME corp."}), 0.9);
    EXPECT_EQ(anls("Jon", {"John", "Jonathan"}), 0.75);
    EXPECT_EQ(anls("abc", {"xyz"}), 0.0);
}

// METRICS.md §5 edge cases.
TEST(Anls, EmptyStrings) {
    EXPECT_EQ(anls("", {""}), 1.0);
    EXPECT_EQ(anls("  ", {""}), 1.0);  // distance 0 over raw length 2
    EXPECT_EQ(anls("", {"abc"}), 0.0);
    EXPECT_EQ(anls_normalized_distance("", ""), 0.0);
}

TEST(Anls, NoGoldsIsUndefined) { EXPECT_EQ(anls("abc", {}), std::nullopt); }

// Guards `<` (not `<=`): a similarity of exactly the threshold is kept.
TEST(Anls, SimilarityExactlyAtTheThresholdIsKept) {
    EXPECT_EQ(anls("ab", {"ac"}), 0.5);
    EXPECT_EQ(anls("ab", {"abcd"}), 0.5);
    EXPECT_EQ(anls("abcd", {"abcX"}, 0.75), 0.75);
    EXPECT_EQ(anls("abcd", {"abcX"}, 0.8), 0.0);
    EXPECT_EQ(anls("ab", {"ac"}, 0.6), 0.0);
}

TEST(Anls, BestGoldWins) {
    EXPECT_EQ(anls("ACME", {"acme corp", "acme"}), 1.0);
    EXPECT_EQ(anls("AB", {"ab", "zz"}), 1.0);
    EXPECT_EQ(anls("AB", {"zz", "ab"}), 1.0);
}

// Guards strip + white-space collapsing in the distance: extra spaces cost no edits.
TEST(Anls, DistanceIgnoresWhiteSpaceRunsAndEnds) {
    EXPECT_EQ(anls("a   b", {"a b"}), 1.0);
    EXPECT_EQ(anls(" a b ", {"a b"}), 1.0);
    EXPECT_EQ(anls("a\u00A0b", {"a b"}), 1.0);  // U+00A0 is white space
}

// Guards the raw-length denominator: the gold's surrounding spaces make it 7, not 3.
TEST(Anls, DenominatorIsTheRawLength) {
    EXPECT_EQ(anls("a b", {"  a c  "}), 0.8571428571428572);
    EXPECT_EQ(anls_normalized_distance("a b", "  a c  "), 1.0 / 7.0);
}

// Guards the full upper-case mapping in the denominator: upper("ßa") = "SSA" has length 3.
TEST(Anls, DenominatorUsesFullUpperCaseLength) {
    EXPECT_EQ(anls("\u00DFa", {"sa"}), 0.6666666666666667);
    EXPECT_EQ(anls("stra\u00DFe", {"STRASSE"}), 0.7142857142857143);
    EXPECT_EQ(anls("Stra\u00DFe", {"STRASSE"}), 0.7142857142857143);
    EXPECT_EQ(anls("\u00DF", {"ss"}), 0.0);  // lower-casing does not fold ß to ss
}

// Guards lower-casing (full mapping: lower("İ") is "i" + U+0307).
TEST(Anls, LowerCasesWithTheFullMapping) {
    EXPECT_EQ(anls("\u0130", {"i\u0307"}), 1.0);
    EXPECT_EQ(anls("\u0130", {"i"}), 0.0);
    EXPECT_EQ(anls("HELLO", {"hellx"}), 0.8);
}

TEST(Anls, CountsCodePoints) {
    EXPECT_EQ(anls("\u6771\u4EAC\u90FD", {"\u6771\u4EAC"}), 0.6666666666666667);
    EXPECT_EQ(anls("\U0001F469\u200D\U0001F4BB", {"\U0001F469"}), 0.0);  // 3 code points, 2 edits
    EXPECT_EQ(anls_normalized_distance("\U0001F469\u200D\U0001F4BB", "\U0001F469"), 2.0 / 3.0);
}

TEST(AnlsMetric, IsRegisteredWithAThresholdParameter) {
    const MetricDef* def = find_metric("anls");
    ASSERT_NE(def, nullptr);
    EXPECT_TRUE(def->higher_is_better);
    EXPECT_EQ(def->params, std::vector<std::string>{"threshold"});
}

TEST(AnlsMetric, TakesTheBestReferenceAndReadsTheThreshold) {
    const MetricDef& def = *find_metric("anls");
    const Golds golds = {"John", "Jonathan"};
    EXPECT_EQ(def.compute({"Jon", golds, nlohmann::json::object()}), 0.75);
    EXPECT_EQ(def.compute({"Jon", golds, nlohmann::json()}), 0.75);
    EXPECT_EQ(def.compute({"Jon", golds, nlohmann::json{{"threshold", 0.8}}}), 0.0);
    EXPECT_EQ(def.compute({"Jon", golds, nlohmann::json{{"threshold", 0}}}), 0.75);
    const Golds none;
    EXPECT_EQ(def.compute({"Jon", none, nlohmann::json::object()}), std::nullopt);
}

TEST(AnlsMetric, RejectsANonNumericThreshold) {
    const MetricDef& def = *find_metric("anls");
    EXPECT_NO_THROW(validate_params(def, nlohmann::json{{"threshold", 0.4}}));
    EXPECT_NO_THROW(validate_params(def, nlohmann::json{{"threshold", 1}}));
    EXPECT_THROW(validate_params(def, nlohmann::json{{"threshold", true}}), MetricParamError);
    EXPECT_THROW(validate_params(def, nlohmann::json{{"threshold", nlohmann::json::array({0.5})}}), MetricParamError);
    try {
        validate_params(def, nlohmann::json{{"threshold", "high"}});
        FAIL() << "expected MetricParamError";
    } catch (const MetricParamError& error) {
        EXPECT_STREQ(error.what(), "anls: parameter 'threshold' must be a number, got \"high\"");
    }
}

}  // namespace
}  // namespace evalpanel::metrics
