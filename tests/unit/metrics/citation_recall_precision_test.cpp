#include "metrics/citation_recall_precision.hpp"

#include <gtest/gtest.h>

#include "citation_test_passages.hpp"
#include "metrics/params.hpp"

namespace evalpanel::metrics {
namespace {

using testing::kBananas;
using testing::kEiffel;
using testing::kLouvre;
using testing::kSeine;
using Sources = std::vector<Source>;

CitationRecallPrecision score(std::string_view response, const Sources& sources, double threshold = 0.5,
                              std::size_t at_most_citations = 3) {
    return citation_recall_precision(response, sources,
                                     {.threshold = threshold, .at_most_citations = at_most_citations});
}

// METRICS.md §10.4 table (threshold 0.5, at_most_citations 3).
TEST(CitationRecallLexical, WorkedExamples) {
    EXPECT_EQ(score("The Louvre received 8.9 million visitors in 2023 [1]. Paris is large.", {kLouvre, kEiffel}).recall,
              0.5);
    EXPECT_EQ(score("The Seine flows into the English Channel [3]. The Louvre is an art museum [2].",
                    {kEiffel, kLouvre, kSeine, kBananas})
                  .recall,
              1.0);
    EXPECT_EQ(score("## Heading only\n[1]", {kEiffel}).recall, std::nullopt);
}

TEST(CitationPrecisionLexical, WorkedExamples) {
    EXPECT_EQ(score("The Eiffel Tower is 330 metres tall [1][2].", {kEiffel, kBananas}).precision, 0.5);
    EXPECT_EQ(score("Bananas are rich in potassium [4][1].", {kEiffel, kLouvre, kSeine, kBananas}).precision, 0.5);
    EXPECT_EQ(score("The Seine flows into the English Channel [3]. The Louvre is an art museum [9].",
                    {kEiffel, kLouvre, kSeine, kBananas})
                  .precision,
              1.0);
}

TEST(CitationRecallPrecision, NoSentenceMeansBothUndefined) {
    const auto empty = score(" \n# Title only\n[1][2]\n", {kEiffel});
    EXPECT_EQ(empty.recall, std::nullopt);
    EXPECT_EQ(empty.precision, std::nullopt);
}

TEST(CitationRecallPrecision, NoCitationAnywhereIsZeroNotUndefined) {
    const auto uncited = score("Bananas are rich in potassium.", {kBananas});
    EXPECT_EQ(uncited.recall, 0.0);
    EXPECT_EQ(uncited.precision, 0.0);  // no counted citation: ALCE's 0
}

// The claim is the sentence through remove_citations and strip; the judge is lexical_support >= threshold.
TEST(CitationRecallPrecision, UnsupportedSentencesStillCountTheirCitations) {
    const auto result =
        score("The Louvre is an art museum [1]. Bananas are rich in potassium [2].", {kLouvre, kEiffel});
    EXPECT_EQ(result.recall, 0.5);
    EXPECT_EQ(result.precision, 0.5);  // 1 precise of 2 counted
}

// Guards ALCE's "needed" rule: neither passage alone entails, and neither can be dropped.
TEST(CitationPrecisionLexical, CitationNeededForTheJointSupportIsPrecise) {
    // Content words: bananas, grow, near, seine, river. B gives 2/5, S gives 2/5, both give 4/5.
    const auto result = score("Bananas grow near the Seine river [1][2].", {kBananas, kSeine});
    EXPECT_EQ(result.recall, 1.0);
    EXPECT_EQ(result.precision, 1.0);
}

// Guards list.remove (one occurrence): with [1][1][2], removing one [1] leaves [1][2], which still entails,
// so both [1]s are over-citations and only [2] is precise. Removing every [1] would give 3/3.
TEST(CitationPrecisionLexical, RemovesOneOccurrenceOfARepeatedCitation) {
    const auto repeated = score("Bananas grow near the Seine river [1][1][2].", {kBananas, kSeine});
    EXPECT_EQ(repeated.recall, 1.0);
    EXPECT_EQ(repeated.precision, 0.3333333333333333);
    EXPECT_EQ(score("Bananas are rich in potassium [1][1].", {kBananas}).precision, 1.0);  // each alone entails
}

// Guards the at_most_citations truncation: only the first three passages are judged and counted.
TEST(CitationRecallPrecision, KeepsOnlyTheFirstAtMostCitations) {
    const Sources four = {kEiffel, kLouvre, kSeine, kBananas};
    const auto three = score("Bananas are rich in potassium [1][2][3][4].", four);
    EXPECT_EQ(three.recall, 0.0);     // B, the 4th, is cut
    EXPECT_EQ(three.precision, 0.0);  // 0 precise of 3 counted
    const auto all = score("Bananas are rich in potassium [1][2][3][4].", four, 0.5, 4);
    EXPECT_EQ(all.recall, 1.0);
    EXPECT_EQ(all.precision, 0.25);  // only [4] is precise: without [1], [2][3][4] still entails
    EXPECT_EQ(score("Bananas are rich in potassium [4][1][2][3].", four, 0.5, 1).precision, 1.0);
}

// Guards the order: ALCE checks the range on all markers before truncating.
TEST(CitationRecallPrecision, OutOfRangeCheckSeesMarkersPastTheTruncation) {
    const auto result = score("Bananas are rich in potassium [4][1][2][9].", {kEiffel, kLouvre, kSeine, kBananas});
    EXPECT_EQ(result.recall, 0.0);
    EXPECT_EQ(result.precision, 0.0);  // nothing counted
}

// evalpanel's departure from ALCE: [0] is out of range (ALCE would read the last source, B, and score 1).
TEST(CitationRecallPrecision, ZeroIsOutOfRange) {
    const auto result = score("Bananas are rich in potassium [0].", {kEiffel, kBananas});
    EXPECT_EQ(result.recall, 0.0);
    EXPECT_EQ(result.precision, 0.0);
}

// Guards the "Title: " + title line of the passage: without it only opened, 1889 of 4 words match.
TEST(CitationRecallPrecision, TheTitleIsPartOfThePassage) {
    const Source titled{.url = "", .title = "Eiffel Tower", .text = "It opened in 1889.", .date = ""};
    const Source untitled{.url = "", .title = "", .text = "It opened in 1889.", .date = ""};
    EXPECT_EQ(score("The Eiffel Tower opened in 1889 [1].", {titled}, 0.75).recall, 1.0);
    EXPECT_EQ(score("The Eiffel Tower opened in 1889 [1].", {untitled}, 0.75).recall, 0.0);
}

// Guards the Unicode \d of remove_citations: "[١٢" leaves the claim, so the claim is bananas, rich (2/2);
// an ASCII-only removal would keep "١٢" as a claim word (2/3 < 0.75). "[١٢]" is not a marker.
TEST(CitationRecallPrecision, ClaimDropsUnicodeDigitCitations) {
    const auto result = score("Bananas [\u0661\u0662] are rich [1].", {kBananas}, 0.75);
    EXPECT_EQ(result.recall, 1.0);
    EXPECT_EQ(result.precision, 1.0);
    EXPECT_EQ(score("Bananas are rich [\u0661].", {kBananas}).recall, 0.0);  // no ASCII marker: uncited
}

// Guards "threshold": the same response flips at the support value.
TEST(CitationRecallPrecision, ThresholdIsInclusive) {
    // "Bananas contain potassium." vs B: 2/3.
    EXPECT_EQ(score("Bananas contain potassium [1].", {kBananas}, 0.6666666666666666).recall, 1.0);
    EXPECT_EQ(score("Bananas contain potassium [1].", {kBananas}, 0.67).recall, 0.0);
}

TEST(CitationRecallPrecision, MultiParagraphTextIsNotTruncated) {
    EXPECT_EQ(score("Intro without citation.\nBananas are rich in potassium [1].", {kBananas}).recall, 0.5);
}

TEST(CitationRecallPrecision, RegistryEntriesReadTheirParameters) {
    const std::vector<std::string> references;
    const Sources sources = {kEiffel, kLouvre, kSeine, kBananas};
    const nlohmann::json four = {{"at_most_citations", 4}};
    const MetricInput input{"Bananas are rich in potassium [1][2][3][4].", references, four, sources};
    EXPECT_EQ(citation_recall_lexical_metric(input), 1.0);
    EXPECT_EQ(citation_precision_lexical_metric(input), 0.25);
    const nlohmann::json defaults = nlohmann::json::object();
    const MetricInput plain{"Bananas are rich in potassium [1][2][3][4].", references, defaults, sources};
    EXPECT_EQ(citation_recall_lexical_metric(plain), 0.0);
    const nlohmann::json strict = {{"threshold", 1.0}};
    const MetricInput half{"Bananas contain potassium [4].", references, strict, sources};
    EXPECT_EQ(citation_recall_lexical_metric(half), 0.0);
    const nlohmann::json wrong = {{"threshold", "high"}};
    const MetricInput bad{"Bananas [1].", references, wrong, sources};
    EXPECT_THROW(citation_precision_lexical_metric(bad), MetricParamError);
}

}  // namespace
}  // namespace evalpanel::metrics
