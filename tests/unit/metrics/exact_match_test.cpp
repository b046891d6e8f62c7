#include "metrics/exact_match.hpp"

#include <gtest/gtest.h>

namespace evalpanel::metrics {
namespace {

using Golds = std::vector<std::string>;

// METRICS.md §8 table.
TEST(ExactMatch, WorkedExamples) {
    EXPECT_EQ(exact_match("The Eiffel Tower!", {"eiffel tower"}), 1.0);
    EXPECT_EQ(exact_match("Eiffel", {"Eiffel Tower", "the tower"}), 0.0);
    EXPECT_EQ(exact_match("N/A", {}), 0.0);
}

TEST(TokenF1, WorkedExamples) {
    EXPECT_EQ(token_f1("the Eiffel Tower in Paris", {"Eiffel Tower"}), 0.6666666666666666);
    EXPECT_EQ(token_f1("Paris", {"London"}), 0.0);
    EXPECT_EQ(token_f1("", {""}), 1.0);
}

// Expected forms below are Python evaluate-v2.0.py normalize_answer outputs.
TEST(SquadNormalize, DeletesAsciiPunctuationOnlyAndGluesWords) {
    EXPECT_EQ(squad_normalize("Well-known"), U"wellknown");
    EXPECT_EQ(squad_normalize("l'a"), U"la");
    EXPECT_EQ(squad_normalize("It\u2019s \u201Cthe\u201D best\u2014\u20AC5"), U"it\u2019s \u201C \u201D best\u2014\u20AC5");
    EXPECT_EQ(squad_normalize("x_the the_x the"), U"xthe thex");  // "_" is punctuation, deleted first
}

TEST(SquadNormalize, RemovesOnlyWholeUnicodeWordArticles) {
    EXPECT_EQ(squad_normalize("pi\u00F1a colada"), U"pi\u00F1a colada");  // ñ is a word character
    EXPECT_EQ(squad_normalize("a pi\u00F1a"), U"pi\u00F1a");
    EXPECT_EQ(squad_normalize("\u00E9tat a \u00E9t\u00E9"), U"\u00E9tat \u00E9t\u00E9");
    EXPECT_EQ(squad_normalize("\u00B2the"), U"\u00B2the");  // ² is alphanumeric for Python
    EXPECT_EQ(squad_normalize("\u20ACthe\u20AC"), U"\u20AC \u20AC");  // replaced by a space, not deleted
    EXPECT_EQ(squad_normalize("An apple, THE pear"), U"apple pear");
}

TEST(SquadNormalize, LowersWithFullMappingAndCollapsesWhiteSpace) {
    EXPECT_EQ(squad_normalize("The\u00A0Cat\u3000sat\u0085"), U"cat sat");
    EXPECT_EQ(squad_normalize("\u0130stanbul"), U"i\u0307stanbul");
    EXPECT_EQ(squad_normalize(""), U"");
}

TEST(ExactMatch, DropsGoldsThatNormaliseToEmpty) {
    EXPECT_EQ(exact_match("", Golds{"the", "Paris"}), 0.0);  // "the" dropped, "Paris" remains
    EXPECT_EQ(exact_match("", Golds{"the", "..."}), 1.0);    // all dropped → [""]
    EXPECT_EQ(exact_match("A.", Golds{}), 1.0);              // prediction normalises to empty too
}

TEST(ExactMatch, TakesTheBestGold) {
    EXPECT_EQ(exact_match("tower", Golds{"Eiffel Tower", "the tower"}), 1.0);
}

TEST(ExactMatch, DistinguishesPrecomposedFromCombiningAccents) {
    EXPECT_EQ(exact_match("pi\u00F1a", Golds{"pin\u0303a"}), 0.0);
    EXPECT_EQ(exact_match("PI\u00D1A", Golds{"pi\u00F1a"}), 1.0);
}

TEST(TokenF1, UsesMultisetIntersection) {
    EXPECT_EQ(token_f1("y y z", Golds{"x y y"}), 0.6666666666666666);
    EXPECT_EQ(token_f1("y y y", Golds{"y"}), 0.5);  // only one "y" is shared
}

TEST(TokenF1, EmptyTokenListsScoreOneOnlyTogether) {
    EXPECT_EQ(token_f1("the", Golds{}), 1.0);     // both normalise to nothing
    EXPECT_EQ(token_f1("Paris", Golds{}), 0.0);
    EXPECT_EQ(token_f1("", Golds{"Paris"}), 0.0);
}

TEST(TokenF1, TakesTheBestGold) {
    EXPECT_EQ(token_f1("quick brown fox", Golds{"slow dog", "quick fox", "brown"}), 0.8);
}

TEST(ExactMatchMetric, ReadsEveryReferenceAsAGold) {
    const std::vector<std::string> references = {"London", "Paris"};
    const nlohmann::json params = nlohmann::json::object();
    EXPECT_EQ(exact_match_metric({"paris.", references, params}), 1.0);
    EXPECT_EQ(token_f1_metric({"in Paris", references, params}), 0.6666666666666666);
}

TEST(ExactMatchMetric, NoReferencesMeansUnanswerable) {
    const std::vector<std::string> references;
    const nlohmann::json params = nlohmann::json::object();
    EXPECT_EQ(exact_match_metric({"", references, params}), 1.0);
    EXPECT_EQ(token_f1_metric({"something", references, params}), 0.0);
}

}  // namespace
}  // namespace evalpanel::metrics
