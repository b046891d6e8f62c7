#include "metrics/unicode.hpp"

#include <gtest/gtest.h>

namespace evalpanel::metrics {
namespace {

TEST(DecodeUtf8, CountsCodePointsNotBytes) {
    EXPECT_EQ(decode_utf8("abc"), U"abc");
    EXPECT_EQ(decode_utf8("\xC3\xA9"), U"\u00E9");            // é: 2 bytes, 1 code point
    EXPECT_EQ(decode_utf8("\xE2\x82\xAC"), U"\u20AC");        // €: 3 bytes
    EXPECT_EQ(decode_utf8("\xF0\x9F\x98\x80"), U"\U0001F600");  // 😀: 4 bytes
    EXPECT_EQ(decode_utf8(""), U"");
}

TEST(DecodeUtf8, WomanTechnologistIsThreeCodePoints) {
    const std::u32string decoded = decode_utf8("👩‍💻");
    EXPECT_EQ(decoded, U"\U0001F469\u200D\U0001F4BB");
    EXPECT_EQ(decoded.size(), 3U);
}

TEST(DecodeUtf8, CjkIsOneCodePointPerCharacter) { EXPECT_EQ(decode_utf8("漢字テスト").size(), 5U); }

TEST(DecodeUtf8, PrecomposedAndCombiningAccentsStayDifferent) {
    const std::u32string precomposed = decode_utf8("\u00F1");  // ñ
    const std::u32string combining = decode_utf8("n\u0303");   // n + combining tilde
    EXPECT_EQ(precomposed.size(), 1U);
    EXPECT_EQ(combining.size(), 2U);
    EXPECT_NE(precomposed, combining);  // no normalisation anywhere
}

struct InvalidUtf8Case {
    const char* bytes;
    std::u32string expected;
};

class DecodeInvalidUtf8 : public ::testing::TestWithParam<InvalidUtf8Case> {};

// Expected values are Python's bytes.decode("utf-8", errors="replace"): one U+FFFD per maximal subpart.
TEST_P(DecodeInvalidUtf8, ReplacesEachMaximalSubpart) {
    EXPECT_EQ(decode_utf8(GetParam().bytes), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DecodeInvalidUtf8,
    ::testing::Values(InvalidUtf8Case{"\xC3", U"\uFFFD"},                       // truncated at the end
                      InvalidUtf8Case{"\xE2\x82" "A", U"\uFFFDA"},                // truncated 3-byte: one subpart
                      InvalidUtf8Case{"\xF0\x9F\x98", U"\uFFFD"},                 // truncated 4-byte
                      InvalidUtf8Case{"\xC0\xAF", U"\uFFFD\uFFFD"},               // overlong: C0 starts nothing
                      InvalidUtf8Case{"\xE0\x80\x80", U"\uFFFD\uFFFD\uFFFD"},     // overlong 3-byte
                      InvalidUtf8Case{"\xED\xA0\x80", U"\uFFFD\uFFFD\uFFFD"},     // encoded surrogate
                      InvalidUtf8Case{"\xF4\x90\x80\x80", U"\uFFFD\uFFFD\uFFFD\uFFFD"},  // above U+10FFFF
                      InvalidUtf8Case{"\x80" "a", U"\uFFFDa"},                    // stray continuation
                      InvalidUtf8Case{"a\xFF" "b", U"a\uFFFDb"},                  // never valid in UTF-8
                      InvalidUtf8Case{"\xC3" "\xC3\xA9", U"\uFFFD\u00E9"}),      // restarts at the bad byte
    // Named by position: the default name prints the struct's bytes, a pointer that changes from run to
    // run, and ctest would then filter for a test that no longer exists.
    [](const ::testing::TestParamInfo<InvalidUtf8Case>& param_info) { return "case" + std::to_string(param_info.index); });

TEST(EncodeUtf8, RoundTripsEveryLength) {
    const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80 👩‍💻 漢字";
    EXPECT_EQ(encode_utf8(decode_utf8(text)), text);
}

TEST(EncodeUtf8, WritesUnencodableValuesAsReplacementChar) {
    const std::u32string bad = {U'a', static_cast<char32_t>(0xD800), static_cast<char32_t>(0x110000)};
    EXPECT_EQ(encode_utf8(bad), "a\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(IsSpace, AcceptsExactlyPythonIsspaceSet) {
    const std::u32string python_isspace =
        U"\t\n\v\f\r\u001C\u001D\u001E\u001F \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
        U"\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";
    for (char32_t c : python_isspace) EXPECT_TRUE(is_space(c)) << std::hex << static_cast<unsigned>(c);

    std::size_t accepted = 0;
    for (char32_t c = 0; c <= 0x10FFFF; ++c) accepted += is_space(c) ? 1 : 0;
    EXPECT_EQ(accepted, python_isspace.size());  // and nothing else
}

TEST(IsSpace, RejectsZeroWidthSpaceAndByteOrderMark) {
    EXPECT_FALSE(is_space(U'\u200B'));
    EXPECT_FALSE(is_space(U'\uFEFF'));
    EXPECT_FALSE(is_space(U'\u180E'));  // Mongolian vowel separator: space before Unicode 6.3, not now
    EXPECT_FALSE(is_space(U'a'));
}

TEST(Strip, RemovesOnlyWhiteSpaceAtTheEnds) {
    EXPECT_EQ(strip(U"  hello world\n"), U"hello world");
    EXPECT_EQ(strip(U"\u0085\u3000x y\u001C"), U"x y");
    EXPECT_EQ(strip(U"\u200Bx\uFEFF"), U"\u200Bx\uFEFF");
    EXPECT_EQ(strip(U" \t\n"), U"");
    EXPECT_EQ(strip(U""), U"");
}

TEST(SplitWs, SplitsOnRunsOfWhiteSpaceLikePythonSplit) {
    EXPECT_EQ(split_ws(U"  a \t\n b\u0085c\u001Cd  "), (std::vector<std::u32string>{U"a", U"b", U"c", U"d"}));
    EXPECT_EQ(split_ws(U"a\u200Bb c\uFEFFd"), (std::vector<std::u32string>{U"a\u200Bb", U"c\uFEFFd"}));
    EXPECT_TRUE(split_ws(U"").empty());
    EXPECT_TRUE(split_ws(U" \u00A0 ").empty());
}

TEST(JoinWithSingleSpaces, PutsOneSpaceBetweenWords) {
    EXPECT_EQ(join_with_single_spaces({U"a", U"b", U"c"}), U"a b c");
    EXPECT_EQ(join_with_single_spaces({}), U"");
}

TEST(CollapseWhitespace, TurnsEveryRunIntoOneSpace) {
    EXPECT_EQ(collapse_whitespace(U"a\tb\n\nc \u3000 d"), U"a b c d");
    EXPECT_EQ(collapse_whitespace(U"\n x \n"), U" x ");
    EXPECT_EQ(collapse_whitespace(U"a\u200Bb"), U"a\u200Bb");
}

TEST(CaseMapping, UsesFullMappingsThatChangeLength) {
    EXPECT_EQ(to_upper(U"ß"), U"SS");
    EXPECT_EQ(to_upper(U"\uFB01"), U"FI");  // ﬁ ligature
    EXPECT_EQ(to_lower(U"\u0130"), U"i\u0307");  // İ: root locale, not Turkish
    EXPECT_EQ(to_lower(U"HELLO Wörld"), U"hello wörld");
    EXPECT_EQ(to_upper(U"straße 👩‍💻"), U"STRASSE 👩‍💻");
}

TEST(CaseMapping, LowersFinalSigmaLikePython) {
    // Python: "ΟΔΟΣ ΟΔΟΣ".lower() == "οδος οδος", each word ending in final sigma U+03C2.
    EXPECT_EQ(to_lower(U"\u039F\u0394\u039F\u03A3 \u039F\u0394\u039F\u03A3"),
              U"\u03BF\u03B4\u03BF\u03C2 \u03BF\u03B4\u03BF\u03C2");
}

TEST(CaseMapping, HandlesSupplementaryPlaneLetters) {
    EXPECT_EQ(to_lower(U"\U00010400"), U"\U00010428");  // Deseret capital long I
    EXPECT_EQ(to_lower(U""), U"");
}

TEST(IsAlnum, MatchesPythonIsalnum) {
    for (char32_t c : std::u32string(U"aZ5\u00F1\u4E00\u00B2\u00BD\u216B\u0661\u3007")) {
        EXPECT_TRUE(is_alnum(c)) << std::hex << static_cast<unsigned>(c);  // incl. ², ½, Ⅻ (ICU u_isalnum: no)
    }
    for (char32_t c : std::u32string(U"_ -\u0301\u20AC\U0001F600\u200B")) {
        EXPECT_FALSE(is_alnum(c)) << std::hex << static_cast<unsigned>(c);
    }
    EXPECT_FALSE(is_alnum(static_cast<char32_t>(0xD800)));
}

}  // namespace
}  // namespace evalpanel::metrics
