// `evalpanel export --format jsonl`: one JSON object per case, for tools outside evalpanel.
#pragma once

#include <ostream>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/store.hpp"

namespace evalpanel::report {

// case_id, suite, tool, tags, expected, status, output, scores (metric -> value or null), metric_params
// (the suite's parameters for each metric, so the export alone says how a score was computed), latency_ms,
// error, and the fields later steps fill: confidence, attempts, citations, usage, cost_usd.
nlohmann::ordered_json case_json(const store::RunRecord& run, const store::ResultRecord& result);

void write_jsonl(std::ostream& out, const store::RunRecord& run, const std::vector<store::ResultRecord>& results);

}  // namespace evalpanel::report
