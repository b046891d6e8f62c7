#include "metrics/citation_structure.hpp"

#include <algorithm>

#include "metrics/citation_markers.hpp"
#include "metrics/content_words.hpp"
#include "metrics/sentences.hpp"
#include "metrics/unicode.hpp"

namespace evalpanel::metrics {

std::size_t citation_out_of_range(std::string_view text, std::size_t source_count) {
    const auto numbers = citation_marker_numbers(decode_utf8(text));
    return static_cast<std::size_t>(
        std::ranges::count_if(numbers, [&](std::size_t n) { return n == 0 || n > source_count; }));
}

MetricValue uncited_sentence_ratio(std::string_view text) {
    const auto sentences = split_sentences(decode_utf8(text));
    if (sentences.empty()) return std::nullopt;
    const auto uncited = std::ranges::count_if(
        sentences, [](const std::u32string& sentence) { return citation_marker_numbers(sentence).empty(); });
    return static_cast<double>(uncited) / static_cast<double>(sentences.size());
}

MetricValue citation_density(std::string_view text) {
    const std::u32string decoded = decode_utf8(text);
    const auto words = split_ws(remove_citations(decoded));
    const auto word_count = std::ranges::count_if(words, [](const std::u32string& piece) {
        return std::ranges::any_of(piece, [](char32_t c) { return is_cjk(c) || is_token_char(c); });
    });
    if (word_count == 0) return std::nullopt;
    const auto markers = citation_marker_numbers(decoded).size();
    return 100.0 * static_cast<double>(markers) / static_cast<double>(word_count);
}

MetricValue citation_out_of_range_metric(const MetricInput& input) {
    return static_cast<double>(citation_out_of_range(input.prediction, input.sources.size()));
}

MetricValue uncited_sentence_ratio_metric(const MetricInput& input) { return uncited_sentence_ratio(input.prediction); }

MetricValue citation_density_metric(const MetricInput& input) { return citation_density(input.prediction); }

}  // namespace evalpanel::metrics
