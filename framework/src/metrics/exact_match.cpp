#include "metrics/exact_match.hpp"

#include <algorithm>
#include <map>

#include "metrics/unicode.hpp"

namespace evalpanel::metrics {
namespace {

// Python's string.punctuation.
bool is_ascii_punctuation(char32_t c) {
    return (c >= U'!' && c <= U'/') || (c >= U':' && c <= U'@') || (c >= U'[' && c <= U'`') ||
           (c >= U'{' && c <= U'~');
}

// Python re's \w on str patterns.
bool is_word_char(char32_t c) { return c == U'_' || is_alnum(c); }

bool is_article(std::u32string_view word) { return word == U"a" || word == U"an" || word == U"the"; }

// re.sub(r"\b(a|an|the)\b", " ", text): only a maximal \w run can sit between two \b, so this replaces
// whole words.
std::u32string replace_articles_with_space(std::u32string_view text) {
    std::u32string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_word_char(text[i])) {
            out.push_back(text[i++]);
            continue;
        }
        std::size_t word_end = i;
        while (word_end < text.size() && is_word_char(text[word_end])) ++word_end;
        const std::u32string_view word = text.substr(i, word_end - i);
        if (is_article(word)) {
            out.push_back(U' ');
        } else {
            out += word;
        }
        i = word_end;
    }
    return out;
}

// evaluate-v2.0.py get_raw_scores: golds that normalise to empty are dropped, none left means [""].
std::vector<std::u32string> normalized_golds(const std::vector<std::string>& golds) {
    std::vector<std::u32string> normalized;
    for (const std::string& gold : golds) {
        std::u32string form = squad_normalize(gold);
        if (!form.empty()) normalized.push_back(std::move(form));
    }
    if (normalized.empty()) normalized.emplace_back();
    return normalized;
}

double f1_of_tokens(const std::vector<std::u32string>& prediction_tokens,
                    const std::vector<std::u32string>& gold_tokens) {
    if (prediction_tokens.empty() || gold_tokens.empty()) {
        return prediction_tokens == gold_tokens ? 1.0 : 0.0;
    }
    std::map<std::u32string, std::size_t> gold_counts;
    for (const auto& token : gold_tokens) ++gold_counts[token];
    std::size_t common = 0;
    for (const auto& token : prediction_tokens) {
        auto it = gold_counts.find(token);
        if (it != gold_counts.end() && it->second > 0) {
            --it->second;
            ++common;
        }
    }
    if (common == 0) return 0.0;
    const double precision = 1.0 * static_cast<double>(common) / static_cast<double>(prediction_tokens.size());
    const double recall = 1.0 * static_cast<double>(common) / static_cast<double>(gold_tokens.size());
    return (2 * precision * recall) / (precision + recall);  // the reference's order of operations
}

}  // namespace

std::u32string squad_normalize(std::string_view text) {
    std::u32string lowered = to_lower(decode_utf8(text));
    std::erase_if(lowered, is_ascii_punctuation);
    return join_with_single_spaces(split_ws(replace_articles_with_space(lowered)));
}

double exact_match(std::string_view prediction, const std::vector<std::string>& golds) {
    const std::u32string normalized_prediction = squad_normalize(prediction);
    const auto golds_normalized = normalized_golds(golds);
    const bool any_equal = std::ranges::any_of(
        golds_normalized, [&](const std::u32string& gold) { return gold == normalized_prediction; });
    return any_equal ? 1.0 : 0.0;
}

double token_f1(std::string_view prediction, const std::vector<std::string>& golds) {
    // split_ws of the normalised form is exactly SQuAD's get_tokens (an empty text has no tokens).
    const auto prediction_tokens = split_ws(squad_normalize(prediction));
    double best = 0.0;
    for (const std::u32string& gold : normalized_golds(golds)) {
        best = std::max(best, f1_of_tokens(prediction_tokens, split_ws(gold)));
    }
    return best;
}

MetricValue exact_match_metric(const MetricInput& input) { return exact_match(input.prediction, input.references); }

MetricValue token_f1_metric(const MetricInput& input) { return token_f1(input.prediction, input.references); }

}  // namespace evalpanel::metrics
