#include "metrics/vqa_accuracy.hpp"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "metrics/metric.hpp"
#include "metrics/unicode.hpp"
#include "metrics/vqa_normalize.hpp"

namespace evalpanel::metrics {
namespace {

using Answers = std::vector<std::string>;

// Expected values not printed in METRICS.md were produced by running the steps of §4 in Python
// (str.lower/split/replace and re.sub as vqaEval.py calls them).

std::string punctuation(std::string_view text) { return encode_utf8(vqa_process_punctuation(decode_utf8(text))); }
std::string digit_article(std::string_view text) { return encode_utf8(vqa_process_digit_article(decode_utf8(text))); }

Answers repeated(std::initializer_list<std::pair<int, std::string>> groups) {
    Answers answers;
    for (const auto& [count, answer] : groups) answers.insert(answers.end(), static_cast<std::size_t>(count), answer);
    return answers;
}

// METRICS.md §4 table.
TEST(VqaAccuracy, WorkedExamples) {
    EXPECT_EQ(vqa_accuracy("two", repeated({{5, "2"}, {3, "3"}, {2, "4"}})), 1.0);
    EXPECT_EQ(vqa_accuracy("red", repeated({{2, "red"}, {8, "maroon"}})), 0.6);
    EXPECT_EQ(vqa_accuracy("Yes", repeated({{10, "yes"}})), 0.0);
}

TEST(VqaAccuracy, SumsPerAnswerScoresInAnswerOrder) {
    // Same multiset as the worked example, other order: Python's sum gives one ulp less.
    EXPECT_EQ(vqa_accuracy("red", repeated({{8, "maroon"}, {2, "red"}})), 0.5999999999999999);
    EXPECT_EQ(vqa_accuracy("hot dog", {"hot-dog", "hot dog", "hotdog", "hot  dog"}), 0.7499999999999999);
}

TEST(VqaAccuracy, MatchCountsOfTenAnswers) {
    EXPECT_EQ(vqa_accuracy("yes", repeated({{4, "yes"}, {6, "no"}})), 1.0);
    EXPECT_EQ(vqa_accuracy("yes", repeated({{3, "yes"}, {7, "no"}})), 0.9);
    EXPECT_EQ(vqa_accuracy("yes", {"yes", "yes", "yes", "no"}), 0.75);
}

TEST(VqaAccuracy, ASingleHumanAnswerNeverScores) {
    EXPECT_EQ(vqa_accuracy("x", {"x"}), 0.0);
    EXPECT_EQ(vqa_accuracy("", {""}), 0.0);
}

TEST(VqaAccuracy, NoHumanAnswersIsUndefined) { EXPECT_EQ(vqa_accuracy("x", {}), std::nullopt); }

TEST(VqaAccuracy, EmptyTextEdgeCases) {
    EXPECT_EQ(vqa_accuracy("", repeated({{10, ""}})), 1.0);  // gate closed, strings equal
    // Gate open; "an" and "a" both normalise to "", as does the prediction: one other match each.
    EXPECT_EQ(vqa_accuracy("", {"an", "a"}), 0.3333333333333333);
}

// Guards the gate: identical answers switch normalisation off for both sides.
TEST(VqaAccuracy, GateClosedWhenAllAnswersIdentical) {
    EXPECT_EQ(vqa_accuracy("Yes", repeated({{10, "yes"}})), 0.0);
    EXPECT_EQ(vqa_accuracy("Yes", repeated({{9, "yes"}, {1, "no"}})), 1.0);  // open: lower-cased
}

// Guards step 1 running before the gate: answers that differ only by \t or surrounding white space are
// identical, so the gate stays closed ("yes" ≠ "Yes") — a gate on the raw answers would open and score 1.
TEST(VqaAccuracy, GateComparesCleanedAnswers) {
    EXPECT_EQ(vqa_accuracy("yes", repeated({{9, "Yes\t"}, {1, "Yes"}})), 0.0);
    EXPECT_EQ(vqa_accuracy("hot dog", {"hot dog\n", "hot dog"}), 0.3333333333333333);
    EXPECT_EQ(vqa_accuracy("Hot dog", repeated({{9, "hot\tdog"}, {1, "hot dog"}})), 0.0);  // inner tab too
}

// Guards step 1 on the prediction: "\n" becomes a space and is stripped.
TEST(VqaAccuracy, CleansThePrediction) { EXPECT_EQ(vqa_accuracy("Yes\n", repeated({{10, "Yes"}})), 1.0); }

TEST(VqaAccuracy, NormalisesBothSidesWhenTheGateIsOpen) {
    EXPECT_EQ(vqa_accuracy("2", repeated({{3, "two"}, {1, "2"}})), 1.0);                 // number words
    EXPECT_EQ(vqa_accuracy("a dog", repeated({{3, "dog"}, {1, "puppy"}})), 0.75);        // articles
    EXPECT_EQ(vqa_accuracy("dont", repeated({{3, "don't"}, {1, "do not"}})), 0.75);      // contractions
    EXPECT_EQ(vqa_accuracy("7.", repeated({{3, "7"}, {1, "8"}})), 0.75);                 // period rule
    EXPECT_EQ(vqa_accuracy("1,000.", repeated({{3, "1000"}, {1, "x"}})), 0.75);          // \d,\d glue
    EXPECT_EQ(vqa_accuracy("xxxxx!", repeated({{3, "xxxxx"}, {1, "y"}})), 0.75);         // "!" → space
    EXPECT_EQ(vqa_accuracy("\u0130stanbul", repeated({{3, "i\u0307stanbul"}, {1, "x"}})), 0.75);  // full lower
}

TEST(VqaAccuracy, UnicodeAnswers) {
    const std::string tokyo = "\u6771\u4EAC";
    EXPECT_EQ(vqa_accuracy(tokyo, repeated({{3, tokyo}, {1, "\u3068\u3046\u304D\u3087\u3046"}})), 0.75);
    EXPECT_EQ(vqa_accuracy("\U0001F44D", repeated({{3, "\U0001F44D"}, {1, "ok"}})), 0.75);
}

TEST(VqaClean, ReplacesOnlyNewlineAndTabThenStrips) {
    EXPECT_EQ(vqa_clean(U"\ta\nb\t"), U"a b");
    EXPECT_EQ(vqa_clean(U"a\tb"), U"a b");
    EXPECT_EQ(vqa_clean(U"a\rb"), U"a\rb");
    EXPECT_EQ(vqa_clean(U"\u00A0 a \u3000"), U"a");
}

TEST(VqaPunctuation, ReplacesByASpaceUnlessNextToASpace) {
    EXPECT_EQ(punctuation("yes!"), "yes ");
    EXPECT_EQ(punctuation("a,b"), "a b");
    EXPECT_EQ(punctuation("(a)"), " a ");
    EXPECT_EQ(punctuation("A-B"), "A B");
    EXPECT_EQ(punctuation("a, b"), "a b");  // ", " present: every "," deleted
    EXPECT_EQ(punctuation("a -b"), "a b");  // " -" present
    EXPECT_EQ(punctuation("(approx)"), " approx ");
    EXPECT_EQ(punctuation(";/[]\"{}()=+\\_-><@`,?!"), std::string(21, ' '));
}

TEST(VqaPunctuation, LeavesCharactersOutsideP) {
    EXPECT_EQ(punctuation("don't"), "don't");
    EXPECT_EQ(punctuation("3:45"), "3:45");
    EXPECT_EQ(punctuation("#$%&*"), "#$%&*");
}

// Guards the `\d,\d` glue rule: it deletes every character of P, not only commas, and \d is Unicode.
TEST(VqaPunctuation, DigitCommaDigitDeletesAllPunctuation) {
    EXPECT_EQ(punctuation("1,000"), "1000");
    EXPECT_EQ(punctuation("1,000(approx)"), "1000approx");
    EXPECT_EQ(punctuation("\u0663,\u0664"), "\u0663\u0664");  // Arabic-Indic digits
}

// Guards the period rule as the reference runs it.
TEST(VqaPunctuation, PeriodsNotFollowedByADigitGo) {
    EXPECT_EQ(punctuation("7."), "7");  // the broken look-behind: a digit before does not protect it
    EXPECT_EQ(punctuation("7.5"), "7.5");
    EXPECT_EQ(punctuation("a.b."), "ab");
    EXPECT_EQ(punctuation("x.y. z."), "xy z");
    EXPECT_EQ(punctuation("..5"), ".5");  // matches are found on the text as it was
}

// Guards the count of re.sub: only the first 32 deletable periods go.
TEST(VqaPunctuation, DeletesAtMost32Periods) {
    EXPECT_EQ(punctuation("x " + std::string(40, '.')), "x " + std::string(8, '.'));
    EXPECT_EQ(punctuation(std::string(32, '.')), "");
    EXPECT_EQ(punctuation(std::string(33, '.') + "5"), ".5");  // the 33rd is protected by the digit anyway
}

TEST(VqaDigitArticle, LowersMapsNumberWordsAndDropsArticles) {
    EXPECT_EQ(digit_article("The TWO Cats"), "2 cats");
    EXPECT_EQ(digit_article("none of the above"), "0 of above");
    EXPECT_EQ(digit_article(" ten  apples "), "10 apples");
    EXPECT_EQ(digit_article("zero one two three four five six seven eight nine ten"), "0 1 2 3 4 5 6 7 8 9 10");
    EXPECT_EQ(digit_article("eleven"), "eleven");
    EXPECT_EQ(digit_article("ONE."), "one.");  // whole words only
    EXPECT_EQ(digit_article("an"), "");
    EXPECT_EQ(digit_article("  a  b  "), "b");
}

TEST(VqaDigitArticle, LowersWithTheFullMapping) {
    EXPECT_EQ(digit_article("\u0130stanbul"), "i\u0307stanbul");
    EXPECT_EQ(digit_article("STRASSE \u00DF"), "strasse \u00DF");
}

TEST(VqaDigitArticle, ContractionsApplyOnceToWholeLowerCasedWords) {
    EXPECT_EQ(digit_article("Im dont"), "im don't");  // the table's capitalised "Im" can never fire
    EXPECT_EQ(digit_article("THATS"), "that's");
    EXPECT_EQ(digit_article("somebody'd"), "somebodyd");  // the reference's entry runs backwards
    EXPECT_EQ(digit_article("ow's'at"), "'ow's'at");      // not applied again to its own output
    EXPECT_EQ(digit_article("dontt"), "dontt");
}

// METRICS.md §4 contraction table, all 114 entries that can fire.
const std::vector<std::pair<std::string, std::string>> kSpecContractions = {
        {"'ow'sat", "'ow's'at"}, {"'ows'at", "'ow's'at"}, {"aint", "ain't"}, {"arent", "aren't"},
        {"cant", "can't"}, {"couldn'tve", "couldn't've"}, {"couldnt", "couldn't"},
        {"couldnt've", "couldn't've"}, {"couldve", "could've"}, {"didnt", "didn't"}, {"doesnt", "doesn't"},
        {"dont", "don't"}, {"hadn'tve", "hadn't've"}, {"hadnt", "hadn't"}, {"hadnt've", "hadn't've"},
        {"hasnt", "hasn't"}, {"havent", "haven't"}, {"he'dve", "he'd've"}, {"hed", "he'd"},
        {"hed've", "he'd've"}, {"hes", "he's"}, {"howd", "how'd"}, {"howll", "how'll"}, {"hows", "how's"},
        {"isnt", "isn't"}, {"it'dve", "it'd've"}, {"itd", "it'd"}, {"itd've", "it'd've"}, {"itll", "it'll"},
        {"maam", "ma'am"}, {"mightn'tve", "mightn't've"}, {"mightnt", "mightn't"},
        {"mightnt've", "mightn't've"}, {"mightve", "might've"}, {"mustnt", "mustn't"}, {"mustve", "must've"},
        {"neednt", "needn't"}, {"notve", "not've"}, {"oclock", "o'clock"}, {"oughtnt", "oughtn't"},
        {"ow's'at", "'ow's'at"}, {"shant", "shan't"}, {"she'dve", "she'd've"}, {"shed've", "she'd've"},
        {"shouldn'tve", "shouldn't've"}, {"shouldnt", "shouldn't"}, {"shouldnt've", "shouldn't've"},
        {"shouldve", "should've"}, {"somebody'd", "somebodyd"}, {"somebody'dve", "somebody'd've"},
        {"somebodyd've", "somebody'd've"}, {"somebodyll", "somebody'll"}, {"somebodys", "somebody's"},
        {"someone'dve", "someone'd've"}, {"someoned", "someone'd"}, {"someoned've", "someone'd've"},
        {"someonell", "someone'll"}, {"someones", "someone's"}, {"something'dve", "something'd've"},
        {"somethingd", "something'd"}, {"somethingd've", "something'd've"}, {"somethingll", "something'll"},
        {"thats", "that's"}, {"there'dve", "there'd've"}, {"thered", "there'd"}, {"thered've", "there'd've"},
        {"therere", "there're"}, {"theres", "there's"}, {"they'dve", "they'd've"}, {"theyd", "they'd"},
        {"theyd've", "they'd've"}, {"theyll", "they'll"}, {"theyre", "they're"}, {"theyve", "they've"},
        {"twas", "'twas"}, {"wasnt", "wasn't"}, {"we'dve", "we'd've"}, {"wed've", "we'd've"},
        {"werent", "weren't"}, {"weve", "we've"}, {"whatll", "what'll"}, {"whatre", "what're"},
        {"whats", "what's"}, {"whatve", "what've"}, {"whens", "when's"}, {"whered", "where'd"},
        {"wheres", "where's"}, {"whereve", "where've"}, {"who'dve", "who'd've"}, {"whod", "who'd"},
        {"whod've", "who'd've"}, {"wholl", "who'll"}, {"whos", "who's"}, {"whove", "who've"},
        {"whyll", "why'll"}, {"whyre", "why're"}, {"whys", "why's"}, {"wont", "won't"},
        {"wouldn'tve", "wouldn't've"}, {"wouldnt", "wouldn't"}, {"wouldnt've", "wouldn't've"},
        {"wouldve", "would've"}, {"y'all'dve", "y'all'd've"}, {"y'alld've", "y'all'd've"},
        {"y'allll", "y'all'll"}, {"yall", "y'all"}, {"yall'd've", "y'all'd've"}, {"yall'll", "y'all'll"},
        {"you'dve", "you'd've"}, {"youd", "you'd"}, {"youd've", "you'd've"}, {"youll", "you'll"},
        {"youre", "you're"}, {"youve", "you've"},
};

TEST(VqaDigitArticle, ContractionTableIsExactlyTheSpecifiedOne) {
    ASSERT_EQ(kSpecContractions.size(), 114u);
    ASSERT_EQ(vqa_contractions().size(), kSpecContractions.size());
    for (std::size_t i = 0; i < kSpecContractions.size(); ++i) {
        EXPECT_EQ(encode_utf8(vqa_contractions()[i].first), kSpecContractions[i].first);
        EXPECT_EQ(encode_utf8(vqa_contractions()[i].second), kSpecContractions[i].second);
    }
    for (const auto& [word, expansion] : kSpecContractions) {
        EXPECT_EQ(digit_article(word), expansion) << word;
    }
}

TEST(VqaAccuracyMetric, ReadsTheReferencesAsHumanAnswers) {
    const MetricDef* def = find_metric("vqa_accuracy");
    ASSERT_NE(def, nullptr);
    EXPECT_TRUE(def->higher_is_better);
    EXPECT_TRUE(def->params.empty());
    const Answers answers = repeated({{2, "red"}, {8, "maroon"}});
    const nlohmann::json params = nlohmann::json::object();
    EXPECT_EQ(def->compute({"red", answers, params}), 0.6);
    const Answers none;
    EXPECT_EQ(def->compute({"red", none, params}), std::nullopt);
}

}  // namespace
}  // namespace evalpanel::metrics
