#include "runner/scoring.hpp"

#include <gtest/gtest.h>

namespace evalpanel::runner {
namespace {

suite::Suite ocr_suite() {
    suite::Suite s;
    s.name = "t";
    s.metrics = {"cer", "wer", "exact_match"};
    return s;
}

TEST(Scoring, ScoresEveryMetricOfTheSuiteInOrder) {
    suite::Case c;
    c.expected = "hello world";
    const auto scores = score_case(ocr_suite(), c, "helo world");
    ASSERT_EQ(scores.size(), 3u);
    EXPECT_EQ(scores[0].metric, "cer");
    EXPECT_DOUBLE_EQ(*scores[0].value, 1.0 / 11.0);
    EXPECT_EQ(scores[1].metric, "wer");
    EXPECT_DOUBLE_EQ(*scores[1].value, 0.5);
    EXPECT_EQ(scores[2].metric, "exact_match");
    EXPECT_DOUBLE_EQ(*scores[2].value, 0.0);
}

TEST(Scoring, SuiteParametersReachTheMetric) {
    suite::Suite s = ocr_suite();
    s.metrics = {"cer"};
    suite::Case c;
    c.expected = "a b";
    EXPECT_GT(*score_case(s, c, "a\n\nb")[0].value, 0.0);
    s.metric_params["cer"] = {{"collapse_whitespace", true}};
    EXPECT_DOUBLE_EQ(*score_case(s, c, "a\n\nb")[0].value, 0.0);
}

TEST(Scoring, NoAnswerScoresAsEmpty) {
    suite::Case c;
    c.expected = "abc";
    const auto scores = score_case(ocr_suite(), c, "");
    EXPECT_DOUBLE_EQ(*scores[0].value, 1.0);
}

TEST(Scoring, VqaAnswersAreTheReferences) {
    suite::Case c;
    c.answers = {"red", "maroon"};
    EXPECT_EQ(references_of(c), (std::vector<std::string>{"red", "maroon"}));
    suite::Case o;
    o.expected = "x";
    EXPECT_EQ(references_of(o), std::vector<std::string>{"x"});
}

}  // namespace
}  // namespace evalpanel::runner

namespace evalpanel::runner {
namespace {

TEST(Scoring, SourcesTakeTheSuitePassageForTheirUrl) {
    suite::Case c;
    c.passages = {{"https://a.example/x", "Passage title", "passage text", "2025-01-01"}};
    const std::vector<Citation> citations = {{"https://a.example/x", "", "", "tool snippet"},
                                             {"https://b.example/", "B", "2024-05", "b snippet"}};
    const auto sources = sources_of(citations, c);
    ASSERT_EQ(sources.size(), 2u);
    EXPECT_EQ(sources[0].text, "passage text");
    EXPECT_EQ(sources[0].title, "Passage title");
    EXPECT_EQ(sources[0].date, "2025-01-01");
    EXPECT_EQ(sources[1].text, "b snippet");
    EXPECT_EQ(sources[1].title, "B");
    EXPECT_EQ(sources[1].date, "2024-05");
}

}  // namespace
}  // namespace evalpanel::runner
