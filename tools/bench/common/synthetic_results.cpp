#include "synthetic_results.hpp"

namespace evalpanel::bench {
namespace {

// A cheap, fixed mixing function: the same index always gives the same "random" value.
std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

double unit_value(std::uint64_t seed) { return static_cast<double>(mix(seed) % 10001) / 10000.0; }

const std::vector<std::string> kSlices = {"clean", "degraded", "blur", "rotation", "noise", "code", "receipt"};

}  // namespace

store::RunRecord synthetic_run(const std::string& tool, const std::string& suite, std::int64_t cases,
                               const std::vector<std::string>& metrics) {
    store::RunRecord run;
    run.batch = "bench-" + tool + "-" + suite;
    run.suite_name = suite;
    run.suite_path = "/bench/" + suite + ".yaml";
    run.suite_hash = std::string(64, '0');
    run.task = "ocr";
    run.tool = tool;
    run.plugin = "null";
    run.plugin_version = "1.0.0";
    run.evalpanel_version = "bench";
    run.cases_total = cases;
    for (const std::string& metric : metrics) run.metrics[metric] = nlohmann::json::object();
    run.tool_kind = "local";
    run.pricing = {{"free", true}};
    return run;
}

store::ResultRecord synthetic_result(std::int64_t run_id, std::int64_t index, const std::vector<std::string>& metrics) {
    const auto seed = static_cast<std::uint64_t>(run_id) * 1'000'003ULL + static_cast<std::uint64_t>(index);
    store::ResultRecord result;
    result.run_id = run_id;
    result.case_index = index;
    result.case_id = "case-" + std::to_string(index);
    result.tags = {kSlices[mix(seed) % kSlices.size()], kSlices[mix(seed + 1) % kSlices.size()]};
    result.expected = "Invoice No. INV-2024-" + std::to_string(index);
    result.status = mix(seed + 2) % 50 == 0 ? "error" : "ok";
    result.output = result.status == "ok" ? "Invoice No. INV-2024-" + std::to_string(mix(seed + 3) % 100000) : "";
    result.error = result.status == "ok" ? "" : "retryable: connection reset";
    result.confidence = 90.0;
    result.usage = {{"input_tokens", 812}, {"output_tokens", 14}};
    result.cost_usd = 0.0;
    result.latency_ms = 5.0 + 200.0 * unit_value(seed + 4);
    for (std::size_t m = 0; m < metrics.size(); ++m) {
        const std::uint64_t metric_seed = seed * 31 + m;
        store::ScoreRecord score{metrics[m], std::nullopt};
        if (mix(metric_seed) % 20 != 0) score.value = unit_value(metric_seed + 7);
        result.scores.push_back(score);
    }
    return result;
}

}  // namespace evalpanel::bench
