#include "metrics/sentences.hpp"

#include <gtest/gtest.h>

namespace evalpanel::metrics {
namespace {

using Sentences = std::vector<std::u32string>;

TEST(CitationSentences, SplitsAfterTerminatorAndWhiteSpace) {
    EXPECT_EQ(split_sentences(U"A is true [1]. B is true. C is true [2]."),
              (Sentences{U"A is true [1].", U"B is true.", U"C is true [2]."}));
    EXPECT_EQ(split_sentences(U"Really?! Yes. No!"), (Sentences{U"Really?!", U"Yes.", U"No!"}));
    EXPECT_EQ(split_sentences(U"No terminator"), Sentences{U"No terminator"});
    EXPECT_EQ(split_sentences(U"  End.   "), Sentences{U"End."});
    EXPECT_EQ(split_sentences(U""), Sentences{});
    EXPECT_EQ(split_sentences(U" \t\n \u3000\n"), Sentences{});
}

// Guards "the next non-W character is not an ASCII lower-case letter".
TEST(CitationSentences, LowerCaseContinuationDoesNotSplit) {
    EXPECT_EQ(split_sentences(U"This is, i.e. the best option. Next."),
              (Sentences{U"This is, i.e. the best option.", U"Next."}));
    EXPECT_EQ(split_sentences(U"Mr. Jones arrived. He left."), (Sentences{U"Mr.", U"Jones arrived.", U"He left."}));
    EXPECT_EQ(split_sentences(U"Costs 5 vs. \u00E9t\u00E9. \u00C9t\u00E9 ends."),  // é is not ASCII lower case
              (Sentences{U"Costs 5 vs.", U"\u00E9t\u00E9.", U"\u00C9t\u00E9 ends."}));
    EXPECT_EQ(split_sentences(U"See p. 4 now."), (Sentences{U"See p.", U"4 now."}));
}

// Guards "followed directly by a non-W character is not a boundary".
TEST(CitationSentences, TerminatorInsideATokenDoesNotSplit) {
    EXPECT_EQ(split_sentences(U"It costs 2.75 dollars in the U.K. today."),
              Sentences{U"It costs 2.75 dollars in the U.K. today."});
    EXPECT_EQ(split_sentences(U"U.K. Then more."), (Sentences{U"U.K.", U"Then more."}));
    EXPECT_EQ(split_sentences(U"Paris.Next"), Sentences{U"Paris.Next"});
    EXPECT_EQ(split_sentences(U"Visit x.y now."), Sentences{U"Visit x.y now."});
}

// Guards the list-numbering exception.
TEST(CitationSentences, ListNumbersDoNotEndASentence) {
    EXPECT_EQ(split_sentences(U"1. First item\n2. Second item"), (Sentences{U"1. First item", U"2. Second item"}));
    EXPECT_EQ(split_sentences(U"  10. Tenth"), Sentences{U"10. Tenth"});
    EXPECT_EQ(split_sentences(U"Item 3. Next"), (Sentences{U"Item 3.", U"Next"}));  // not only digits
    EXPECT_EQ(split_sentences(U"3! Next"), (Sentences{U"3!", U"Next"}));  // the run is not only "."
    EXPECT_EQ(split_sentences(U"1. Done. Next."), (Sentences{U"1. Done.", U"Next."}));
}

// Guards the CJK terminators: they end a sentence even with no white space after them.
TEST(CitationSentences, CjkTerminatorsAlwaysSplit) {
    EXPECT_EQ(split_sentences(U"\u5DF4\u9ECE\u662F\u9996\u90FD\u3002"
                              U"\u57C3\u83F2\u5C14\u94C1\u5854\uFF01\u771F\u7684\uFF1F"),
              (Sentences{U"\u5DF4\u9ECE\u662F\u9996\u90FD\u3002", U"\u57C3\u83F2\u5C14\u94C1\u5854\uFF01",
                         U"\u771F\u7684\uFF1F"}));
    EXPECT_EQ(split_sentences(U"\u5DF4\u9ECE[1]\u3002[2]\u57C3\u83F2\u5C14"),
              (Sentences{U"\u5DF4\u9ECE[1]\u3002[2]", U"\u57C3\u83F2\u5C14"}));
    EXPECT_EQ(split_sentences(U"Paris.\u3002next"), (Sentences{U"Paris.\u3002", U"next"}));  // one mixed run
}

// Guards step 2: closing quotes/brackets and markers after the terminator stay with the sentence.
TEST(CitationSentences, AbsorbsClosersAndMarkers) {
    EXPECT_EQ(split_sentences(U"He said \"Stop.\" Then left."), (Sentences{U"He said \"Stop.\"", U"Then left."}));
    EXPECT_EQ(split_sentences(U"(As seen.) Next \u00AByes.\u00BB \u201Cno.\u201D\u2019 Ok"),
              (Sentences{U"(As seen.)", U"Next \u00AByes.\u00BB", U"\u201Cno.\u201D\u2019", U"Ok"}));
    EXPECT_EQ(split_sentences(U"Paris is big. [1] Next one."), (Sentences{U"Paris is big. [1]", U"Next one."}));
    EXPECT_EQ(split_sentences(U"Paris is big.[1][2]\t[3] Next."),
              (Sentences{U"Paris is big.[1][2]\t[3]", U"Next."}));
    EXPECT_EQ(split_sentences(U"Claim.[7\u2020L1-L4] Next."), (Sentences{U"Claim.[7\u2020L1-L4]", U"Next."}));
    EXPECT_EQ(split_sentences(U"Claim.\"[1]) Next."), (Sentences{U"Claim.\"[1])", U"Next."}));
    // Not a marker: "[x]" is not absorbed, and then a non-W character follows the run.
    EXPECT_EQ(split_sentences(U"Claim. [x] Next."), (Sentences{U"Claim.", U"[x] Next."}));
    EXPECT_EQ(split_sentences(U"Claim.[x] Next."), Sentences{U"Claim.[x] Next."});
    // A marker then a lower-case word: no boundary, the sentence goes on.
    EXPECT_EQ(split_sentences(U"Claim. [1] and more."), Sentences{U"Claim. [1] and more."});
}

// Guards step 1: lines are separate, \r\n and \r end lines, headings and blank lines are skipped.
TEST(CitationSentences, LinesHeadingsAndLineEnds) {
    EXPECT_EQ(split_sentences(U"# Title\n   ## Sub\nBody text."), Sentences{U"Body text."});
    EXPECT_EQ(split_sentences(U"One.\r\nTwo\rThree.\n\nFour"), (Sentences{U"One.", U"Two", U"Three.", U"Four"}));
    EXPECT_EQ(split_sentences(U"First line\nsecond line"), (Sentences{U"First line", U"second line"}));
    EXPECT_EQ(split_sentences(U"A #hashtag here."), Sentences{U"A #hashtag here."});
    EXPECT_EQ(split_sentences(U"## Heading only\n[1]"), Sentences{});
}

// Guards step 4: a piece with nothing but markers and punctuation is not a sentence.
TEST(CitationSentences, DropsPiecesWithoutWords) {
    EXPECT_EQ(split_sentences(U"Claim one.\n[3][4]"), Sentences{U"Claim one."});
    EXPECT_EQ(split_sentences(U"--- \u2014 ..."), Sentences{});
    EXPECT_EQ(split_sentences(U"Ok. \U0001F600!"), Sentences{U"Ok."});
    EXPECT_EQ(split_sentences(U"[1]"), Sentences{});
    EXPECT_EQ(split_sentences(U"\u5DF4"), Sentences{U"\u5DF4"});
    EXPECT_EQ(split_sentences(U"[x]"), Sentences{U"[x]"});  // x is a word character outside any marker
}

}  // namespace
}  // namespace evalpanel::metrics
