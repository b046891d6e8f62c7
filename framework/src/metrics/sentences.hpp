// evalpanel's deterministic sentence splitter (METRICS.md §10.3), which replaces ALCE's NLTK Punkt.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace evalpanel::metrics {

// The sentences of a response, each stripped, in order. Lines ("\r\n", "\r" and "\n" all end one) are
// split separately; blank lines and Markdown headings ("#" first) are skipped. A sentence ends after a run
// of ". ! ? 。 ！ ？" plus any closing quotes/brackets and citation markers that follow it, when the run has
// a CJK terminator, or the line ends there, or white space follows and the next character is not an ASCII
// lower-case letter ("i.e. the" stays one sentence, "Mr. Jones" is two). "2.75", "U.K." and list numbers
// ("1. First") never end one. Sentences with no word character or CJK code point outside citation markers
// are dropped.
std::vector<std::u32string> split_sentences(std::u32string_view text);

}  // namespace evalpanel::metrics
