// A hand-built report for the renderer tests and the browser check: two tools on one suite, with every
// string a tool or a user controls set to something hostile (script, attribute break-outs, style and CDATA
// terminators, a javascript: URL, invalid UTF-8, XML-illegal control characters).
#pragma once

#include <string>

#include "report/report_data.hpp"

namespace evalpanel::report::sample {

inline const std::string kScript = "<script>document.title='PWNED';alert(1)</script>";
inline const std::string kImg = "\"><img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">";
inline const std::string kStyleEnd = "</style><b id=\"pwned-style\">x</b>";
inline const std::string kCdataEnd = "]]><svg onload=\"document.title='PWNED'\">";
inline const std::string kJsUrl = "javascript:alert(1)";
inline const std::string kBadUtf8 = "caf\xC3 \xFF\xFE bad";          // a truncated sequence, then two invalid bytes
inline const std::string kXmlIllegal = std::string("bell\x07 nul") + '\0' + " vt\x0B end";

inline store::ResultRecord result(std::int64_t run_id, const std::string& id, int index, std::vector<std::string> tags,
                                  const std::string& output, std::optional<double> cer, double latency_ms) {
    store::ResultRecord r;
    r.run_id = run_id;
    r.case_id = id;
    r.case_index = index;
    r.tags = std::move(tags);
    r.expected = "TOTAL 12.50";
    r.status = "ok";
    r.output = output;
    r.latency_ms = latency_ms;
    r.scores = {{"cer", cer}};
    return r;
}

inline verdict::ReviewerVerdict review(const std::string& id, std::optional<bool> ship, std::vector<std::string> sentences,
                                       verdict::FigureMap used) {
    verdict::ReviewerVerdict r;
    r.reviewer_id = id;
    r.title = "The " + id;
    r.lens = id + " lens";
    r.ship = ship;
    r.sentences = std::move(sentences);
    r.figures_used = std::move(used);
    return r;
}

// Run 1: "tesseract" (local, free), four cases. Run 2: a remote tool with a hostile name, three cases,
// one timed out and one errored, each case costing $0.002.
inline ReportData hostile_report() {
    ReportData data;
    data.title = "OCR comparison " + kScript;
    data.generated_at = "2026-11-24T16:00:00.000Z";
    data.higher_is_better = {{"cer", false}};

    store::RunRecord a;
    a.id = 1;
    a.tool = "tesseract";
    a.plugin = "tesseract_ocr";
    a.plugin_version = "5.3.0";
    a.tool_kind = "local";
    a.suite_name = "receipts";
    a.suite_hash = "0123456789abcdef";
    a.started_at = "2026-11-24T15:00:00.000Z";
    a.evalpanel_version = "0.1.0";
    a.pricing = {{"free", true}};
    std::vector<store::ResultRecord> ra = {
        result(1, "case-" + kScript, 0, {"clean"}, kScript, 0.1, 100),
        result(1, "case-img", 1, {"degraded" + kImg}, kImg, 0.3, 200),
        result(1, "case-style", 2, {"clean"}, kStyleEnd + " " + kCdataEnd + " " + kBadUtf8, 0.0, 300),
        result(1, "case-bytes", 3, {"degraded" + kImg}, kBadUtf8 + " " + kJsUrl + " " + kXmlIllegal, std::nullopt, 400),
    };

    store::RunRecord b = a;
    b.id = 2;
    b.tool = "cloud" + kImg;
    b.plugin = "cloud_api";
    b.plugin_version = "2";
    b.tool_kind = "remote";
    b.pricing = {{"free", false}, {"per_request", 0.002}};
    std::vector<store::ResultRecord> rb = {
        result(2, "case-" + kScript, 0, {"clean"}, "TOTAL 12.50", 0.0, 900),
        result(2, "case-img", 1, {"degraded" + kImg}, "", 1.0, 30000),
        result(2, "case-style", 2, {"clean"}, "", 1.0, 1200),
    };
    rb[1].status = "timeout";
    rb[1].error = "timeout: no answer in 30 s " + kScript;
    rb[2].status = "error";
    rb[2].error = "http: 500 " + kImg + " " + kXmlIllegal;
    for (auto& r : rb) r.cost_usd = 0.002;

    data.runs = {summarize(a, ra), summarize(b, rb)};
    data.results = {{1, ra}, {2, rb}};
    data.cases = {{1, collect_run_cases(ra)}, {2, collect_run_cases(rb)}};

    verdict::ToolVerdict va;
    va.figures.tool = a.tool;
    va.figures.plugin = a.plugin;
    va.figures.plugin_version = a.plugin_version;
    va.figures.kind = "local";
    va.figures.free = true;
    va.figures.run_ids = {1};
    va.figures.figures = {{"metric.cer.mean", 0.1333}, {"latency.p95_ms", 385}};
    va.figures.text = {{"worst_slice", "degraded" + kImg}};
    va.reviews = {review("builder", true, {"Runs locally; p95 latency 385 ms.", "Output " + kScript}, {{"latency.p95_ms", 385}}),
                  review("skeptic", false, {"Worst slice cer 0.2000."}, {{"slice.degraded.cer.mean", 0.2}}),
                  review("buyer", std::nullopt, {"Cost not measured."}, {})};
    va.reviews[1].failed_conditions = {"slice.degraded.cer.mean <= 0.1"};
    va.reviews[2].missing_figures = {"cost.per_case_usd"};
    va.panel_ship_pct = 50;
    va.entry = "Free";
    va.pricing.cost_per_case_usd = 0.0;
    va.pricing.cost_per_1000_usd = 0.0;
    va.pricing.monthly_cost_usd = 0.0;
    va.pricing.sentence = "Free: $0.00 per 1,000 cases.";
    va.split.ship = {"builder"};
    va.split.dont_ship = {"skeptic"};
    va.split.undecided = {"buyer"};
    va.split.sentence = "The skeptic disagrees on slice.degraded.cer.mean (0.2000).";
    va.community = std::nullopt;

    verdict::ToolVerdict vb;
    vb.figures.tool = b.tool;
    vb.figures.plugin = b.plugin;
    vb.figures.plugin_version = b.plugin_version;
    vb.figures.kind = "remote";
    vb.figures.free = false;
    vb.figures.run_ids = {2};
    vb.figures.figures = {{"metric.cer.mean", 0.6667}, {"cost.per_1000_usd", 2}};
    vb.reviews = {review("builder", false, {"Error rate 66.7%. " + kCdataEnd}, {{"errors.rate", 0.667}}),
                  review("buyer", true, {"$2.00 per 1,000 cases; $20.00 a month at 10000 cases."},
                         {{"cost.per_1000_usd", 2}, {"cost.monthly_usd", 20}})};
    vb.panel_ship_pct = 25;
    vb.entry = "Paid";
    vb.pricing.cost_per_case_usd = 0.002;
    vb.pricing.cost_per_1000_usd = 2.0;
    vb.pricing.monthly_cost_usd = 20.0;
    vb.pricing.quality_per_dollar = 166.65;
    vb.pricing.sentence = "$2.00 per 1,000 cases " + kJsUrl;
    vb.split.ship = {"buyer"};
    vb.split.dont_ship = {"builder"};
    vb.split.sentence = "The builder and the buyer disagree on errors.rate (0.667).";
    vb.community = std::make_pair(3, 1);
    data.verdicts = {va, vb};
    return data;
}

}  // namespace evalpanel::report::sample
