#include "verdict/figure_names.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "metrics/metric.hpp"

namespace evalpanel::verdict::names {
namespace {

std::vector<std::string_view> split_dots(std::string_view name) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = name.find('.', start);
        parts.push_back(name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos) return parts;
        start = dot + 1;
    }
}

template <std::size_t N>
bool one_of(std::string_view word, const std::array<std::string_view, N>& words) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

std::string metric_id_problem(std::string_view id) {
    if (id == "primary" || metrics::find_metric(id) != nullptr) return "";
    return "unknown metric `" + std::string(id) + "` in a figure name (registered metrics, or `primary`)";
}

std::string expected(std::string_view name, std::string_view form) {
    return "figure `" + std::string(name) + "` does not fit its family: expected " + std::string(form);
}

constexpr std::array<std::string_view, 19> kSingleNames = {
    "cases", "runs", "error_rate", "timeout_rate", "crash_rate", "competitors",
    "latency.p50_ms", "latency.p95_ms", "latency.first_answer_ms",
    "cost.per_case_usd", "cost.per_1000_usd", "cost.monthly_usd", "monthly_volume", "quality_per_dollar",
    "entry_free", "local", "votes.up", "votes.down", "votes.total"};

constexpr std::array<std::string_view, 10> kPrimaryNames = {
    "primary.mean", "primary.ci_low", "primary.ci_high", "primary.scored", "primary.quality", "primary.change",
    "primary.gap_to_best", "primary.worst_slice.mean", "primary.worst_slice.quality", "primary.worst_slice.cases"};

}  // namespace

std::string check_figure_name(std::string_view name) {
    if (one_of(name, kSingleNames) || one_of(name, kPrimaryNames)) return "";
    const std::vector<std::string_view> parts = split_dots(name);
    const std::string_view family = parts.front();
    if (std::any_of(parts.begin(), parts.end(), [](std::string_view p) { return p.empty(); })) {
        return "figure `" + std::string(name) + "` has an empty part between dots";
    }
    if (family == "metric") {
        constexpr std::array<std::string_view, 4> stats = {"mean", "ci_low", "ci_high", "scored"};
        if (parts.size() != 3 || !one_of(parts[2], stats)) return expected(name, "metric.<id>.mean|ci_low|ci_high|scored");
        return metric_id_problem(parts[1]);
    }
    if (family == "slice") {
        if (parts.size() == 3 && parts[2] == "cases") return "";
        if (parts.size() < 4 || parts.back() != "mean") return expected(name, "slice.<tag>.<id>.mean or slice.<tag>.cases");
        return metric_id_problem(parts[parts.size() - 2]);
    }
    if (family == "worst_slice") {
        constexpr std::array<std::string_view, 2> stats = {"mean", "cases"};
        if (parts.size() != 3 || !one_of(parts[2], stats)) return expected(name, "worst_slice.<id>.mean|cases");
        return metric_id_problem(parts[1]);
    }
    if (family == "change" || family == "gap_to_best") {
        if (parts.size() != 2) return expected(name, std::string(family) + ".<id>");
        return metric_id_problem(parts[1]);
    }
    if (family == "primary") return expected(name, "one of primary.mean, ci_low, ci_high, scored, quality, change, "
                                                   "gap_to_best, worst_slice.mean, worst_slice.quality, worst_slice.cases");
    return "unknown figure family `" + std::string(family) + "` in `" + std::string(name) +
           "` (families: cases, runs, error_rate, timeout_rate, crash_rate, competitors, latency, cost, "
           "monthly_volume, quality_per_dollar, entry_free, local, votes, metric, slice, worst_slice, change, "
           "gap_to_best, primary)";
}

std::string check_text_name(std::string_view name) {
    constexpr std::array<std::string_view, 9> singles = {"primary", "primary.worst_slice", "primary.best_competitor", "primary.quality_label",
                                                         "setup", "offline", "entry", "kind", "plugin"};
    if (one_of(name, singles)) return "";
    const std::vector<std::string_view> parts = split_dots(name);
    if (parts.size() == 2 && (parts[0] == "worst_slice" || parts[0] == "best_competitor")) {
        return metric_id_problem(parts[1]);
    }
    return "unknown text `" + std::string(name) +
           "` (texts: primary, primary.worst_slice, primary.best_competitor, primary.quality_label, setup, offline, entry, kind, plugin, "
           "worst_slice.<id>, best_competitor.<id>)";
}

}  // namespace evalpanel::verdict::names
