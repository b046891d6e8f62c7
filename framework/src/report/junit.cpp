#include "report/junit.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "report/html_escape.hpp"

namespace evalpanel::report {

namespace {

constexpr std::size_t kMaxBodyBytes = 2000;  // expected/output text in a failure: enough to read, not a dump

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::string x(const std::string& text) { return escape_xml(text); }

std::string seconds(double ms) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.3f", ms / 1000.0);
    return buffer;
}

std::string number(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

std::string expected_text(const nlohmann::json& expected) {
    if (expected.is_string()) return expected.get<std::string>();
    if (expected.is_null()) return "";
    return expected.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Why a case fails, or "" when it passes: its error when it got no answer, else every rule it breaks.
std::string failure_message(const store::ResultRecord& r, const std::vector<PassRule>& rules) {
    if (r.status != "ok") return r.error.empty() ? r.status : r.error;
    std::string message;
    for (const PassRule& rule : rules) {
        for (const auto& s : r.scores) {
            if (s.metric == rule.metric && s.value && !rule.passes(*s.value)) {
                message += (message.empty() ? "" : "; ") + rule.metric + " = " + number(*s.value) + " fails " + rule.text;
            }
        }
    }
    return message;
}

}  // namespace

bool PassRule::passes(double value) const {
    if (op == "<") return value < threshold;
    if (op == "<=") return value <= threshold;
    if (op == ">") return value > threshold;
    if (op == ">=") return value >= threshold;
    if (op == "==") return value == threshold;
    if (op == "!=") return value != threshold;
    return false;
}

PassRule parse_pass_rule(const std::string& given) {
    const std::string text = trim(given);
    const std::string quoted = "pass rule '" + text + "'";
    const auto at = text.find_first_of("<>=!");
    if (at == std::string::npos) {
        throw PassRuleError(quoted + " has no comparison; write it as METRIC<=VALUE (operators: < <= > >= == !=)");
    }
    PassRule rule;
    rule.text = text;
    rule.metric = trim(text.substr(0, at));
    if (rule.metric.empty()) throw PassRuleError(quoted + " names no metric; write it as METRIC<=VALUE");
    std::size_t op_end = at;
    while (op_end < text.size() && std::string_view("<>=!").find(text[op_end]) != std::string_view::npos) ++op_end;
    rule.op = text.substr(at, op_end - at);
    static constexpr std::array<std::string_view, 6> ops = {"<", "<=", ">", ">=", "==", "!="};
    if (std::find(ops.begin(), ops.end(), rule.op) == ops.end()) {
        throw PassRuleError(quoted + ": '" + rule.op + "' is not an operator (use < <= > >= == !=)");
    }
    const std::string value = trim(text.substr(op_end));
    if (value.empty()) throw PassRuleError(quoted + " has no value after '" + rule.op + "'");
    errno = 0;
    char* end = nullptr;
    rule.threshold = std::strtod(value.c_str(), &end);
    if (end != value.c_str() + value.size() || errno == ERANGE || !std::isfinite(rule.threshold)) {
        throw PassRuleError(quoted + ": '" + value + "' is not a number");
    }
    return rule;
}

std::vector<std::string> rules_without_metric(const ReportData& data, const std::vector<PassRule>& rules) {
    std::vector<std::string> unknown;
    for (const PassRule& rule : rules) {
        bool scored = false;
        for (const auto& run : data.runs) {
            for (const auto& m : run.metrics) scored = scored || m.metric == rule.metric;
        }
        if (!scored) unknown.push_back(rule.text);
    }
    return unknown;
}

std::string render_junit(const ReportData& data, const std::vector<PassRule>& rules) {
    std::ostringstream suites;
    std::size_t total_tests = 0, total_failures = 0;
    double total_ms = 0;
    for (const auto& run : data.runs) {
        const auto& results = results_of(data, run.run.id);
        std::ostringstream cases;
        std::size_t failures = 0;
        double run_ms = 0;
        for (const auto& r : results) {
            run_ms += r.latency_ms;
            cases << "    <testcase classname=\"" << x(run.run.suite_name) << "\" name=\"" << x(r.case_id) << "\" time=\""
                  << seconds(r.latency_ms) << "\"";
            const std::string message = failure_message(r, rules);
            if (message.empty()) {
                cases << "/>\n";
                continue;
            }
            ++failures;
            const std::string type = r.status == "ok" ? "pass rule" : r.status;
            const std::string body = "expected: " + truncate_utf8(sanitize_utf8(expected_text(r.expected)), kMaxBodyBytes) +
                                     "\noutput: " + truncate_utf8(sanitize_utf8(r.output), kMaxBodyBytes);
            cases << ">\n      <failure message=\"" << x(message) << "\" type=\"" << x(type) << "\">" << x(body)
                  << "</failure>\n    </testcase>\n";
        }
        total_tests += results.size();
        total_failures += failures;
        total_ms += run_ms;
        suites << "  <testsuite name=\"" << x(run.run.tool + " × " + run.run.suite_name) << "\" tests=\"" << results.size()
               << "\" failures=\"" << failures << "\" errors=\"0\" skipped=\"0\" time=\"" << seconds(run_ms) << "\"";
        if (!run.run.started_at.empty()) suites << " timestamp=\"" << x(run.run.started_at) << "\"";
        suites << ">\n    <properties>\n"
               << "      <property name=\"run_id\" value=\"" << run.run.id << "\"/>\n"
               << "      <property name=\"tool\" value=\"" << x(run.run.tool) << "\"/>\n"
               << "      <property name=\"plugin\" value=\"" << x(run.run.plugin + " " + run.run.plugin_version) << "\"/>\n"
               << "      <property name=\"suite_hash\" value=\"" << x(run.run.suite_hash) << "\"/>\n"
               << "    </properties>\n"
               << cases.str() << "  </testsuite>\n";
    }
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\""
        << x(data.title.empty() ? "evalpanel" : data.title) << "\" tests=\"" << total_tests << "\" failures=\""
        << total_failures << "\" errors=\"0\" time=\"" << seconds(total_ms) << "\">\n"
        << suites.str() << "</testsuites>\n";
    return out.str();
}

}  // namespace evalpanel::report
