#include "metrics/citation_structure.hpp"

#include <gtest/gtest.h>

namespace evalpanel::metrics {
namespace {

// METRICS.md §10.5 table.
TEST(CitationOutOfRange, WorkedExamples) {
    EXPECT_EQ(citation_out_of_range("A [1]. B [3].", 2), 1u);
    EXPECT_EQ(citation_out_of_range("Text [4\u2020L1].", 3), 1u);
    EXPECT_EQ(citation_out_of_range("Claim [1][2][3].", 3), 0u);
}

TEST(CitationOutOfRange, ZeroAndEverythingPastTheSourcesCount) {
    EXPECT_EQ(citation_out_of_range("A [0]. B [00]. C [01].", 1), 2u);
    EXPECT_EQ(citation_out_of_range("Claim [1].", 0), 1u);
    EXPECT_EQ(citation_out_of_range("Even in code: `a[5]` and [3, 9].", 4), 1u);  // [5] counts, [3, 9] is only 3
    EXPECT_EQ(citation_out_of_range("[99999999999999999999999]", 3), 1u);
    EXPECT_EQ(citation_out_of_range("No markers [x] [\u0661].", 0), 0u);
}

TEST(UncitedSentenceRatio, WorkedExamples) {
    EXPECT_EQ(uncited_sentence_ratio("A is true [1]. B is true. C is true [2]."), 0.3333333333333333);
    EXPECT_EQ(uncited_sentence_ratio("Only one sentence."), 1.0);
    EXPECT_EQ(uncited_sentence_ratio(" \t\r\n\u3000 "), std::nullopt);
}

TEST(UncitedSentenceRatio, UsesTheSentenceSplitter) {
    EXPECT_EQ(uncited_sentence_ratio("# Heading\nClaim. [1] Next claim."), 0.5);  // marker absorbed by "Claim."
    EXPECT_EQ(uncited_sentence_ratio("Claim [0]."), 0.0);  // out of range is still a marker
    EXPECT_EQ(uncited_sentence_ratio("[1][2]"), std::nullopt);
}

TEST(CitationDensity, WorkedExamples) {
    EXPECT_EQ(citation_density("Paris is the capital [1]."), 25.0);
    EXPECT_EQ(citation_density("One two three four five six seven eight nine ten [1][2]."), 20.0);
    EXPECT_EQ(citation_density("\u2014 \u2026 \u2014"), std::nullopt);
}

// Guards the word rule: pieces without a word character are not words; CJK runs without spaces are one.
TEST(CitationDensity, WordsAreWhiteSpacePiecesWithAWordCharacter) {
    EXPECT_EQ(citation_density("Paris \u2013 France [1]."), 50.0);
    EXPECT_EQ(citation_density("\u5DF4\u9ECE\u662F\u9996\u90FD[1]\u3002"), 100.0);
    EXPECT_EQ(citation_density("Stop words count too: the a an [1]"), 100.0 / 7.0);
    EXPECT_EQ(citation_density("Word"), 0.0);
}

// Guards remove_citations before counting words: otherwise "[1][2]" would be an 11th word (18.18…).
TEST(CitationDensity, MarkersAreNotWords) {
    EXPECT_EQ(citation_density("One two three four five six seven eight nine ten [1][2]"), 20.0);
    EXPECT_EQ(citation_density("[1] [2]"), std::nullopt);
    EXPECT_EQ(citation_density("Claim [\u0661] here [1]."), 50.0);  // "[١" goes too (Python \d), not a marker
}

TEST(CitationStructure, RegistryEntries) {
    const std::vector<std::string> references;
    const nlohmann::json params = nlohmann::json::object();
    const std::vector<Source> two(2);
    const MetricInput input{"A [1]. B [3].", references, params, two};
    EXPECT_EQ(citation_out_of_range_metric(input), 1.0);
    EXPECT_EQ(uncited_sentence_ratio_metric(input), 0.0);
    EXPECT_EQ(citation_density_metric(input), 100.0);
}

}  // namespace
}  // namespace evalpanel::metrics
