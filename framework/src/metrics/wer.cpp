#include "metrics/wer.hpp"

#include "metrics/edit_distance.hpp"
#include "metrics/unicode.hpp"

namespace evalpanel::metrics {
namespace {

// jiwer's RemoveMultipleSpaces: re.sub(r"\s\s+", " ", s). A lone white-space code point stays as it is.
std::u32string collapse_runs_of_two_or_more(std::u32string_view text) {
    std::u32string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_space(text[i])) {
            out.push_back(text[i++]);
            continue;
        }
        std::size_t run_end = i;
        while (run_end < text.size() && is_space(text[run_end])) ++run_end;
        if (run_end - i >= 2) {
            out.push_back(U' ');
        } else {
            out.push_back(text[i]);
        }
        i = run_end;
    }
    return out;
}

std::vector<std::u32string> split_on_space_only(std::u32string_view text) {
    std::vector<std::u32string> words;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(U' ', start);
        if (end == std::u32string_view::npos) end = text.size();
        if (end > start) words.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

}  // namespace

std::vector<std::u32string> wer_tokens(std::string_view text, const ErrorRateOptions& options) {
    std::u32string code_points = decode_utf8(text);
    if (options.collapse_whitespace) code_points = collapse_whitespace(code_points);
    const std::u32string collapsed = collapse_runs_of_two_or_more(code_points);
    return split_on_space_only(strip(collapsed));
}

double wer(std::string_view prediction, std::string_view reference, const ErrorRateOptions& options) {
    const std::vector<std::u32string> hypothesis_words = wer_tokens(prediction, options);
    const std::vector<std::u32string> reference_words = wer_tokens(reference, options);
    return error_rate(edit_distance(hypothesis_words, reference_words), reference_words.size(),
                      hypothesis_words.size());
}

MetricValue wer_metric(const MetricInput& input) {
    const ErrorRateOptions options = error_rate_options(input.params, "wer");
    if (input.references.empty()) return std::nullopt;
    return wer(input.prediction, input.references.front(), options);
}

}  // namespace evalpanel::metrics
