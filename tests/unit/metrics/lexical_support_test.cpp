#include "metrics/lexical_support.hpp"

#include <gtest/gtest.h>

#include "citation_test_passages.hpp"
#include "metrics/unicode.hpp"

namespace evalpanel::metrics {
namespace {

double support(std::string_view claim, std::string_view passage) {
    return lexical_support(decode_utf8(claim), decode_utf8(passage));
}

// METRICS.md §10.2 table (passages without their titles: lexical_support takes a plain passage).
TEST(CitationLexicalSupport, WorkedExamples) {
    EXPECT_DOUBLE_EQ(support("The Eiffel Tower opened in 1889.", testing::kEiffel.text), 0.75);
    EXPECT_DOUBLE_EQ(support("It is.", "anything"), 0.0);
    EXPECT_DOUBLE_EQ(support("Bananas contain potassium.", testing::kBananas.text), 0.6666666666666666);
}

// Guards "set of content words": as a list, the repeated "paris" would give 2/3.
TEST(CitationLexicalSupport, CountsDistinctClaimWords) {
    EXPECT_DOUBLE_EQ(support("Paris Paris London", "Paris"), 0.5);
}

// Guards the case fold and the stop list on the passage side too.
TEST(CitationLexicalSupport, FoldsAndFiltersBothSides) {
    EXPECT_DOUBLE_EQ(support("PARIS \u00C9T\u00C9", "paris \u00E9t\u00E9"), 1.0);
    EXPECT_DOUBLE_EQ(support("\u0152uvre", "\u0153uvre"), 0.0);  // Œ is not folded
    EXPECT_DOUBLE_EQ(support("Paris", ""), 0.0);
    EXPECT_DOUBLE_EQ(support("", ""), 0.0);  // no content words: 0, never 0/0
}

TEST(CitationLexicalSupport, CjkCharactersAreWords) {
    // 巴黎首都 vs 巴黎是城市: 巴, 黎 of 巴, 黎, 首 (都 is a stop character).
    EXPECT_DOUBLE_EQ(support("\u5DF4\u9ECE\u9996\u90FD", "\u5DF4\u9ECE\u662F\u57CE\u5E02"), 0.6666666666666666);
}

TEST(CitationLexicalSupport, SupportedAtOrAboveTheThreshold) {
    EXPECT_TRUE(lexically_supported(U"Paris London", U"Paris", 0.5));   // exactly 0.5 counts
    EXPECT_FALSE(lexically_supported(U"Paris London", U"Paris", 0.51));
    EXPECT_FALSE(lexically_supported(U"It is.", U"It is.", 0.0 + 1e-12));
}

TEST(CitationLexicalSupport, MetricReadsPredictionAndFirstReference) {
    const std::vector<std::string> references = {testing::kEiffel.text, "unrelated"};
    const nlohmann::json params = nlohmann::json::object();
    EXPECT_EQ(lexical_support_metric({"The Eiffel Tower opened in 1889.", references, params}), 0.75);
    const std::vector<std::string> none;
    EXPECT_EQ(lexical_support_metric({"Paris", none, params}), std::nullopt);  // no passage: undefined
}

}  // namespace
}  // namespace evalpanel::metrics
