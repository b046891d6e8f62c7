#include "metrics/ocrbench.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "metrics/metric.hpp"

namespace evalpanel::metrics {
namespace {

using Golds = std::vector<std::string>;

// Expected values not printed in METRICS.md come from the MultimodalOCR scoring loop run in Python.

// METRICS.md §7 table.
TEST(Ocrbench, WorkedExamples) {
    EXPECT_EQ(ocrbench("The sign says STOP.", {"stop"}), 1.0);  // guards lower-casing
    EXPECT_EQ(ocrbench("STO P", {"stop"}), 0.0);
    EXPECT_EQ(ocrbench("Total: 12,50 \u20AC", {"12,50"}), 1.0);
    EXPECT_EQ(ocrbench_hme("x ^ { 2 }", {"x^{2}"}), 1.0);  // guards deleting spaces
}

TEST(Ocrbench, EmptyStrings) {
    EXPECT_EQ(ocrbench("anything", {""}), 1.0);  // an empty gold is in everything
    EXPECT_EQ(ocrbench("", {""}), 1.0);
    EXPECT_EQ(ocrbench("", {"a"}), 0.0);
}

TEST(Ocrbench, NoGoldsIsUndefined) {
    EXPECT_EQ(ocrbench("x", {}), std::nullopt);
    EXPECT_EQ(ocrbench_hme("x", {}), std::nullopt);
}

TEST(Ocrbench, SubstringMatchesCount) {
    EXPECT_EQ(ocrbench("e = 2.71828", {"2.71"}), 1.0);
    EXPECT_EQ(ocrbench("\u6771\u4EAC\u30BF\u30EF\u30FC", {"\u30BF\u30EF\u30FC"}), 1.0);
    EXPECT_EQ(ocrbench("\U0001F469\u200D\U0001F4BB coder", {"\U0001F469\u200D\U0001F4BB"}), 1.0);
}

TEST(Ocrbench, AnyGoldWins) {
    EXPECT_EQ(ocrbench("x", {"y", "x"}), 1.0);
    EXPECT_EQ(ocrbench("x", {"x", "y"}), 1.0);
    EXPECT_EQ(ocrbench("x", {"y", "z"}), 0.0);
}

// Guards "\n" → " " (the gold's words span the prediction's line break).
TEST(Ocrbench, NewlinesBecomeSpaces) {
    EXPECT_EQ(ocrbench("line one\nline two", {"one line"}), 1.0);
    EXPECT_EQ(ocrbench("ab\ncd", {"b c"}), 1.0);
}

// Guards strip: the gold's surrounding white space (line breaks included) does not have to match.
TEST(Ocrbench, StripsBothSides) {
    EXPECT_EQ(ocrbench("stop", {"\nstop "}), 1.0);
    EXPECT_EQ(ocrbench("  Hello  ", {"  hello\n"}), 1.0);
}

TEST(Ocrbench, NothingElseIsNormalised) {
    EXPECT_EQ(ocrbench("a\tb", {"a b"}), 0.0);
    EXPECT_EQ(ocrbench("a  b", {"a b"}), 0.0);
    EXPECT_EQ(ocrbench("caf\u00E9", {"cafe"}), 0.0);
    EXPECT_EQ(ocrbench("\uFF33\uFF34\uFF2F\uFF30", {"stop"}), 0.0);  // full-width stays (lmms-eval folds it)
}

// Guards the full lower-case mapping, and that it is lower-casing, not case folding.
TEST(Ocrbench, LowersWithTheFullMapping) {
    EXPECT_EQ(ocrbench("\u0130stanbul", {"i\u0307stanbul"}), 1.0);
    EXPECT_EQ(ocrbench("\u0130stanbul", {"istanbul"}), 0.0);
    EXPECT_EQ(ocrbench("STRASSE", {"stra\u00DFe"}), 0.0);
}

TEST(OcrbenchHme, IsCaseSensitive) { EXPECT_EQ(ocrbench_hme("X^{2}", {"x^{2}"}), 0.0); }

TEST(OcrbenchHme, DeletesOnlyU0020AfterNewlinesBecomeSpaces) {
    EXPECT_EQ(ocrbench_hme("x\n^ 2", {"x^2"}), 1.0);  // guards "\n" → " " before the deletion
    EXPECT_EQ(ocrbench_hme("\\frac { a } { b }", {"\\frac{a}{b}"}), 1.0);
    EXPECT_EQ(ocrbench_hme("x\t^2", {"x^2"}), 0.0);
    EXPECT_EQ(ocrbench_hme("x\u00A0^2", {"x^2"}), 0.0);
}

TEST(OcrbenchHme, EmptyAndPartialGolds) {
    EXPECT_EQ(ocrbench_hme("", {""}), 1.0);
    EXPECT_EQ(ocrbench_hme("a", {" "}), 1.0);  // the gold normalises to empty
    EXPECT_EQ(ocrbench_hme("x^{2}+1", {"x^{2}"}), 1.0);
    EXPECT_EQ(ocrbench_hme("", {"x"}), 0.0);
}

TEST(OcrbenchMetric, AreRegisteredWithoutParameters) {
    for (const char* id : {"ocrbench", "ocrbench_hme"}) {
        const MetricDef* def = find_metric(id);
        ASSERT_NE(def, nullptr) << id;
        EXPECT_TRUE(def->higher_is_better) << id;
        EXPECT_TRUE(def->params.empty()) << id;
    }
}

TEST(OcrbenchMetric, TakesTheBestReference) {
    const Golds golds = {"go", "stop"};
    const nlohmann::json params = nlohmann::json::object();
    EXPECT_EQ(find_metric("ocrbench")->compute({"STOP!", golds, params}), 1.0);
    EXPECT_EQ(find_metric("ocrbench_hme")->compute({"STOP!", golds, params}), 0.0);
    EXPECT_EQ(find_metric("ocrbench_hme")->compute({"s t o p", golds, params}), 1.0);
    const Golds none;
    EXPECT_EQ(find_metric("ocrbench")->compute({"STOP", none, params}), std::nullopt);
}

}  // namespace
}  // namespace evalpanel::metrics
