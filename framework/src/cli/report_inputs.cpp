#include "cli/report_inputs.hpp"

#include <algorithm>

#include <boost/dll/runtime_symbol_info.hpp>

#include "cli/command.hpp"
#include "metrics/metric.hpp"
#include "store/store.hpp"

namespace evalpanel::cli {

namespace fs = std::filesystem;

std::optional<fs::path> find_panel_file(const std::string& explicit_path) {
    if (!explicit_path.empty()) {
        if (!fs::exists(explicit_path)) throw UsageError(explicit_path + ": no such panel file");
        return fs::path(explicit_path);
    }
    std::vector<fs::path> candidates = {"reports/panel.yaml"};
    std::error_code ec;
    const fs::path exe = boost::dll::program_location(ec);
    if (!ec) {
        candidates.push_back(exe.parent_path() / ".." / "share" / "evalpanel" / "panel.yaml");
        candidates.push_back(exe.parent_path() / ".." / ".." / "reports" / "panel.yaml");
    }
    for (const auto& candidate : candidates) {
        if (fs::exists(candidate, ec)) return candidate.lexically_normal();
    }
    return std::nullopt;
}

std::optional<store::RunRecord> previous_run(const std::vector<store::RunRecord>& all_runs, const store::RunRecord& run) {
    std::optional<store::RunRecord> previous;
    for (const auto& candidate : all_runs) {  // oldest first: the last match is the latest
        if (candidate.id >= run.id) break;
        if (candidate.tool == run.tool && candidate.suite_name == run.suite_name && candidate.status == "finished") {
            previous = candidate;
        }
    }
    return previous;
}

report::ReportData load_report_data(const store::Store& store, const std::vector<store::RunRecord>& runs,
                                    const std::optional<verdict::Panel>& panel, CaseRecords records) {
    report::ReportData data;
    data.generated_at = store::now_utc_iso8601();
    verdict::ComparisonInput input;
    const std::vector<store::RunRecord> all_runs = store.runs();
    // A selected run is often also another's previous run: each run is read once.
    std::map<std::int64_t, report::RunSummary> summaries;
    const auto summary_of = [&](const store::RunRecord& run) -> const report::RunSummary& {
        auto found = summaries.find(run.id);
        if (found != summaries.end()) return found->second;
        report::SummaryBuilder summary(run);
        report::RunCases cases;
        store.for_each_case(run.id, [&](const store::CaseRow& row) {
            summary.add(row);
            cases.add(row);
        });
        input.cases.emplace(run.id, std::move(cases));
        return summaries.emplace(run.id, summary.finish()).first->second;
    };
    for (const store::RunRecord& run : runs) {
        const report::RunSummary& summary = summary_of(run);
        for (const auto& m : summary.metrics) {
            if (const metrics::MetricDef* def = metrics::find_metric(m.metric)) data.higher_is_better[m.metric] = def->higher_is_better;
        }
        if (auto previous = previous_run(all_runs, run)) input.previous[run.id] = summary_of(*previous);
        if (run.pricing.contains("free") && run.pricing["free"].is_boolean()) input.tool_is_free[run.tool] = run.pricing["free"].get<bool>();
        if (!run.tool_kind.empty()) input.tool_kind[run.tool] = run.tool_kind;
        input.runs.push_back(summary);
        data.runs.push_back(summary);
        if (records == CaseRecords::include && !data.results.contains(run.id)) data.results.emplace(run.id, store.results(run.id));
    }
    // Previous runs only feed their summaries; the verdict and the report read the selected runs' cases.
    for (auto it = input.cases.begin(); it != input.cases.end();) {
        const bool selected = std::any_of(runs.begin(), runs.end(), [&](const auto& run) { return run.id == it->first; });
        it = selected ? std::next(it) : input.cases.erase(it);
    }
    for (const auto& [tool, count] : store.vote_counts()) input.votes[tool] = {count.up, count.down};
    if (panel) data.verdicts = verdict::judge(*panel, verdict::compute_figures(input));
    data.cases = std::move(input.cases);
    return data;
}

}  // namespace evalpanel::cli
