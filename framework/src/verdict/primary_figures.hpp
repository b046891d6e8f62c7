// The `primary.*` figures: one metric per tool, turned so that higher is better, so that one panel rule
// ("primary.quality >= 0.85") can judge an OCR tool by cer and a VQA tool by anls (docs/panel.md).
#pragma once

#include <string>
#include <string_view>

#include "verdict/verdict.hpp"

namespace evalpanel::verdict {

// The default primary metric of a task: ocr -> cer, vqa -> anls, research -> fact_recall; "" otherwise.
std::string default_primary_metric(std::string_view task);

// Quality of a metric value: the value when higher is better, else 1 - value floored at 0 (1 - cer is the
// share of characters right).
double quality_of(double value, bool higher_is_better);

// Replaces every primary.* figure and text of `tool` with those of `metric_id` (figures the tool lacks
// stay absent). Direction-dependent ones (quality, change, worst slice, gap) need a registered metric.
void set_primary_figures(ToolFigures& tool, std::string metric_id);

}  // namespace evalpanel::verdict
