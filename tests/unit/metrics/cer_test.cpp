#include "metrics/cer.hpp"

#include <gtest/gtest.h>

#include "metrics/params.hpp"

namespace evalpanel::metrics {
namespace {

constexpr ErrorRateOptions kCollapse{.collapse_whitespace = true};

// METRICS.md §2 table.
TEST(Cer, WorkedExamples) {
    EXPECT_EQ(cer("helo world", "hello world"), 0.09090909090909091);
    EXPECT_EQ(cer("  hello world\n", "hello world"), 0.0);
    EXPECT_EQ(cer("hello", ""), 5.0);
}

TEST(Cer, EmptyReferenceGivesInsertionCount) {
    EXPECT_EQ(cer("", ""), 0.0);
    EXPECT_EQ(cer(" \t\n", ""), 0.0);  // hypothesis empty after strip
    EXPECT_EQ(cer("👩‍💻", " "), 3.0);    // reference empty after strip; 3 code points inserted
}

TEST(Cer, EmptyHypothesisIsAllDeletions) { EXPECT_EQ(cer("", "abc"), 1.0); }

TEST(Cer, CanExceedOne) { EXPECT_EQ(cer("abcdef", "xy"), 3.0); }

TEST(Cer, CountsCodePointsNotBytes) {
    // In bytes "ï" is C3 AF: 2 edits over 5 bytes would give 0.4.
    EXPECT_EQ(cer("na\u00EFve", "naive"), 0.2);
    // 字 (E5 AD 97) and 学 (E5 AD A6) share two bytes: bytes would give 1/6, code points give 1/2.
    EXPECT_EQ(cer("漢字", "漢学"), 0.5);
    EXPECT_EQ(cer("naive", "na\u00EFve"), 0.2);  // the reference length is 5 code points, not 6 bytes
}

TEST(Cer, EmojiIsThreeCodePoints) { EXPECT_EQ(cer("", "👩‍💻"), 1.0); EXPECT_EQ(cer("x", "👩‍💻"), 1.0); }

TEST(Cer, PrecomposedAndCombiningAccentsDiffer) {
    EXPECT_EQ(cer("n\u0303", "\u00F1"), 2.0);  // substitute n→ñ, insert the combining tilde: 2 / 1
    EXPECT_EQ(cer("\u00F1", "n\u0303"), 1.0);  // substitute, delete: 2 / 2
}

TEST(Cer, KeepsInternalWhiteSpace) {
    EXPECT_EQ(cer_tokens("x  y").size(), 4U);
    EXPECT_EQ(cer("x y", "x  y"), 0.25);
    EXPECT_EQ(cer("hello\n\nworld", "hello world"), 0.18181818181818182);
}

TEST(Cer, StripsTheWholeWhiteSpaceSetButNotZeroWidthSpace) {
    EXPECT_EQ(cer("\u0085\u001Cabc\u3000", "abc"), 0.0);
    EXPECT_EQ(cer("\u200Babc\uFEFF", "abc"), 2.0 / 3.0);
}

TEST(Cer, IsCaseAndPunctuationSensitive) {
    EXPECT_EQ(cer("Hello.", "hello"), 0.4);
}

TEST(Cer, CollapseWhitespaceAppliesToBothSides) {
    EXPECT_EQ(cer("hello\n\nworld", "hello world", kCollapse), 0.0);  // prediction side
    EXPECT_EQ(cer("hello world", "hello \t world", kCollapse), 0.0);  // reference side
    EXPECT_EQ(cer("hello world", "hello \t world"), 0.15384615384615385);  // 2 / 13 without it
    EXPECT_EQ(cer("a\u0085\u2028b", "a b", kCollapse), 0.0);
    EXPECT_EQ(cer("a\u200Bb", "a b", kCollapse), 1.0 / 3.0);  // U+200B is not white space
}

TEST(Cer, InvalidUtf8CountsOneReplacementPerMaximalSubpart) {
    EXPECT_EQ(cer("ab\xE2\x82", "abc"), 1.0 / 3.0);  // the truncated sequence is one substitution
    EXPECT_EQ(cer("a\xC0\xAF", "a"), 2.0);          // two U+FFFD inserted
}

TEST(CerMetric, ReadsTheFirstReferenceAndParams) {
    const std::vector<std::string> references = {"hello world", "helo world"};
    const nlohmann::json no_params = nlohmann::json::object();
    EXPECT_EQ(cer_metric({"helo world", references, no_params}), 0.09090909090909091);

    const std::vector<std::string> spaced = {"hello world"};
    const nlohmann::json collapse = {{"collapse_whitespace", true}};
    EXPECT_EQ(cer_metric({"hello\n\nworld", spaced, collapse}), 0.0);
    EXPECT_EQ(cer_metric({"hello\n\nworld", spaced, no_params}), 0.18181818181818182);
}

TEST(CerMetric, IsUndefinedWithoutReference) {
    const std::vector<std::string> references;
    const nlohmann::json params = nlohmann::json::object();
    EXPECT_EQ(cer_metric({"hello", references, params}), std::nullopt);
}

TEST(CerMetric, RejectsANonBooleanCollapseWhitespace) {
    const std::vector<std::string> references = {"x"};
    const nlohmann::json params = {{"collapse_whitespace", "yes"}};
    try {
        (void)cer_metric({"x", references, params});
        FAIL() << "expected MetricParamError";
    } catch (const MetricParamError& error) {
        EXPECT_STREQ(error.what(), "cer: parameter 'collapse_whitespace' must be true or false, got \"yes\"");
    }
}

}  // namespace
}  // namespace evalpanel::metrics
