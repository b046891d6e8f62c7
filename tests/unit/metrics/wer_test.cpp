#include "metrics/wer.hpp"

#include <gtest/gtest.h>

#include "metrics/params.hpp"

namespace evalpanel::metrics {
namespace {

constexpr ErrorRateOptions kCollapse{.collapse_whitespace = true};

std::vector<std::u32string> words(std::initializer_list<std::u32string> list) { return list; }

// METRICS.md §3 table.
TEST(Wer, WorkedExamples) {
    EXPECT_EQ(wer("the cat sat on mat", "the cat sat on the mat"), 0.16666666666666666);
    EXPECT_EQ(wer("the  cat\t\tsat", "the cat sat"), 0.0);
    EXPECT_EQ(wer("a b", ""), 2.0);
}

TEST(Wer, EmptyReferenceGivesInsertionCount) {
    EXPECT_EQ(wer("", ""), 0.0);
    EXPECT_EQ(wer("   ", "\n"), 0.0);
    EXPECT_EQ(wer("one two three", "  "), 3.0);
}

TEST(Wer, CanExceedOne) { EXPECT_EQ(wer("a b c", "x"), 3.0); }

TEST(WerTokens, SingleWhiteSpaceOtherThanSpaceDoesNotSplit) {
    EXPECT_EQ(wer_tokens("red\tcar"), words({U"red\tcar"}));
    EXPECT_EQ(wer_tokens("red\ncar"), words({U"red\ncar"}));
    EXPECT_EQ(wer_tokens("red\u00A0car"), words({U"red\u00A0car"}));
}

TEST(WerTokens, RunsOfTwoOrMoreWhiteSpaceSplit) {
    EXPECT_EQ(wer_tokens("red\t\tcar"), words({U"red", U"car"}));
    EXPECT_EQ(wer_tokens("red \tcar"), words({U"red", U"car"}));
    EXPECT_EQ(wer_tokens("red\u0085\u001Ccar"), words({U"red", U"car"}));  // both are W
    EXPECT_EQ(wer_tokens("red\u200B\u200Bcar"), words({U"red\u200B\u200Bcar"}));  // neither is W
    EXPECT_EQ(wer_tokens("red\uFEFF car"), words({U"red\uFEFF", U"car"}));
}

TEST(WerTokens, StripsEnds) {
    EXPECT_EQ(wer_tokens("\n the cat\t"), words({U"the", U"cat"}));
    EXPECT_TRUE(wer_tokens("").empty());
}

TEST(Wer, TabAndNewlineJoinedWordsCountAsOneWrongWord) {
    EXPECT_EQ(wer("red\tcar", "red car"), 1.0);  // 1 substitution + 1 deletion over 2 words
    EXPECT_EQ(wer("red\ncar", "red\ncar"), 0.0);
}

TEST(Wer, ComparesWordsExactly) {
    EXPECT_EQ(wer("the car,", "the car"), 0.5);  // "car," is not "car"
    EXPECT_EQ(wer("The car", "the car"), 0.5);   // no lower-casing
    EXPECT_EQ(wer("caf\u00E9 ol\u00E9", "caf\u00E9 ole"), 0.5);
    EXPECT_EQ(wer("\u00F1", "n\u0303"), 1.0);
}

TEST(Wer, CountsCjkAndEmojiRunsAsSingleWords) {
    EXPECT_EQ(wer("漢字 テスト", "漢字 テスト"), 0.0);
    EXPECT_EQ(wer("👩‍💻 works", "👩‍💻 worked"), 0.5);
}

TEST(Wer, CollapseWhitespaceAppliesToBothSides) {
    EXPECT_EQ(wer("red\tcar", "red car", kCollapse), 0.0);   // prediction side
    EXPECT_EQ(wer("red car", "red\ncar"), 2.0);              // without: 1 reference word, 2 edits
    EXPECT_EQ(wer("red car", "red\ncar", kCollapse), 0.0);   // reference side
    EXPECT_EQ(wer("red\u3000car", "red\u2028car", kCollapse), 0.0);
}

TEST(Wer, InvalidUtf8BecomesReplacementCharacters) {
    EXPECT_EQ(wer_tokens("ok \xFF"), words({U"ok", U"\uFFFD"}));
    EXPECT_EQ(wer("ok \xFF", "ok fine"), 0.5);
}

TEST(WerMetric, ReadsTheFirstReferenceAndParams) {
    const std::vector<std::string> references = {"red car", "red\tcar"};
    const nlohmann::json no_params = nlohmann::json::object();
    const nlohmann::json collapse = {{"collapse_whitespace", true}};
    EXPECT_EQ(wer_metric({"red\tcar", references, no_params}), 1.0);
    EXPECT_EQ(wer_metric({"red\tcar", references, collapse}), 0.0);
    EXPECT_EQ(wer_metric({"red\tcar", references, nlohmann::json()}), 1.0);  // null params: defaults
}

TEST(WerMetric, IsUndefinedWithoutReference) {
    const std::vector<std::string> references;
    const nlohmann::json params = nlohmann::json::object();
    EXPECT_EQ(wer_metric({"a b", references, params}), std::nullopt);
}

TEST(WerMetric, RejectsANonBooleanCollapseWhitespace) {
    const std::vector<std::string> references = {"x"};
    const nlohmann::json params = {{"collapse_whitespace", 1}};
    EXPECT_THROW((void)wer_metric({"x", references, params}), MetricParamError);
}

}  // namespace
}  // namespace evalpanel::metrics
