// The answer normalisation of the official VQAv2 evaluation (METRICS.md §4 steps 1, 3 and 4;
// GT-Vision-Lab/VQA vqaEval.py), quirks included. vqa_accuracy.hpp decides when it applies.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace evalpanel::metrics {

// Step 1: "\n" and "\t" become spaces (other line breaks do not), then strip.
std::u32string vqa_clean(std::u32string_view text);

// Step 3 (processPunctuation). Each of the 21 characters ; / [ ] " { } ( ) = + \ _ - > < @ ` , ? ! is
// deleted when the text has a digit-comma-digit anywhere or that character next to a U+0020 space
// (checked on the text as given), else replaced by a space. Then the first 32 periods not followed by a
// decimal digit are deleted — "7." loses its period (the reference's look-behind never fires) and only
// 32 go (re.UNICODE, 32, was passed as re.sub's count).
std::u32string vqa_process_punctuation(std::u32string_view text);

// Step 4 (processDigitArticle): full lower-casing, split on white space, number words "none"…"ten" to
// digits, drop "a", "an", "the", expand contractions, join with single spaces.
std::u32string vqa_process_digit_article(std::u32string_view text);

// The contraction table of step 4: the 114 entries that can fire on lower-cased words, sorted by key.
using VqaContraction = std::pair<std::u32string_view, std::u32string_view>;
std::span<const VqaContraction> vqa_contractions();

}  // namespace evalpanel::metrics
