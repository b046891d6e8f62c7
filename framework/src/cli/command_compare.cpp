// evalpanel compare BASE CANDIDATE [--max-drop METRIC=X ...]: the CI gate.
#include <iostream>

#include "cli/command.hpp"
#include "cli/store_queries.hpp"
#include "metrics/metric.hpp"
#include "report/compare.hpp"

namespace evalpanel::cli {

namespace {

std::map<std::string, double> parse_max_drops(const std::vector<std::string>& items) {
    std::map<std::string, double> drops;
    for (const std::string& item : items) {
        const auto eq = item.find('=');
        if (eq == std::string::npos || eq == 0) throw UsageError("--max-drop takes METRIC=X, got '" + item + "'");
        const std::string metric = item.substr(0, eq);
        try {
            std::size_t used = 0;
            const double value = std::stod(item.substr(eq + 1), &used);
            if (used != item.size() - eq - 1 || value < 0) throw std::invalid_argument(item);
            drops[metric] = value;
        } catch (const std::exception&) {
            throw UsageError("--max-drop " + item + ": the margin must be a number >= 0");
        }
    }
    return drops;
}

nlohmann::json to_json(const report::Comparison& c) {
    nlohmann::json metrics = nlohmann::json::array();
    auto opt = [](const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
    for (const auto& m : c.metrics) {
        metrics.push_back({{"metric", m.metric}, {"higher_is_better", m.higher_is_better}, {"paired_cases", m.paired},
                           {"baseline", opt(m.base_mean)}, {"candidate", opt(m.candidate_mean)},
                           {"difference", opt(m.difference)},
                           {"interval95", m.interval ? nlohmann::json{m.interval->low, m.interval->high} : nlohmann::json(nullptr)},
                           {"max_drop", opt(m.max_drop)}, {"verdict", m.verdict}, {"reason", m.reason}});
    }
    return {{"baseline_run", c.base.id}, {"candidate_run", c.candidate.id}, {"paired_cases", c.paired_cases},
            {"regression", c.regression()}, {"notes", c.notes}, {"metrics", metrics}};
}

}  // namespace

int compare_command(const std::vector<std::string>& args) {
    std::string db, base_id, candidate_id;
    std::vector<std::string> max_drop_items;
    bool json = false;
    po::options_description options("compare options");
    options.add_options()
        ("base", po::value(&base_id), "baseline run id")
        ("candidate", po::value(&candidate_id), "candidate run id")
        ("max-drop", po::value(&max_drop_items)->multitoken(),
         "METRIC=X: fail when the candidate is worse by more than X (repeatable); without it a metric fails "
         "when its paired 95% interval lies wholly on the worse side of zero")
        ("json", po::bool_switch(&json), "print the comparison as JSON");
    add_db_option(options, db);
    po::positional_options_description positional;
    positional.add("base", 1).add("candidate", 1);
    po::variables_map vm;
    if (!parse("evalpanel compare BASE CANDIDATE [--max-drop METRIC=X ...] [--db PATH] [--json]", args, options,
               positional, vm)) {
        return kExitOk;
    }
    if (base_id.empty() || candidate_id.empty()) throw UsageError("name a baseline and a candidate run id");
    const std::map<std::string, double> max_drop = parse_max_drops(max_drop_items);

    const store::Store store = open_existing(db);
    const store::RunRecord base = select_runs(store, {base_id}).front();
    const store::RunRecord candidate = select_runs(store, {candidate_id}).front();
    const auto direction = [](const std::string& metric) {
        const metrics::MetricDef* def = metrics::find_metric(metric);
        return def == nullptr || def->higher_is_better;
    };
    const auto values_of = [&](const store::RunRecord& run) {
        report::CaseValues values;
        store.for_each_case(run.id, [&](const store::CaseRow& row) { values.add(row); });
        return values;
    };
    const report::Comparison comparison =
        report::compare_runs(base, values_of(base), candidate, values_of(candidate), max_drop, direction);
    for (const auto& [metric, margin] : max_drop) {
        const bool known = std::any_of(comparison.metrics.begin(), comparison.metrics.end(),
                                       [&](const auto& m) { return m.metric == metric; });
        if (!known) throw UsageError("--max-drop names '" + metric + "', which neither run has");
    }
    if (json) std::cout << to_json(comparison).dump(2) << "\n";
    else std::cout << report::render_comparison_text(comparison);
    return comparison.regression() ? kExitFailure : kExitOk;
}

}  // namespace evalpanel::cli
