// The pieces of a tool's verdict, each from the tool's figures (the panel's derived ones included).
#pragma once

#include "verdict/verdict.hpp"

namespace evalpanel::verdict {

// Adds the figures that depend on the panel: monthly_volume, cost.monthly_usd, quality_per_dollar, and
// the primary.* figures of the panel's primary_metric when it names one.
void add_panel_figures(const Panel& panel, ToolFigures& tool);

// One reviewer's decision and sentences.
ReviewerVerdict review(const Reviewer& reviewer, const ToolFigures& tool);

PricingRead read_pricing(const ToolFigures& tool);

Split split_of(const std::vector<Reviewer>& reviewers, const std::vector<ReviewerVerdict>& reviews, const ToolFigures& tool);

// "a", "a and b", "a, b and c".
std::string join_words(const std::vector<std::string>& words);

}  // namespace evalpanel::verdict
