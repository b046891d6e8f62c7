// Seeded, deterministic test material for the edit distance benchmark: pairs of texts where the second is
// the first with a share of random edits, as an OCR or ASR output is its reference with errors.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace evalpanel::bench {

struct TextPair {
    std::u32string reference;
    std::u32string hypothesis;
};

// `count` pairs; each reference is about `length` code points (±10%) drawn with the frequencies of English
// prose (letters, capitals, spaces, digits, punctuation) plus some accented Latin, Greek, CJK and emoji;
// each hypothesis has an edit (substitution, insertion or deletion, equally likely) at each position
// with probability `edit_rate`. The same seed gives the same pairs.
std::vector<TextPair> make_pairs(std::size_t count, std::size_t length, double edit_rate, std::uint64_t seed);

}  // namespace evalpanel::bench
