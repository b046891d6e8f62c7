#include "metrics/citation_recall_precision.hpp"

#include <algorithm>

#include "metrics/citation_markers.hpp"
#include "metrics/citation_params.hpp"
#include "metrics/lexical_support.hpp"
#include "metrics/sentences.hpp"
#include "metrics/unicode.hpp"

namespace evalpanel::metrics {
namespace {

// ALCE: '\n'.join(_format_document(docs[i]) for i in ids); ids are 0-based and in range.
std::u32string joint_passage(const std::vector<Source>& sources, const std::vector<std::size_t>& ids) {
    std::u32string passage;
    for (std::size_t k = 0; k < ids.size(); ++k) {
        if (k > 0) passage.push_back(U'\n');
        passage += source_passage(sources[ids[k]]);
    }
    return passage;
}

// ALCE flags a sentence whose markers include one past the documents; evalpanel also flags "[0]" (ALCE
// would read it as index -1, the last document). The check sees every marker, before truncation.
bool any_out_of_range(const std::vector<std::size_t>& numbers, std::size_t source_count) {
    return std::ranges::any_of(numbers, [&](std::size_t n) { return n == 0 || n > source_count; });
}

// ALCE's precision check for a supported sentence with two or more citations: a citation is precise if
// its own passage entails the claim, or if the others without it (list.remove: one occurrence) do not.
std::size_t precise_citations(const std::u32string& claim, const std::vector<Source>& sources,
                              const std::vector<std::size_t>& ids, double threshold) {
    std::size_t precise = 0;
    for (const std::size_t id : ids) {
        if (lexically_supported(claim, source_passage(sources[id]), threshold)) {
            ++precise;
            continue;
        }
        std::vector<std::size_t> others = ids;
        others.erase(std::ranges::find(others, id));
        if (!lexically_supported(claim, joint_passage(sources, others), threshold)) ++precise;  // it was needed
    }
    return precise;
}

}  // namespace

std::u32string source_passage(const Source& source) {
    return U"Title: " + decode_utf8(source.title) + U"\n" + decode_utf8(source.text);
}

CitationRecallPrecision citation_recall_precision(std::string_view response, const std::vector<Source>& sources,
                                                  const CitationJudgeOptions& options) {
    const std::vector<std::u32string> sentences = split_sentences(decode_utf8(response));
    if (sentences.empty()) return {std::nullopt, std::nullopt};

    std::size_t entailed = 0;
    std::size_t precise = 0;
    std::size_t total_citations = 0;
    for (const std::u32string& sentence : sentences) {
        const std::u32string claim{strip(remove_citations(sentence))};
        const std::vector<std::size_t> numbers = citation_marker_numbers(sentence);
        if (numbers.empty() || any_out_of_range(numbers, sources.size())) continue;  // not supported

        std::vector<std::size_t> ids;  // 0-based, first at_most_citations only
        for (std::size_t k = 0; k < numbers.size() && k < options.at_most_citations; ++k) ids.push_back(numbers[k] - 1);
        total_citations += ids.size();
        if (!lexically_supported(claim, joint_passage(sources, ids), options.threshold)) continue;

        ++entailed;
        precise += ids.size() > 1 ? precise_citations(claim, sources, ids, options.threshold) : 1;
    }
    const double recall = static_cast<double>(entailed) / static_cast<double>(sentences.size());
    const double precision =
        total_citations > 0 ? static_cast<double>(precise) / static_cast<double>(total_citations) : 0.0;
    return {recall, precision};
}

MetricValue citation_recall_lexical_metric(const MetricInput& input) {
    const auto options = citation_judge_options(input.params, "citation_recall_lexical");
    return citation_recall_precision(input.prediction, input.sources, options).recall;
}

MetricValue citation_precision_lexical_metric(const MetricInput& input) {
    const auto options = citation_judge_options(input.params, "citation_precision_lexical");
    return citation_recall_precision(input.prediction, input.sources, options).precision;
}

}  // namespace evalpanel::metrics
