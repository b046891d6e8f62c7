// The JUnit XML report, so CI systems show an evaluation natively: one <testsuite> per run ("tool × suite"),
// one <testcase> per case, a <failure> where the case errored, timed out or crashed, or failed a pass rule.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "report/report_data.hpp"

namespace evalpanel::report {

// A per-case pass rule, from `--pass-if cer<=0.1`: the case fails when its value of `metric` does not
// satisfy `op threshold`. A case where the metric is undefined (or not scored) is not judged by the rule.
struct PassRule {
    std::string metric;
    std::string op;          // < <= > >= == !=
    double threshold = 0;
    std::string text;        // as given, without surrounding spaces

    bool passes(double value) const;
};

class PassRuleError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;  // one sentence naming the rule and what is wrong with it
};

// "cer<=0.1", "anls >= 0.5", "exact_match==1". Throws PassRuleError for a missing metric name, a missing or
// unknown operator, or a threshold that is not a finite number.
PassRule parse_pass_rule(const std::string& text);

// The rules whose metric no run of the report scores: almost always a typo the caller should reject.
std::vector<std::string> rules_without_metric(const ReportData& data, const std::vector<PassRule>& rules);

std::string render_junit(const ReportData& data, const std::vector<PassRule>& rules);

}  // namespace evalpanel::report
