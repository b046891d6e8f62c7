// Records with every field set to something other than its default, so a round trip that drops or
// swaps a field shows up.
#pragma once

#include <string>

#include "store/store.hpp"

namespace evalpanel::store::testing {

inline RunRecord sample_run(const std::string& batch = "batch-1", const std::string& tool = "tesseract") {
    RunRecord run;
    run.batch = batch;
    run.started_at = "2026-11-24T16:00:00.123Z";
    run.suite_name = "receipts-ocr";
    run.suite_path = "suites/ocr/receipts.yaml";
    run.suite_hash = "sha256:0123abcd";
    run.task = "ocr";
    run.tool = tool;
    run.plugin = "tesseract_ocr";
    run.plugin_version = "5.3.0";
    run.tool_config = {{"lang", "eng"}, {"psm", 3}, {"api_key", "[redacted]"}};
    run.evalpanel_version = "0.1.0";
    run.cases_total = 42;
    run.tool_kind = "remote";
    run.shard = "2/3";
    run.pricing = {{"free", false}, {"input_per_mtok", 2.0}};
    run.metrics = {{"cer", {{"collapse_whitespace", true}}}, {"exact_match", nlohmann::json::object()}};
    return run;
}

inline ResultRecord sample_result(std::int64_t run_id, const std::string& case_id) {
    ResultRecord result;
    result.run_id = run_id;
    result.case_id = case_id;
    result.case_index = 7;
    result.cached = true;
    result.details = {{"timings", {{"predicted_per_second", 80.5}}}};
    result.tags = {"printed", "receipt"};
    result.expected = "TOTAL $12.50";
    result.status = "ok";
    result.output = "TOTAL $12.5O";
    result.confidence = 0.87;
    result.citations = nlohmann::json::array(
        {{{"url", "https://example.org/a"}, {"title", "A"}, {"date", "2026-01-02"}, {"snippet", "s"}}});
    result.usage = {{"input_tokens", 120}, {"output_tokens", 9}, {"search_queries", 2}};
    result.cost_usd = 0.0042;
    result.latency_ms = 812.5;
    result.attempts = 2;
    result.error = "";
    result.scores = {{"cer", 0.083}, {"wer", 0.5}, {"exact_match", 0.0}};
    return result;
}

}  // namespace evalpanel::store::testing
