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
                                    const std::optional<verdict::Panel>& panel) {
    report::ReportData data;
    data.generated_at = store::now_utc_iso8601();
    verdict::ComparisonInput input;
    const std::vector<store::RunRecord> all_runs = store.runs();
    // Each run's cases are read once, into the verdict's input, and handed to the report after judging:
    // a selected run is often also another's previous run, and a 250,000-case run takes a while to read.
    const auto results_of_run = [&](std::int64_t run_id) -> const std::vector<store::ResultRecord>& {
        auto found = input.results.find(run_id);
        if (found == input.results.end()) found = input.results.emplace(run_id, store.results(run_id)).first;
        return found->second;
    };
    for (const store::RunRecord& run : runs) {
        report::RunSummary summary = report::summarize(run, results_of_run(run.id));
        for (const auto& m : summary.metrics) {
            if (const metrics::MetricDef* def = metrics::find_metric(m.metric)) data.higher_is_better[m.metric] = def->higher_is_better;
        }
        if (auto previous = previous_run(all_runs, run)) {
            input.previous[run.id] = report::summarize(*previous, results_of_run(previous->id));
        }
        if (run.pricing.contains("free") && run.pricing["free"].is_boolean()) input.tool_is_free[run.tool] = run.pricing["free"].get<bool>();
        if (!run.tool_kind.empty()) input.tool_kind[run.tool] = run.tool_kind;
        input.runs.push_back(summary);
        data.runs.push_back(std::move(summary));
    }
    // Previous runs only feed their summaries; the verdict and the report read the selected runs' cases.
    for (auto it = input.results.begin(); it != input.results.end();) {
        const bool selected = std::any_of(runs.begin(), runs.end(), [&](const auto& run) { return run.id == it->first; });
        it = selected ? std::next(it) : input.results.erase(it);
    }
    for (const auto& [tool, count] : store.vote_counts()) input.votes[tool] = {count.up, count.down};
    if (panel) data.verdicts = verdict::judge(*panel, verdict::compute_figures(input));
    data.results = std::move(input.results);
    return data;
}

}  // namespace evalpanel::cli
