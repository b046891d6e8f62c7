// Reasoning models put their chain of thought inside the answer as <think>...</think> (API-NOTES A4).
// The answer is what is left; the reasoning is only measured.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace evalpanel::plugins::perplexity {

struct StrippedAnswer {
    std::string answer;          // the text outside every think block, leading white space removed
    std::size_t think_chars = 0; // bytes inside think blocks (tags excluded)
    int think_blocks = 0;
    bool think_unclosed = false; // a block opened and never closed: cut by max_tokens
};

// Removes every <think>...</think>. An unclosed <think> swallows the rest of the text: with a small
// max_tokens the output stops inside the reasoning, and there is no answer after it.
StrippedAnswer strip_think(std::string_view content);

}  // namespace evalpanel::plugins::perplexity
