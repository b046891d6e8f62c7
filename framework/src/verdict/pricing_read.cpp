// The pricing read: what a case costs, what a month costs at the panel's volume, and quality per dollar.
#include "verdict/figure_format.hpp"
#include "verdict/judge_parts.hpp"

namespace evalpanel::verdict {
namespace {

std::optional<double> figure(const ToolFigures& tool, const std::string& name) {
    auto it = tool.figures.find(name);
    if (it == tool.figures.end()) return std::nullopt;
    return it->second;
}

std::string money(double value) { return format_figure(value, {FigureFormat::Kind::money}); }

}  // namespace

PricingRead read_pricing(const ToolFigures& tool) {
    PricingRead read;
    read.cost_per_case_usd = figure(tool, "cost.per_case_usd");
    read.cost_per_1000_usd = figure(tool, "cost.per_1000_usd");
    read.monthly_cost_usd = figure(tool, "cost.monthly_usd");
    read.quality_per_dollar = figure(tool, "quality_per_dollar");
    const std::optional<double> volume = figure(tool, "monthly_volume");
    const std::string at_volume = volume ? " at " + format_figure(*volume) + " cases a month" : "";
    if (!read.cost_per_case_usd) {
        read.sentence = "Cost not measured: no case reported a cost and the stored pricing does not say the tool is free.";
        return read;
    }
    if (*read.cost_per_case_usd == 0) {
        read.sentence = "Free to run: " + money(0) + " per case and " + money(read.monthly_cost_usd.value_or(0)) +
                        " a month" + at_volume + ", so quality per dollar is unbounded.";
        return read;
    }
    std::string sentence = money(*read.cost_per_case_usd) + " per case, " + money(read.cost_per_1000_usd.value_or(0)) +
                           " per thousand cases";
    if (read.monthly_cost_usd) sentence += ", " + money(*read.monthly_cost_usd) + " a month" + at_volume;
    const std::optional<double> quality = figure(tool, "primary.quality");
    auto label = tool.text.find("primary.quality_label");
    if (read.quality_per_dollar && quality && label != tool.text.end()) {
        sentence += "; quality per dollar " + format_figure(*read.quality_per_dollar) + " (quality " + format_figure(*quality) +
                    " per case, as " + label->second + ", divided by the cost per case)";
    } else {
        sentence += "; quality per dollar not measured (no primary metric quality)";
    }
    read.sentence = sentence + ".";
    return read;
}

}  // namespace evalpanel::verdict
