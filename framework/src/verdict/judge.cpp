// judge: every reviewer of the panel on every tool, the panel's ship share, the pricing read and the split.
#include "verdict/judge_parts.hpp"
#include "verdict/primary_figures.hpp"

namespace evalpanel::verdict {

void add_panel_figures(const Panel& panel, ToolFigures& tool) {
    if (!panel.primary_metric.empty()) set_primary_figures(tool, panel.primary_metric);
    tool.figures["monthly_volume"] = panel.monthly_volume;
    auto per_case = tool.figures.find("cost.per_case_usd");
    if (per_case == tool.figures.end()) return;
    tool.figures["cost.monthly_usd"] = per_case->second * panel.monthly_volume;
    auto quality = tool.figures.find("primary.quality");
    if (quality != tool.figures.end() && per_case->second > 0) {
        tool.figures["quality_per_dollar"] = quality->second / per_case->second;
    }
}

std::vector<ToolVerdict> judge(const Panel& panel, const std::vector<ToolFigures>& tools) {
    std::vector<ToolVerdict> verdicts;
    for (const ToolFigures& tool : tools) {
        ToolVerdict v;
        v.figures = tool;
        add_panel_figures(panel, v.figures);

        double decided_weight = 0, ship_weight = 0;
        for (const Reviewer& reviewer : panel.reviewers) {
            ReviewerVerdict r = review(reviewer, v.figures);
            if (r.ship) {
                decided_weight += reviewer.weight;
                if (*r.ship) ship_weight += reviewer.weight;
            }
            v.reviews.push_back(std::move(r));
        }
        if (decided_weight > 0) v.panel_ship_pct = 100.0 * ship_weight / decided_weight;

        auto free = v.figures.figures.find("entry_free");
        v.entry = free == v.figures.figures.end() ? "not measured" : free->second != 0 ? "Free" : "Paid";
        v.pricing = read_pricing(v.figures);
        v.split = split_of(panel.reviewers, v.reviews, v.figures);
        auto up = v.figures.figures.find("votes.up");
        auto down = v.figures.figures.find("votes.down");
        if (up != v.figures.figures.end() && down != v.figures.figures.end()) {
            v.community = std::pair{static_cast<int>(up->second), static_cast<int>(down->second)};
        }
        verdicts.push_back(std::move(v));
    }
    return verdicts;
}

}  // namespace evalpanel::verdict
