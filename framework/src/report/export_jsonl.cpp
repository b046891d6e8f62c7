#include "report/export_jsonl.hpp"

namespace evalpanel::report {

nlohmann::ordered_json case_json(const store::RunRecord& run, const store::ResultRecord& result) {
    using nlohmann::ordered_json;
    ordered_json scores = ordered_json::object();
    for (const auto& s : result.scores) scores[s.metric] = s.value ? ordered_json(*s.value) : ordered_json(nullptr);
    // Ordered: a person reading the export sees the case, then what it expected and got, then the rest.
    ordered_json j = {
        {"run_id", run.id},
        {"case_id", result.case_id},
        {"suite", run.suite_name},
        {"tool", run.tool},
        {"tags", result.tags},
        {"expected", result.expected},
        {"status", result.status},
        {"output", result.output},
        {"scores", scores},
        {"metric_params", run.metrics},
        {"latency_ms", result.latency_ms},
        {"error", result.error.empty() ? ordered_json(nullptr) : ordered_json(result.error)},
        {"attempts", result.attempts},
        {"cached", result.cached},
        {"details", result.details},
        {"confidence", result.confidence ? ordered_json(*result.confidence) : ordered_json(nullptr)},
        {"citations", result.citations},
        {"usage", result.usage},
        {"cost_usd", result.cost_usd ? ordered_json(*result.cost_usd) : ordered_json(nullptr)},
    };
    return j;
}

void write_jsonl(std::ostream& out, const store::RunRecord& run, const std::vector<store::ResultRecord>& results) {
    for (const auto& result : results) {
        // Invalid UTF-8 in a tool's output must not abort the export: replace it, do not throw.
        out << case_json(run, result).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
}

}  // namespace evalpanel::report
