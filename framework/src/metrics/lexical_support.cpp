#include "metrics/lexical_support.hpp"

#include <algorithm>

#include "metrics/content_words.hpp"
#include "metrics/unicode.hpp"

namespace evalpanel::metrics {

ContentWordSet content_word_set(std::u32string_view text) {
    std::vector<std::u32string> words = content_words(text);
    return {std::make_move_iterator(words.begin()), std::make_move_iterator(words.end())};
}

double lexical_support(const ContentWordSet& claim_words, const ContentWordSet& passage_words) {
    if (claim_words.empty()) return 0.0;
    const auto shared = std::ranges::count_if(
        claim_words, [&](const std::u32string& word) { return passage_words.contains(word); });
    return static_cast<double>(shared) / static_cast<double>(claim_words.size());
}

double lexical_support(std::u32string_view claim, std::u32string_view passage) {
    return lexical_support(content_word_set(claim), content_word_set(passage));
}

bool lexically_supported(std::u32string_view claim, std::u32string_view passage, double threshold) {
    return lexical_support(claim, passage) >= threshold;
}

MetricValue lexical_support_metric(const MetricInput& input) {
    if (input.references.empty()) return std::nullopt;
    return lexical_support(decode_utf8(input.prediction), decode_utf8(input.references.front()));
}

}  // namespace evalpanel::metrics
