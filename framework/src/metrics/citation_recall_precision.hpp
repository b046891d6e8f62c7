// `citation_recall_lexical` and `citation_precision_lexical` (METRICS.md §10.4): ALCE's compute_autoais
// control flow (§9.1) with lexical_support as the entailment judge, §10.3 sentences, and "[0]" out of range.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "metrics/metric.hpp"

namespace evalpanel::metrics {

struct CitationJudgeOptions {
    double threshold = 0.5;              // a passage "entails" a claim when lexical_support >= threshold
    std::size_t at_most_citations = 3;   // ALCE's --at_most_citations: later markers of a sentence are ignored
};

struct CitationRecallPrecision {
    MetricValue recall;     // supported sentences / sentences
    MetricValue precision;  // precise citations / counted citations (0 when none is counted)
};

// "Title: {title}\n{text}" — ALCE's _format_document, so the title's words count as passage words.
std::u32string source_passage(const Source& source);

// Both are nullopt when the response has no sentence (ALCE skips such a response).
CitationRecallPrecision citation_recall_precision(std::string_view response, const std::vector<Source>& sources,
                                                  const CitationJudgeOptions& options);

// Registry entries; parameters `threshold` and `at_most_citations`.
MetricValue citation_recall_lexical_metric(const MetricInput& input);
MetricValue citation_precision_lexical_metric(const MetricInput& input);

}  // namespace evalpanel::metrics
