#include "verdict/primary_figures.hpp"

#include <algorithm>

#include "metrics/metric.hpp"
#include "verdict/figure_names.hpp"

namespace evalpanel::verdict {
namespace {

void copy_figure(ToolFigures& tool, const std::string& from, const std::string& to, double (*turn)(double, bool),
                 bool higher_is_better) {
    if (auto it = tool.figures.find(from); it != tool.figures.end()) {
        tool.figures[to] = turn ? turn(it->second, higher_is_better) : it->second;
    }
}

double improvement(double change, bool higher_is_better) { return higher_is_better ? change : -change; }

template <typename Map>
void erase_primary(Map& map) {
    std::erase_if(map, [](const auto& entry) { return entry.first == "primary" || entry.first.starts_with("primary."); });
}

}  // namespace

std::string default_primary_metric(std::string_view task) {
    if (task == "ocr") return "cer";
    if (task == "vqa") return "anls";
    if (task == "research") return "fact_recall";
    return "";
}

double quality_of(double value, bool higher_is_better) { return higher_is_better ? value : std::max(0.0, 1.0 - value); }

void set_primary_figures(ToolFigures& tool, std::string metric_id) {
    erase_primary(tool.figures);
    erase_primary(tool.text);
    if (metric_id.empty()) return;
    tool.text["primary"] = metric_id;
    for (const char* stat : {"mean", "ci_low", "ci_high", "scored"}) {
        copy_figure(tool, names::metric(metric_id, stat), std::string("primary.") + stat, nullptr, true);
    }
    const metrics::MetricDef* def = metrics::find_metric(metric_id);
    if (def == nullptr) return;  // no direction: nothing can be called better or worse
    const bool up = def->higher_is_better;
    tool.text["primary.quality_label"] = up ? metric_id : "one minus " + metric_id;
    copy_figure(tool, names::metric(metric_id, "mean"), "primary.quality", &quality_of, up);
    copy_figure(tool, names::worst_slice(metric_id) + ".mean", "primary.worst_slice.mean", nullptr, up);
    copy_figure(tool, names::worst_slice(metric_id) + ".mean", "primary.worst_slice.quality", &quality_of, up);
    copy_figure(tool, names::worst_slice(metric_id) + ".cases", "primary.worst_slice.cases", nullptr, up);
    copy_figure(tool, names::change(metric_id), "primary.change", &improvement, up);
    copy_figure(tool, names::gap_to_best(metric_id), "primary.gap_to_best", nullptr, up);
    if (auto it = tool.text.find(names::worst_slice(metric_id)); it != tool.text.end()) {
        tool.text["primary.worst_slice"] = it->second;
    }
    if (auto it = tool.text.find(names::best_competitor(metric_id)); it != tool.text.end()) {
        tool.text["primary.best_competitor"] = it->second;
    }
}

}  // namespace evalpanel::verdict
