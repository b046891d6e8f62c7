// `vqa_accuracy`: VQAv2 accuracy as the official evaluation computes it (METRICS.md §4;
// GT-Vision-Lab/VQA vqaEval.py), including its normalisation gate.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "metrics/metric.hpp"

namespace evalpanel::metrics {

// Mean over human answers i of min(1, (other answers equal to the prediction) / 3). Both sides are
// cleaned (vqa_clean); only when the cleaned human answers are not all identical are both sides also
// normalised (punctuation, then digits/articles) — so "Yes" vs 10×"yes" scores 0. A single human
// answer never scores (it has no others). nullopt when there are no human answers.
MetricValue vqa_accuracy(std::string_view prediction, const std::vector<std::string>& human_answers);

}  // namespace evalpanel::metrics
