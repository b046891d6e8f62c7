#include "report/compare.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <string_view>
#include <unordered_map>

#include "report/markdown.hpp"

namespace evalpanel::report {

void CaseValues::add(const store::CaseRow& row) {
    const std::size_t index = case_ids_.size();
    case_ids_.emplace_back(row.case_id);
    for (const store::ScoreRecord& score : row.scores) {
        auto found = std::find(metrics_.begin(), metrics_.end(), score.metric);
        if (found == metrics_.end()) {
            metrics_.push_back(score.metric);
            columns_.emplace_back();
            found = metrics_.end() - 1;
        }
        auto& column = columns_[static_cast<std::size_t>(found - metrics_.begin())];
        if (column.size() <= index) column.resize(index + 1);
        column[index] = score.value;
    }
    // Latency is only a property of an answer; a failed case has none worth comparing.
    latencies_.push_back(row.status == "ok" && !row.cached ? std::optional<double>(row.latency_ms) : std::nullopt);
}

std::optional<double> CaseValues::value(const std::string& metric, std::size_t index) const {
    if (metric == kLatencyMetric) return latencies_.at(index);
    const auto found = std::find(metrics_.begin(), metrics_.end(), metric);
    if (found == metrics_.end()) return std::nullopt;
    const auto& column = columns_[static_cast<std::size_t>(found - metrics_.begin())];
    return index < column.size() ? column[index] : std::nullopt;
}

CaseValues case_values(const std::vector<store::ResultRecord>& results) {
    CaseValues values;
    for (const store::ResultRecord& r : results) values.add(store::case_row(r));
    return values;
}

namespace {

// The cases both runs hold, as (base index, candidate index), in case-id order: the order the paired
// interval's resampling sees, the same whatever order the runs stored their cases in.
std::vector<std::pair<std::size_t, std::size_t>> pair_cases(const CaseValues& base, const CaseValues& candidate) {
    std::unordered_map<std::string_view, std::size_t> candidate_index;
    candidate_index.reserve(candidate.cases());
    for (std::size_t i = 0; i < candidate.cases(); ++i) candidate_index.emplace(candidate.case_ids()[i], i);
    std::vector<std::size_t> base_order(base.cases());
    for (std::size_t i = 0; i < base_order.size(); ++i) base_order[i] = i;
    std::sort(base_order.begin(), base_order.end(),
              [&](std::size_t a, std::size_t b) { return base.case_ids()[a] < base.case_ids()[b]; });
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (std::size_t i : base_order) {
        if (auto found = candidate_index.find(base.case_ids()[i]); found != candidate_index.end()) {
            pairs.emplace_back(i, found->second);
        }
    }
    return pairs;
}

double mean(const std::vector<double>& v) {
    double sum = 0;
    for (double x : v) sum += x;
    return sum / static_cast<double>(v.size());
}

std::string number(double v) { return format_value(v, 4); }

void judge(MetricComparison& m) {
    if (m.paired == 0) {
        m.verdict = "not comparable";
        m.reason = "no case has a value in both runs";
        return;
    }
    const double drop = m.higher_is_better ? -*m.difference : *m.difference;  // > 0: worse
    const bool worse_for_sure = m.higher_is_better ? m.interval->high < 0 : m.interval->low > 0;
    const bool better_for_sure = m.higher_is_better ? m.interval->low > 0 : m.interval->high < 0;
    if (m.max_drop) {
        if (drop > *m.max_drop) {
            m.verdict = "regression";
            m.reason = "worse by " + number(drop) + ", more than the allowed " + number(*m.max_drop);
        } else {
            m.verdict = better_for_sure ? "improvement" : "no significant change";
            m.reason = "within the allowed drop of " + number(*m.max_drop);
        }
        return;
    }
    if (m.metric == kLatencyMetric) {
        m.verdict = "not gated";
        m.reason = "latency is gated only with --max-drop latency_ms=MS";
        return;
    }
    if (worse_for_sure) {
        m.verdict = "regression";
        m.reason = "the 95% interval of the difference lies wholly on the worse side of zero";
    } else if (better_for_sure) {
        m.verdict = "improvement";
        m.reason = "the 95% interval of the difference lies wholly on the better side of zero";
    } else {
        m.verdict = "no significant change";
        m.reason = "the 95% interval of the difference includes zero";
    }
}

}  // namespace

bool Comparison::regression() const {
    return std::any_of(metrics.begin(), metrics.end(), [](const auto& m) { return m.verdict == "regression"; });
}

Comparison compare_runs(const store::RunRecord& base, const CaseValues& base_values, const store::RunRecord& candidate,
                        const CaseValues& candidate_values, const std::map<std::string, double>& max_drop,
                        const DirectionOf& higher_is_better) {
    Comparison c;
    c.base = base;
    c.candidate = candidate;
    c.base_cases = base_values.cases();
    c.candidate_cases = candidate_values.cases();
    std::vector<std::string> order = base_values.metrics();
    for (const std::string& metric : candidate_values.metrics()) {
        if (std::find(order.begin(), order.end(), metric) == order.end()) order.push_back(metric);
    }
    order.push_back(kLatencyMetric);

    const auto pairs = pair_cases(base_values, candidate_values);
    c.paired_cases = pairs.size();
    if (base.suite_hash != candidate.suite_hash) {
        c.notes.push_back("the runs used different versions of the suite (" + base.suite_hash.substr(0, 12) + " vs " +
                          candidate.suite_hash.substr(0, 12) + "): only cases with the same id are compared");
    }
    if (c.paired_cases < std::max(c.base_cases, c.candidate_cases)) {
        c.notes.push_back(std::to_string(c.paired_cases) + " cases are in both runs (baseline " +
                          std::to_string(c.base_cases) + ", candidate " + std::to_string(c.candidate_cases) + ")");
    }

    for (const std::string& metric : order) {
        MetricComparison m;
        m.metric = metric;
        m.higher_is_better = metric == kLatencyMetric ? false : higher_is_better(metric);
        if (auto it = max_drop.find(metric); it != max_drop.end()) m.max_drop = it->second;
        std::vector<double> b, k;
        for (const auto& [base_index, candidate_index] : pairs) {
            const std::optional<double> bv = base_values.value(metric, base_index);
            const std::optional<double> kv = candidate_values.value(metric, candidate_index);
            if (!bv || !kv) continue;
            b.push_back(*bv);
            k.push_back(*kv);
        }
        m.paired = b.size();
        if (!b.empty()) {
            m.base_mean = mean(b);
            m.candidate_mean = mean(k);
            m.difference = *m.candidate_mean - *m.base_mean;
            m.interval = paired_difference_interval(b, k);
        }
        judge(m);
        c.metrics.push_back(std::move(m));
    }
    return c;
}

Comparison compare_runs(const store::RunRecord& base, const std::vector<store::ResultRecord>& base_results,
                        const store::RunRecord& candidate, const std::vector<store::ResultRecord>& candidate_results,
                        const std::map<std::string, double>& max_drop, const DirectionOf& higher_is_better) {
    return compare_runs(base, case_values(base_results), candidate, case_values(candidate_results), max_drop,
                        higher_is_better);
}

std::string render_comparison_text(const Comparison& c) {
    std::ostringstream out;
    out << "baseline run " << c.base.id << " (" << c.base.tool << " × " << c.base.suite_name << ")  vs  candidate run "
        << c.candidate.id << " (" << c.candidate.tool << " × " << c.candidate.suite_name << ")\n";
    for (const auto& note : c.notes) out << "note: " << note << "\n";
    out << "\n";
    char line[512];
    std::snprintf(line, sizeof line, "%-24s %-7s %6s %10s %10s %10s  %-23s %9s  %s\n", "metric", "better", "cases",
                  "baseline", "candidate", "change", "95% interval of change", "max drop", "verdict");
    out << line;
    for (const auto& m : c.metrics) {
        const std::string interval =
            m.interval ? "[" + format_value(m.interval->low) + ", " + format_value(m.interval->high) + "]" : "—";
        std::snprintf(line, sizeof line, "%-24s %-7s %6zu %10s %10s %10s  %-23s %9s  %s\n", m.metric.c_str(),
                      m.higher_is_better ? "higher" : "lower", m.paired, format_value(m.base_mean).c_str(),
                      format_value(m.candidate_mean).c_str(), format_value(m.difference).c_str(), interval.c_str(),
                      m.max_drop ? format_value(*m.max_drop).c_str() : "—", m.verdict.c_str());
        out << line;
    }
    out << "\n" << (c.regression() ? "REGRESSION: " : "ok: ");
    std::vector<std::string> regressed;
    for (const auto& m : c.metrics) {
        if (m.verdict == "regression") regressed.push_back(m.metric + " (" + m.reason + ")");
    }
    if (regressed.empty()) {
        out << "no metric is worse than the baseline beyond its margin or its 95% interval\n";
    } else {
        for (std::size_t i = 0; i < regressed.size(); ++i) out << (i ? "; " : "") << regressed[i];
        out << "\n";
    }
    return out.str();
}

}  // namespace evalpanel::report
