// Structural citation checks on the response text (METRICS.md §10.5): markers that point nowhere,
// sentences without a marker, and markers per 100 words.
#pragma once

#include <cstddef>
#include <string_view>

#include "metrics/metric.hpp"

namespace evalpanel::metrics {

// Markers ("[" + ASCII digits, anywhere, code included) whose number is 0 or above `source_count`.
std::size_t citation_out_of_range(std::string_view text, std::size_t source_count);

// Sentences (§10.3) without any marker / sentences; nullopt without a sentence.
MetricValue uncited_sentence_ratio(std::string_view text);

// 100 × markers / words, where words are the white-space pieces of remove_citations(text) holding a word
// character or CJK code point (a lone "–" is not a word; an unspaced CJK sentence is one). nullopt without a word.
MetricValue citation_density(std::string_view text);

// Registry entries.
MetricValue citation_out_of_range_metric(const MetricInput& input);
MetricValue uncited_sentence_ratio_metric(const MetricInput& input);
MetricValue citation_density_metric(const MetricInput& input);

}  // namespace evalpanel::metrics
