// Tokens and content words of METRICS.md §10.1: the deterministic word model behind every lexical
// citation metric (no stemming, no model, no locale).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace evalpanel::metrics {

// §10.1 step 1: only A–Z and the Latin-1 capitals U+00C0–U+00DE (except × U+00D7) are folded, by +0x20.
// Deliberately not full case folding: "Œ", "Ш", "Σ" stay, "ß" is not expanded.
char32_t fold_latin1_case(char32_t c);

// §10.1 step 2: Hiragana, Katakana, CJK Extension A, the Unified block, compatibility ideographs and
// Extensions B–G. Each such code point is a token of its own.
bool is_cjk(char32_t c);

// §10.1 step 3 (for non-CJK code points): ASCII letters and digits, and everything from U+00C0 up except
// the listed symbol/punctuation/emoji blocks. Combining marks (U+0300…) therefore count as word characters.
bool is_token_char(char32_t c);

// §10.1 step 4: folded maximal runs of word characters plus single CJK code points, in text order.
std::vector<std::u32string> lexical_tokens(std::u32string_view text);

// §10.1 step 5: tokens that are not stop words and not a single ASCII letter (duplicates kept, in order).
std::vector<std::u32string> content_words(std::u32string_view text);

}  // namespace evalpanel::metrics
