// The metric families, each registering its own definitions (metric.cpp joins them).
#pragma once

#include <vector>

#include "metrics/metric.hpp"

namespace evalpanel::metrics {

std::vector<MetricDef> text_metric_defs();      // levenshtein, cer, wer, exact_match, token_f1 (metric.cpp)
std::vector<MetricDef> answer_metric_defs();    // vqa_accuracy, anls, relaxed_accuracy, ocrbench, ocrbench_hme
std::vector<MetricDef> citation_metric_defs();  // METRICS.md §10: lexical citation quality

}  // namespace evalpanel::metrics
