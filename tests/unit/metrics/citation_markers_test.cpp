#include "metrics/citation_markers.hpp"

#include <limits>

#include <gtest/gtest.h>

namespace evalpanel::metrics {
namespace {

using Numbers = std::vector<std::size_t>;

// METRICS.md §10.3's marker examples.
TEST(CitationMarkers, EveryBracketFollowedByAsciiDigits) {
    EXPECT_EQ(citation_marker_numbers(U"Text [7\u2020L1-L4]."), Numbers{7});
    EXPECT_EQ(citation_marker_numbers(U"Text [3, 4]."), Numbers{3});
    EXPECT_EQ(citation_marker_numbers(U"Text [3][4]."), (Numbers{3, 4}));
    EXPECT_EQ(citation_marker_numbers(U"Text [0]."), Numbers{0});
    EXPECT_EQ(citation_marker_numbers(U"[12]a[01][ 5][x3]["), (Numbers{12, 1}));
    EXPECT_EQ(citation_marker_numbers(U"No markers (1) {2}"), Numbers{});
}

// Markers are ASCII digits only (unlike remove_citations' \d).
TEST(CitationMarkers, UnicodeDigitsAreNotMarkers) {
    EXPECT_EQ(citation_marker_numbers(U"[\u0661\u0662] [\uFF11]"), Numbers{});
}

TEST(CitationMarkers, HugeNumbersSaturate) {
    EXPECT_EQ(citation_marker_numbers(U"[99999999999999999999999999]"),
              Numbers{std::numeric_limits<std::size_t>::max()});
}

TEST(CitationMarkers, BracketedMarkerNeedsDigitsAndAClosingBracket) {
    EXPECT_EQ(bracketed_marker_length(U"[7\u2020L1-L4] x", 0), 9u);
    EXPECT_EQ(bracketed_marker_length(U"[3, 4]", 0), 6u);
    EXPECT_EQ(bracketed_marker_length(U"[3", 0), 0u);
    EXPECT_EQ(bracketed_marker_length(U"[3[4]", 0), 0u);   // no "[" inside
    EXPECT_EQ(bracketed_marker_length(U"[3\n]", 0), 0u);   // no newline inside
    EXPECT_EQ(bracketed_marker_length(U"[a1]", 0), 0u);
    EXPECT_EQ(bracketed_marker_length(U"x[1]", 1), 3u);
    EXPECT_EQ(remove_bracketed_markers(U"A[1] b [2, 3][x] [4"), U"A b [x] [4");
}

// ALCE utils.remove_citations, step by step.
TEST(CitationRemoveCitations, FollowsAlceInOrder) {
    EXPECT_EQ(remove_citations(U"The Eiffel Tower is 330 metres tall [1][2]."),
              U"The Eiffel Tower is 330 metres tall.");
    EXPECT_EQ(remove_citations(U"A [7\u2020L1-L4] b"), U"A\u2020L1-L4 b");  // only " [7" and "]" go
    EXPECT_EQ(remove_citations(U"A [3, 4] b"), U"A, 4 b");
    EXPECT_EQ(remove_citations(U"a | b || c"), U"a b| c");  // every " |" (left to right, one pass)
    EXPECT_EQ(remove_citations(U"x] [y] [1"), U"x [y");  // every "]", even unpaired
    EXPECT_EQ(remove_citations(U"  [1] "), U"  ");       // not stripped here
}

// Guards the order " [digits" before "[digits": the other order would leave the space ("tall .").
TEST(CitationRemoveCitations, SpacedMarkerGoesWithItsSpace) {
    EXPECT_EQ(remove_citations(U"tall [1]."), U"tall.");
    EXPECT_EQ(remove_citations(U"tall[1]."), U"tall.");
    EXPECT_EQ(remove_citations(U"tall  [1]."), U"tall .");  // one space only
}

// ALCE's regular expressions use Python's \d, which matches every Unicode decimal digit (Nd).
TEST(CitationRemoveCitations, DigitsArePythonUnicodeDecimals) {
    EXPECT_EQ(remove_citations(U"a [\u0661\u0662] b"), U"a b");        // Arabic-Indic
    EXPECT_EQ(remove_citations(U"a [\uFF13] b"), U"a b");              // full-width 3
    EXPECT_EQ(remove_citations(U"a [\u0967\u096A] b"), U"a b");        // Devanagari
    EXPECT_EQ(remove_citations(U"a [\u00B2] b"), U"a [\u00B2 b");      // ² is not Nd
    EXPECT_EQ(remove_citations(U"a [\u2460] b"), U"a [\u2460 b");      // ① is not Nd
    EXPECT_TRUE(is_python_decimal_digit(U'\U0001D7CE'));               // mathematical bold 0
    EXPECT_FALSE(is_python_decimal_digit(U'\u216B'));                  // Roman numeral (Nl)
}

}  // namespace
}  // namespace evalpanel::metrics
