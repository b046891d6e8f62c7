#include "metrics/edit_distance.hpp"

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "metrics/edit_distance_bitparallel.hpp"

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

// The textbook full-matrix programme, with no trimming and no row swapping: the reference every fast
// path is checked against.
template <typename Sequence>
std::size_t full_matrix_distance(const Sequence& a, const Sequence& b) {
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

// The same recurrence keeping two rows, for lengths whose full matrix would not fit in memory.
std::size_t two_row_reference(const std::u32string& a, const std::u32string& b) {
    std::vector<std::size_t> previous(b.size() + 1);
    std::vector<std::size_t> current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
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

// Seeded generators of test inputs: a random string over an alphabet, and a copy of it with random edits.
class RandomText {
public:
    explicit RandomText(std::uint32_t seed) : rng_(seed) {}

    std::size_t below(std::size_t bound) { return std::uniform_int_distribution<std::size_t>(0, bound - 1)(rng_); }

    std::u32string text(std::size_t length, const std::u32string& alphabet) {
        std::u32string result(length, U'\0');
        for (char32_t& c : result) c = alphabet[below(alphabet.size())];
        return result;
    }

    // Any code point 0..0x10FFFF (surrogates too: the engine must not care what a symbol means).
    std::u32string any_code_points(std::size_t length) {
        std::u32string result(length, U'\0');
        for (char32_t& c : result) c = static_cast<char32_t>(below(0x110000));
        return result;
    }

    // `edits` substitutions, insertions and deletions at random places, with symbols from `alphabet`.
    std::u32string edited(std::u32string text, std::size_t edits, const std::u32string& alphabet) {
        for (std::size_t k = 0; k < edits; ++k) {
            const char32_t symbol = alphabet[below(alphabet.size())];
            const std::size_t kind = text.empty() ? 1 : below(3);
            if (kind == 0) text[below(text.size())] = symbol;
            if (kind == 1) text.insert(text.begin() + static_cast<std::ptrdiff_t>(below(text.size() + 1)), symbol);
            if (kind == 2) text.erase(text.begin() + static_cast<std::ptrdiff_t>(below(text.size())));
        }
        return text;
    }

private:
    std::mt19937 rng_;
};

const std::u32string kBinary = U"ab";
const std::u32string kLatin = U"etaoinshrdlucmfwypvbgkjqxz ETAOIN.,'\u00E9\u00FC";
const std::u32string kAstral = U"\U0001F600\U0001F601\U0001F602\U00010348\U0010FFFF\U00020000a";

// Every length 0..300 against 0..300 would be 90,000 matrices; instead each length of one side meets
// random lengths of the other, related (edited copies) and unrelated, over small and large alphabets.
TEST(EditDistanceCodePoints, AgreesWithTheFullMatrixAtEveryLengthUpTo300) {
    RandomText random(7);
    for (std::size_t length = 0; length <= 300; ++length) {
        for (const std::u32string* alphabet : {&kBinary, &kLatin, &kAstral}) {
            const std::u32string a = random.text(length, *alphabet);
            const std::u32string related = random.edited(a, random.below(length / 4 + 2), *alphabet);
            const std::u32string unrelated = random.text(random.below(301), *alphabet);
            ASSERT_EQ(edit_distance(a, related), full_matrix_distance(a, related)) << "length " << length;
            ASSERT_EQ(edit_distance(related, a), full_matrix_distance(a, related)) << "length " << length;
            ASSERT_EQ(edit_distance(a, unrelated), full_matrix_distance(a, unrelated)) << "length " << length;
        }
        const std::u32string wide = random.any_code_points(length);
        const std::u32string wide_edited = random.edited(wide, random.below(length / 4 + 2), kAstral);
        ASSERT_EQ(edit_distance(wide, wide_edited), full_matrix_distance(wide, wide_edited)) << "length " << length;
    }
}

// The engine itself, bypassing the prefix/suffix trimming that would otherwise shrink the inputs: both
// Peq layouts, with and without the band, at and around every 64-bit word boundary of the pattern, with
// a text of the same length (one block per column each side) or longer or shorter by up to a block.
TEST(EditDistanceBitParallel, AgreesWithTheFullMatrixAcrossWordBoundaries) {
    RandomText random(64);
    for (const std::size_t m : {1, 2, 63, 64, 65, 127, 128, 129, 191, 192, 193, 255, 256, 257}) {
        for (const std::size_t n : {m, m + 1, m + 63, m + 64, m + 65, m > 64 ? m - 64 : 0, m > 1 ? m - 1 : 0}) {
            for (const std::u32string* alphabet : {&kBinary, &kLatin, &kAstral}) {
                for (int trial = 0; trial < 3; ++trial) {
                    const std::u32string a = random.text(m, *alphabet);
                    const std::u32string b = trial == 0 ? random.text(n, *alphabet)
                                                        : random.edited(a, random.below(m / 3 + 2), *alphabet);
                    const std::size_t expected = full_matrix_distance(a, b);
                    const std::span<const char32_t> sa(a);
                    const std::span<const char32_t> sb(b);
                    ASSERT_EQ(bit_parallel_edit_distance(sa, sb, PeqLayout::dense), expected) << m << "x" << b.size();
                    ASSERT_EQ(bit_parallel_edit_distance(sb, sa, PeqLayout::dense), expected) << m << "x" << b.size();
                    ASSERT_EQ(bit_parallel_edit_distance(sa, sb, PeqLayout::sparse), expected) << m << "x" << b.size();
                    ASSERT_EQ(bit_parallel_edit_distance_unbanded(sa, sb), expected) << m << "x" << b.size();
                }
            }
        }
    }
}

// Guards the horizontal delta handed from one 64-row block to the next. Here the strings differ only at
// the very start and every later row must learn of it through the blocks above: "ab" * 96 against
// "b" + "ab" * 96 is one insertion, but a block that ignored the -1/+1 coming in from above would see
// its own rows as a fresh start and count them again.
TEST(EditDistanceBitParallel, CarriesTheHorizontalDeltaBetweenBlocks) {
    std::u32string ab;
    for (int k = 0; k < 96; ++k) ab += U"ab";
    const std::u32string shifted = U"b" + ab;
    EXPECT_EQ(bit_parallel_edit_distance(std::span<const char32_t>(ab), std::span<const char32_t>(shifted)), 1U);
    EXPECT_EQ(bit_parallel_edit_distance_unbanded(std::span<const char32_t>(ab), std::span<const char32_t>(shifted)), 1U);
    std::u32string rotated = ab.substr(1) + U"a";  // "ba" * 96: a deletion at the front, an insertion at the end
    EXPECT_EQ(bit_parallel_edit_distance(std::span<const char32_t>(ab), std::span<const char32_t>(rotated)), 2U);
    EXPECT_EQ(edit_distance(ab, rotated), 2U);
}

TEST(EditDistanceCodePoints, IdenticalAndDisjointStrings) {
    RandomText random(11);
    for (const std::size_t length : {1, 63, 64, 65, 127, 128, 129, 1000, 4096}) {
        const std::u32string text = random.text(length, kLatin);
        EXPECT_EQ(edit_distance(text, text), 0U);
        EXPECT_EQ(bit_parallel_edit_distance(std::span<const char32_t>(text), std::span<const char32_t>(text)), 0U);
        // No symbol in common: every position is a substitution, plus the difference in length.
        const std::u32string other = random.text(length + length / 3, kAstral.substr(0, 3));
        EXPECT_EQ(edit_distance(text, other), other.size());
        EXPECT_EQ(bit_parallel_edit_distance(std::span<const char32_t>(text), std::span<const char32_t>(other)),
                  other.size());
    }
}

// Long inputs go through the band, which must widen until the distance fits: few edits (the first band
// holds), many (it is widened more than once), very different lengths (the band is wide from the start),
// and unrelated texts (the band ends up covering everything).
TEST(EditDistanceCodePoints, AgreesWithTheTextbookDpOnLongStrings) {
    RandomText random(1999);
    struct Case {
        std::size_t length;
        double edit_share;
        const std::u32string* alphabet;
    };
    for (const Case& c : {Case{1000, 0.01, &kLatin}, Case{1000, 0.6, &kBinary}, Case{2000, 0.05, &kAstral},
                          Case{3000, 0.05, &kLatin}, Case{3000, 0.3, &kLatin}, Case{5000, 0.05, &kLatin},
                          Case{5000, 0.002, &kBinary}}) {
        const std::u32string a = random.text(c.length, *c.alphabet);
        const std::u32string b = random.edited(a, static_cast<std::size_t>(c.edit_share * c.length), *c.alphabet);
        const std::size_t expected = two_row_reference(a, b);
        EXPECT_EQ(edit_distance(a, b), expected) << c.length << " " << c.edit_share;
        EXPECT_EQ(bit_parallel_edit_distance(std::span<const char32_t>(a), std::span<const char32_t>(b),
                                             PeqLayout::sparse),
                  expected)
            << c.length << " " << c.edit_share;
    }
    const std::u32string a = random.text(4000, kLatin);
    const std::u32string shorter = random.edited(a.substr(500, 1200), 40, kLatin);
    EXPECT_EQ(edit_distance(a, shorter), two_row_reference(a, shorter));
    const std::u32string unrelated = random.text(3500, kLatin);
    EXPECT_EQ(edit_distance(a, unrelated), two_row_reference(a, unrelated));
}

// Guards the band's edges and its widening: when one text is the other shifted by `shift` symbols, the
// best alignment runs `shift` diagonals off the main one, above it or below it, far outside the first
// band tried. A band that stopped widening too early, or left out rows at either edge, finds a dearer path.
TEST(EditDistanceCodePoints, FindsAlignmentsFarFromTheDiagonal) {
    RandomText random(300);
    for (const std::size_t length : {1000, 3000}) {
        for (const std::size_t shift : {100, 200, 300, 700}) {
            const std::u32string a = random.text(length, kLatin);
            const std::u32string left = a.substr(shift) + random.text(shift, kLatin);  // same length
            const std::u32string right = random.text(shift, kLatin) + a.substr(0, length - shift);
            const std::u32string longer = random.text(shift / 2, kLatin) + a + random.text(shift, kLatin);
            for (const std::u32string* b : {&left, &right, &longer}) {
                const std::size_t expected = two_row_reference(a, *b);
                const std::span<const char32_t> sa(a);
                const std::span<const char32_t> sb(*b);
                ASSERT_EQ(bit_parallel_edit_distance(sa, sb, PeqLayout::dense), expected) << length << " " << shift;
                ASSERT_EQ(bit_parallel_edit_distance(sb, sa, PeqLayout::sparse), expected) << length << " " << shift;
            }
        }
    }
}

// Words mode: each distinct word becomes one symbol, so words sharing letters must still differ wholly.
TEST(EditDistanceWords, AgreesWithTheFullMatrixOnRandomWordSequences) {
    RandomText random(5);
    const std::vector<std::u32string> vocabulary = {U"the", U"cat",  U"sat", U"on",  U"mat", U"Mat",
                                                    U"a",   U"\U0001F600", U"",  U"the ", U"ca", U"t"};
    for (std::size_t length = 0; length <= 300; length += 3) {
        std::vector<std::u32string> a(length);
        for (std::u32string& word : a) word = vocabulary[random.below(vocabulary.size())];
        std::vector<std::u32string> b = a;
        for (std::size_t k = random.below(length / 4 + 2); k > 0; --k) {
            const std::u32string& word = vocabulary[random.below(vocabulary.size())];
            if (!b.empty() && random.below(2) == 0) {
                b[random.below(b.size())] = word;
            } else {
                b.insert(b.begin() + static_cast<std::ptrdiff_t>(random.below(b.size() + 1)), word);
            }
        }
        ASSERT_EQ(edit_distance(a, b), full_matrix_distance(a, b)) << "length " << length;
        ASSERT_EQ(edit_distance(b, a), full_matrix_distance(a, b)) << "length " << length;
    }
}

// A long word sequence where almost every word is distinct: the sparse Peq layout's territory.
TEST(EditDistanceWords, AgreesWithTheTextbookDpOnLongSequencesOfManyDistinctWords) {
    RandomText random(3);
    std::vector<std::uint32_t> a(3000);
    for (std::uint32_t& id : a) id = static_cast<std::uint32_t>(random.below(2500));
    std::vector<std::uint32_t> b = a;
    for (int k = 0; k < 150; ++k) b[random.below(b.size())] = static_cast<std::uint32_t>(random.below(2500));
    b.erase(b.begin() + 100, b.begin() + 160);
    std::u32string a_text(a.begin(), a.end());
    std::u32string b_text(b.begin(), b.end());
    const std::size_t expected = two_row_reference(a_text, b_text);
    const std::span<const std::uint32_t> sa(a);
    const std::span<const std::uint32_t> sb(b);
    EXPECT_EQ(bit_parallel_edit_distance(sa, sb, PeqLayout::sparse), expected);
    EXPECT_EQ(bit_parallel_edit_distance(sa, sb, PeqLayout::dense), expected);

    std::vector<std::u32string> a_words;
    std::vector<std::u32string> b_words;
    for (const std::uint32_t id : a) a_words.push_back(U"w" + std::u32string(1, static_cast<char32_t>(U'0' + id)));
    for (const std::uint32_t id : b) b_words.push_back(U"w" + std::u32string(1, static_cast<char32_t>(U'0' + id)));
    EXPECT_EQ(edit_distance(a_words, b_words), expected);
}

}  // namespace
}  // namespace evalpanel::metrics
