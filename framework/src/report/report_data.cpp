#include "report/report_data.hpp"

#include <algorithm>

namespace evalpanel::report {

std::vector<std::string> report_tools(const ReportData& data) {
    std::vector<std::string> tools;
    auto add = [&](const std::string& tool) {
        if (std::find(tools.begin(), tools.end(), tool) == tools.end()) tools.push_back(tool);
    };
    for (const auto& run : data.runs) add(run.run.tool);
    for (const auto& v : data.verdicts) add(v.figures.tool);
    return tools;
}

const std::vector<store::ResultRecord>& results_of(const ReportData& data, std::int64_t run_id) {
    static const std::vector<store::ResultRecord> none;  // immutable: shared by every caller safely
    const auto it = data.results.find(run_id);
    return it == data.results.end() ? none : it->second;
}

const RunCases& cases_of(const ReportData& data, std::int64_t run_id) {
    static const RunCases none;  // immutable: shared by every caller safely
    const auto it = data.cases.find(run_id);
    return it == data.cases.end() ? none : it->second;
}

RunCost run_cost(const RunSummary& run, const RunCases& cases) {
    RunCost cost;
    const nlohmann::json& pricing = run.run.pricing;
    cost.free = pricing.is_object() && pricing.value("free", false);
    cost.cases_with_cost = cases.cases_with_cost;
    if (cost.cases_with_cost > 0) cost.per_case_usd = cases.cost_sum_usd / static_cast<double>(cost.cases_with_cost);
    else if (cost.free) cost.per_case_usd = 0.0;
    if (cost.per_case_usd) cost.per_1000_usd = *cost.per_case_usd * 1000;
    return cost;
}

}  // namespace evalpanel::report
