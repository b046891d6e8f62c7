#include "metrics/edit_distance.hpp"

#include <algorithm>
#include <random>
#include <vector>

#include <gtest/gtest.h>

namespace evalpanel::metrics {
namespace {

TEST(EditDistanceCodePoints, ClassicExamples) {
    EXPECT_EQ(edit_distance(U"kitten", U"sitting"), 3U);
    EXPECT_EQ(edit_distance(U"flaw", U"lawn"), 2U);
    EXPECT_EQ(edit_distance(U"abc", U"abc"), 0U);
}

TEST(EditDistanceCodePoints, EmptySides) {
    EXPECT_EQ(edit_distance(U"", U""), 0U);
    EXPECT_EQ(edit_distance(U"", U"abc"), 3U);
    EXPECT_EQ(edit_distance(U"abcd", U""), 4U);
}

TEST(EditDistanceCodePoints, HasNoTransposition) { EXPECT_EQ(edit_distance(U"xy", U"yx"), 2U); }

TEST(EditDistanceCodePoints, IsSymmetric) {
    EXPECT_EQ(edit_distance(U"sunday", U"saturday"), 3U);
    EXPECT_EQ(edit_distance(U"saturday", U"sunday"), 3U);
}

TEST(EditDistanceCodePoints, CommonPrefixAndSuffixDoNotChangeTheResult) {
    EXPECT_EQ(edit_distance(U"prefix-kitten-suffix", U"prefix-sitting-suffix"), 3U);
    EXPECT_EQ(edit_distance(U"aaaa", U"aa"), 2U);      // prefix and suffix overlap in the shorter one
    EXPECT_EQ(edit_distance(U"abcabc", U"abc"), 3U);
    EXPECT_EQ(edit_distance(U"abXba", U"abba"), 1U);
}

TEST(EditDistanceCodePoints, CountsSupplementaryCodePointsAsOne) {
    EXPECT_EQ(edit_distance(U"\U0001F469\u200D\U0001F4BB", U""), 3U);  // 👩‍💻
    EXPECT_EQ(edit_distance(U"a\U0001F600b", U"a\U0001F601b"), 1U);
}

TEST(EditDistanceWords, ComparesWholeWords) {
    const std::vector<std::u32string> hypothesis = {U"the", U"cat", U"sat", U"on", U"mat"};
    const std::vector<std::u32string> reference = {U"the", U"cat", U"sat", U"on", U"the", U"mat"};
    EXPECT_EQ(edit_distance(hypothesis, reference), 1U);
    EXPECT_EQ(edit_distance(reference, hypothesis), 1U);
    const std::vector<std::u32string> one_letter_off = {U"the", U"kat", U"sat", U"on", U"the", U"mat"};
    EXPECT_EQ(edit_distance(one_letter_off, reference), 1U);  // a wrong letter costs one word
    EXPECT_EQ(edit_distance(std::vector<std::u32string>{}, reference), 6U);
}

// The textbook full-matrix programme, with no trimming and no row swapping.
std::size_t full_matrix_distance(const std::u32string& a, const std::u32string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        }
    }
    return d[a.size()][b.size()];
}

// Small alphabets make shared prefixes, suffixes and overlaps common, which is where trimming could go wrong.
TEST(EditDistanceCodePoints, AgreesWithTheFullMatrixOnRandomStrings) {
    std::mt19937 rng(20240611);
    const std::u32string alphabet = U"ab\u00E9\U0001F600";
    auto random_text = [&] {
        std::u32string text(rng() % 12, U'a');
        for (char32_t& c : text) c = alphabet[rng() % alphabet.size()];
        return text;
    };
    for (int trial = 0; trial < 2000; ++trial) {
        const std::u32string a = random_text();
        const std::u32string b = random_text();
        ASSERT_EQ(edit_distance(a, b), full_matrix_distance(a, b)) << "trial " << trial;
    }
}

}  // namespace
}  // namespace evalpanel::metrics
