#include "comparison_fixture.hpp"

#include <cctype>

namespace evalpanel::verdict::testing {
namespace {

report::MetricSummary metric(const std::string& id, double mean, std::size_t scored,
                             std::optional<report::Interval> ci = std::nullopt) {
    report::MetricSummary m;
    m.metric = id;
    m.mean = mean;
    m.scored = scored;
    m.ci95 = ci;
    return m;
}

report::RunSummary run(std::int64_t id, const std::string& tool, const std::string& suite) {
    report::RunSummary s;
    s.run.id = id;
    s.run.tool = tool;
    s.run.suite_name = suite;
    s.run.task = "ocr";
    s.run.plugin = tool + "_plugin";
    s.run.plugin_version = "1.0";
    return s;
}

}  // namespace

ComparisonInput two_tool_comparison() {
    ComparisonInput input;

    // alpha run 1: 10 cases, 1 error. cer 0.10, exact_match 0.6; clean 0.02 (5), degraded 0.18 (5).
    report::RunSummary a1 = run(1, "alpha", "codes");
    a1.cases = 10;
    a1.by_status = {{"ok", 9}, {"error", 1}};
    a1.latency_p50_ms = 100;
    a1.latency_p95_ms = 300;
    a1.metrics = {metric("cer", 0.10, 10, report::Interval{0.05, 0.2}), metric("exact_match", 0.6, 10)};
    a1.by_tag = {{"clean", {metric("cer", 0.02, 5)}}, {"degraded", {metric("cer", 0.18, 5)}}};
    a1.tag_cases = {{"clean", 5}, {"degraded", 5}};

    // alpha run 2: 30 cases, all ok. cer 0.06, exact_match 0.8; clean 0.04 (20), degraded 0.10 (10),
    // rotation 0.5 on 2 cases (too few to be called the worst slice).
    report::RunSummary a2 = run(2, "alpha", "docs");
    a2.cases = 30;
    a2.by_status = {{"ok", 30}};
    a2.latency_p50_ms = 200;
    a2.latency_p95_ms = 400;
    a2.metrics = {metric("cer", 0.06, 30, report::Interval{0.03, 0.1}), metric("exact_match", 0.8, 30)};
    a2.by_tag = {{"clean", {metric("cer", 0.04, 20)}},
                 {"degraded", {metric("cer", 0.10, 10)}},
                 {"rotation", {metric("cer", 0.5, 2)}}};
    a2.tag_cases = {{"clean", 20}, {"degraded", 10}, {"rotation", 2}};

    // The run before alpha's run 1, same suite: cer 0.12, exact_match 0.5.
    report::RunSummary a0 = run(0, "alpha", "codes");
    a0.cases = 10;
    a0.metrics = {metric("cer", 0.12, 10), metric("exact_match", 0.5, 10)};

    // beta run 3: 10 cases, all ok. cer 0.05, exact_match 0.9; clean 0.02 (5), degraded 0.08 (5).
    report::RunSummary b = run(3, "beta", "codes");
    b.run.tool_kind = "remote";
    b.run.pricing = {{"free", false}, {"per_request", 0.02}};
    b.cases = 10;
    b.by_status = {{"ok", 10}};
    b.metrics = {metric("cer", 0.05, 10, report::Interval{0.01, 0.1}), metric("exact_match", 0.9, 10)};
    b.by_tag = {{"clean", {metric("cer", 0.02, 5)}}, {"degraded", {metric("cer", 0.08, 5)}}};
    b.tag_cases = {{"clean", 5}, {"degraded", 5}};
    std::vector<store::ResultRecord> cases;
    for (int i = 0; i < 10; ++i) {
        store::ResultRecord r;
        r.run_id = 3;
        r.case_id = "c" + std::to_string(i);
        r.case_index = i;
        r.status = "ok";
        r.latency_ms = 1000.0 * (i + 1);
        r.cost_usd = i % 2 == 0 ? 0.01 : 0.03;
        r.scores = {{"cer", 0.05}};
        cases.push_back(r);
    }

    input.runs = {a1, a2, b};
    input.previous = {{1, a0}};
    input.cases = {{3, report::collect_run_cases(cases)}};
    input.votes = {{"alpha", {3, 1}}};
    input.tool_is_free = {{"alpha", true}};
    input.tool_kind = {{"alpha", "local"}};
    return input;
}

ComparisonInput single_tool_comparison() {
    report::RunSummary t = run(7, "tesseract", "ocr-codes");
    t.run.tool_kind = "local";
    t.run.pricing = {{"free", true}};
    t.cases = 25;
    t.by_status = {{"ok", 25}};
    t.latency_p50_ms = 56.1;
    t.latency_p95_ms = 88.3;
    t.metrics = {metric("cer", 0.0993, 25, report::Interval{0.013, 0.22}), metric("exact_match", 0.76, 25)};
    t.by_tag = {{"clean", {metric("cer", 0.0063, 12), metric("exact_match", 0.8333, 12)}},
                {"degraded", {metric("cer", 0.1852, 13), metric("exact_match", 0.6923, 13)}}};
    t.tag_cases = {{"clean", 12}, {"degraded", 13}};
    ComparisonInput input;
    input.runs = {t};
    return input;
}

std::vector<std::string> numbers_in(const std::string& text) {
    std::vector<std::string> numbers;
    const auto glued = [&](std::size_t i) {
        const auto c = static_cast<unsigned char>(text[i]);
        return std::isalnum(c) || c == '_' || c == '.';
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i])) || (i > 0 && glued(i - 1))) continue;
        std::size_t end = i;
        while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) ||
                                     ((text[end] == ',' || text[end] == '.') && end + 1 < text.size() &&
                                      std::isdigit(static_cast<unsigned char>(text[end + 1]))))) {
            ++end;
        }
        numbers.push_back(text.substr(i, end - i));
        i = end;
    }
    return numbers;
}

}  // namespace evalpanel::verdict::testing
