#include "metrics/levenshtein.hpp"

#include <gtest/gtest.h>

namespace evalpanel::metrics {
namespace {

// METRICS.md §1 table.
TEST(Levenshtein, WorkedExamples) {
    EXPECT_EQ(levenshtein("kitten", "sitting"), 3U);
    EXPECT_EQ(levenshtein("", "abc"), 3U);
    EXPECT_EQ(levenshtein("r\u00E9sum\u00E9", "resume"), 2U);  // precomposed é
}

TEST(Levenshtein, CountsCodePointsNotBytes) {
    EXPECT_EQ(levenshtein("\u00E9", "e"), 1U);  // 2 bytes vs 1, but one substitution
    EXPECT_EQ(levenshtein("👩‍💻", ""), 3U);
    EXPECT_EQ(levenshtein("漢字", "漢学"), 1U);
}

TEST(Levenshtein, IsCaseWhiteSpaceAndAccentSensitive) {
    EXPECT_EQ(levenshtein("Abc", "abc"), 1U);
    EXPECT_EQ(levenshtein(" abc", "abc"), 1U);  // no stripping
    EXPECT_EQ(levenshtein("\u00F1", "n\u0303"), 2U);
}

TEST(LevenshteinMetric, ReadsTheFirstReference) {
    const std::vector<std::string> references = {"sitting", "kitten"};
    const nlohmann::json params = nlohmann::json::object();
    EXPECT_EQ(levenshtein_metric({"kitten", references, params}), 3.0);
}

TEST(LevenshteinMetric, IsUndefinedWithoutReference) {
    const std::vector<std::string> references;
    const nlohmann::json params = nlohmann::json::object();
    EXPECT_EQ(levenshtein_metric({"kitten", references, params}), std::nullopt);
}

}  // namespace
}  // namespace evalpanel::metrics
