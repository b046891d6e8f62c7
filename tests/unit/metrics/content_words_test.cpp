#include "metrics/content_words.hpp"

#include <gtest/gtest.h>

namespace evalpanel::metrics {
namespace {

using Tokens = std::vector<std::u32string>;

TEST(CitationTokens, RunsOfWordCharactersFoldedToLowerCase) {
    EXPECT_EQ(lexical_tokens(U"The Eiffel-Tower, 1889!"), (Tokens{U"the", U"eiffel", U"tower", U"1889"}));
    EXPECT_EQ(lexical_tokens(U""), Tokens{});
    EXPECT_EQ(lexical_tokens(U"  ... ,, "), Tokens{});
}

// Guards step 1 (the fold is A–Z and Latin-1 capitals only): a full case fold would lower Œ, Ш, Σ and
// expand ß; no fold at all would keep "ÉCOLE".
TEST(CitationTokens, FoldsOnlyAsciiAndLatin1Capitals) {
    EXPECT_EQ(lexical_tokens(U"\u00C9COLE \u00DEorn"), (Tokens{U"\u00E9cole", U"\u00FEorn"}));
    EXPECT_EQ(lexical_tokens(U"\u0152uvre \u0428\u041A\u041E\u041B\u0410 \u03A3 Stra\u00DFe"),
              (Tokens{U"\u0152uvre", U"\u0428\u041A\u041E\u041B\u0410", U"\u03A3", U"stra\u00DFe"}));
    EXPECT_EQ(fold_latin1_case(U'\u00D7'), U'\u00D7');  // × is in the range but not a letter
    EXPECT_EQ(fold_latin1_case(U'\u00DF'), U'\u00DF');  // ß is past the range
    EXPECT_EQ(fold_latin1_case(U'\u00C0'), U'\u00E0');
    EXPECT_EQ(fold_latin1_case(U'\u00DE'), U'\u00FE');
}

// Guards step 2: each CJK code point is its own token, even inside a run of Latin letters.
TEST(CitationTokens, EachCjkCodePointIsATokenOnItsOwn) {
    EXPECT_EQ(lexical_tokens(U"\u5DF4\u9ECEabc\u7684"), (Tokens{U"\u5DF4", U"\u9ECE", U"abc", U"\u7684"}));
    EXPECT_EQ(lexical_tokens(U"\u3072\u3089\u30AB\u30BF"), (Tokens{U"\u3072", U"\u3089", U"\u30AB", U"\u30BF"}));
    EXPECT_EQ(lexical_tokens(U"x\U00020000y"), (Tokens{U"x", U"\U00020000", U"y"}));  // Extension B
    EXPECT_TRUE(is_cjk(U'\uF900'));
    EXPECT_TRUE(is_cjk(U'\U0003134F'));
    EXPECT_FALSE(is_cjk(U'\u3002'));  // 。 is punctuation
    EXPECT_FALSE(is_cjk(U'\uAC00'));  // Hangul is a word character, not CJK: 한국 is one token
    EXPECT_EQ(lexical_tokens(U"\uD55C\uAD6D"), (Tokens{U"\uD55C\uAD6D"}));
}

// Guards step 3's exclusion list: emoji, ZWJ, variation selectors, general punctuation separate.
TEST(CitationTokens, EmojiAndSymbolsSeparateTokens) {
    EXPECT_EQ(lexical_tokens(U"rock\U0001F600star"), (Tokens{U"rock", U"star"}));
    EXPECT_EQ(lexical_tokens(U"dev\U0001F469\u200D\U0001F4BBops"), (Tokens{U"dev", U"ops"}));
    EXPECT_EQ(lexical_tokens(U"love\u2764\uFE0Fit"), (Tokens{U"love", U"it"}));
    EXPECT_EQ(lexical_tokens(U"a\u2014b\u2019c\u201Cd"), (Tokens{U"a", U"b", U"c", U"d"}));
    EXPECT_EQ(lexical_tokens(U"2\u00D73\u00F74"), (Tokens{U"2", U"3", U"4"}));
    EXPECT_EQ(lexical_tokens(U"ab\u00B2cd\u00BDef\u00A0gh"), (Tokens{U"ab", U"cd", U"ef", U"gh"}));  // U+0080–U+00BF
    EXPECT_EQ(lexical_tokens(U"x\u3001y\uFF0Cz\uFEFFw"), (Tokens{U"x", U"y", U"z", U"w"}));
    EXPECT_EQ(lexical_tokens(U"tag\U000E0041s"), (Tokens{U"tag", U"s"}));
}

TEST(CitationTokens, CombiningMarksAndOtherScriptsAreWordCharacters) {
    EXPECT_EQ(lexical_tokens(U"cafe\u0301s"), (Tokens{U"cafe\u0301s"}));
    EXPECT_EQ(lexical_tokens(U"\uFF21\uFF22\uFF23"), (Tokens{U"\uFF21\uFF22\uFF23"}));  // full-width letters, unfolded
    EXPECT_EQ(lexical_tokens(U"\u0663\u0664"), (Tokens{U"\u0663\u0664"}));
    EXPECT_EQ(lexical_tokens(U"snake_case"), (Tokens{U"snake", U"case"}));  // "_" is ASCII punctuation
}

TEST(CitationContentWords, DropsStopWordsAndSingleAsciiLetters) {
    EXPECT_EQ(content_words(U"The Eiffel Tower is a wrought-iron lattice tower in Paris, France."),
              (Tokens{U"eiffel", U"tower", U"wrought", U"iron", U"lattice", U"tower", U"paris", U"france"}));
    EXPECT_EQ(content_words(U"x y Z 5 \u00E9 \u00C9"), (Tokens{U"5", U"\u00E9", U"\u00E9"}));
    EXPECT_EQ(content_words(U"However neither yours nor theirs, whom?"), Tokens{});
    EXPECT_EQ(content_words(U"ABOUT Above"), Tokens{});  // stop words match after folding
    EXPECT_EQ(content_words(U"It is."), Tokens{});
}

TEST(CitationContentWords, DropsTheCjkStopCharacters) {
    // 巴黎是法国的首都 → 巴 黎 法 国 首 (是, 的 and 都 are stop characters)
    EXPECT_EQ(content_words(U"\u5DF4\u9ECE\u662F\u6CD5\u56FD\u7684\u9996\u90FD"),
              (Tokens{U"\u5DF4", U"\u9ECE", U"\u6CD5", U"\u56FD", U"\u9996"}));
    EXPECT_EQ(content_words(U"\u7684\u4E86\u662F\u5728\u548C\u4E0E\u53CA\u6216\u4E5F\u90FD\u4E4B\u5176\u8FD9\u90A3"
                            U"\u4E3A\u4E8E\u4EE5"),
              Tokens{});
}

}  // namespace
}  // namespace evalpanel::metrics
