#include "report/json_report.hpp"

namespace evalpanel::report {

namespace {

using nlohmann::ordered_json;

ordered_json optional_number(const std::optional<double>& value) { return value ? ordered_json(*value) : ordered_json(nullptr); }

ordered_json interval_json(const std::optional<Interval>& ci) {
    if (!ci) return nullptr;
    return ordered_json{{"low", ci->low}, {"high", ci->high}};
}

ordered_json metrics_json(const std::vector<MetricSummary>& metrics) {
    ordered_json list = ordered_json::array();
    for (const auto& m : metrics) {
        list.push_back({{"metric", m.metric}, {"mean", optional_number(m.mean)}, {"ci95", interval_json(m.ci95)},
                        {"scored", m.scored}, {"undefined", m.undefined}});
    }
    return list;
}

ordered_json run_json(const ReportData& data, const RunSummary& run) {
    const store::RunRecord& r = run.run;
    const RunCases& cases = cases_of(data, r.id);
    const RunCost cost = run_cost(run, cases);

    ordered_json by_status = ordered_json::object();
    for (const auto& [status, n] : run.by_status) by_status[status] = n;
    ordered_json slices = ordered_json::object();
    for (const auto& [tag, metrics] : run.by_tag) {
        const auto n = run.tag_cases.find(tag);
        slices[tag] = {{"cases", n == run.tag_cases.end() ? 0 : n->second}, {"metrics", metrics_json(metrics)}};
    }
    ordered_json errors = ordered_json::array();
    for (const FailedCase& failed : cases.failed) {
        errors.push_back({{"case_id", failed.case_id}, {"status", failed.status}, {"error", failed.error},
                          {"attempts", failed.attempts}, {"latency_ms", failed.latency_ms}});
    }
    return {
        {"id", r.id},
        {"batch", r.batch},
        {"tool", r.tool},
        {"plugin", r.plugin},
        {"plugin_version", r.plugin_version},
        {"tool_kind", r.tool_kind},
        {"suite", r.suite_name},
        {"suite_hash", r.suite_hash},
        {"task", r.task},
        {"status", r.status},
        {"started_at", r.started_at},
        {"finished_at", r.finished_at},
        {"evalpanel_version", r.evalpanel_version},
        {"cases_total", r.cases_total},
        {"cases", run.cases},
        {"by_status", by_status},
        {"failed", run.failed()},
        {"latency_ms", {{"p50", optional_number(run.latency_p50_ms)}, {"p95", optional_number(run.latency_p95_ms)}}},
        {"cost", {{"free", cost.free},
                  {"per_case_usd", optional_number(cost.per_case_usd)},
                  {"per_1000_usd", optional_number(cost.per_1000_usd)},
                  {"cases_with_cost", cost.cases_with_cost}}},
        {"metrics", metrics_json(run.metrics)},
        {"slices", slices},
        {"errors", errors},
    };
}

ordered_json figures_json(const verdict::FigureMap& figures) {
    ordered_json j = ordered_json::object();
    for (const auto& [name, value] : figures) j[name] = value;
    return j;
}

std::string decision(const std::optional<bool>& ship) { return !ship ? "undecided" : *ship ? "ship" : "dont_ship"; }

ordered_json verdict_json(const verdict::ToolVerdict& v) {
    const verdict::ToolFigures& f = v.figures;
    ordered_json text = ordered_json::object();
    for (const auto& [name, value] : f.text) text[name] = value;
    ordered_json reviews = ordered_json::array();
    for (const auto& r : v.reviews) {
        reviews.push_back({{"reviewer", r.reviewer_id},
                           {"title", r.title},
                           {"lens", r.lens},
                           {"decision", decision(r.ship)},
                           {"ship", r.ship ? ordered_json(*r.ship) : ordered_json(nullptr)},
                           {"sentences", r.sentences},
                           {"failed_conditions", r.failed_conditions},
                           {"missing_figures", r.missing_figures},
                           {"figures_used", figures_json(r.figures_used)}});
    }
    const verdict::PricingRead& p = v.pricing;
    const verdict::Split& s = v.split;
    return {
        {"tool", f.tool},
        {"plugin", f.plugin},
        {"plugin_version", f.plugin_version},
        {"kind", f.kind},
        {"entry", v.entry},
        {"free", f.free},
        {"run_ids", f.run_ids},
        {"panel_ship_pct", optional_number(v.panel_ship_pct)},
        {"community", v.community ? ordered_json{{"up", v.community->first}, {"down", v.community->second}}
                                  : ordered_json(nullptr)},
        {"reviews", reviews},
        {"pricing", {{"cost_per_case_usd", optional_number(p.cost_per_case_usd)},
                     {"cost_per_1000_usd", optional_number(p.cost_per_1000_usd)},
                     {"monthly_cost_usd", optional_number(p.monthly_cost_usd)},
                     {"quality_per_dollar", optional_number(p.quality_per_dollar)},
                     {"sentence", p.sentence}}},
        {"split", {{"ship", s.ship}, {"dont_ship", s.dont_ship}, {"undecided", s.undecided}, {"sentence", s.sentence}}},
        {"figures", figures_json(f.figures)},
        {"text", text},
    };
}

}  // namespace

nlohmann::ordered_json report_json(const ReportData& data) {
    ordered_json runs = ordered_json::array();
    for (const auto& run : data.runs) runs.push_back(run_json(data, run));
    ordered_json verdicts = ordered_json::array();
    for (const auto& v : data.verdicts) verdicts.push_back(verdict_json(v));
    ordered_json directions = ordered_json::object();
    for (const auto& [metric, higher] : data.higher_is_better) directions[metric] = higher ? "higher" : "lower";
    return {
        {"schema_version", kJsonReportSchemaVersion},
        {"title", data.title.empty() ? "evalpanel report" : data.title},
        {"generated_at", data.generated_at},
        {"tools", report_tools(data)},
        {"better", directions},
        {"runs", runs},
        {"verdicts", verdicts},
    };
}

std::string render_json(const ReportData& data) {
    return report_json(data).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace evalpanel::report
