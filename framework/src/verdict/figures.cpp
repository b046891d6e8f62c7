// compute_figures: the figures of each tool in a comparison (docs/panel.md "Figures").
#include <algorithm>

#include "metrics/metric.hpp"
#include "report/statistics.hpp"
#include "verdict/figure_names.hpp"
#include "verdict/primary_figures.hpp"
#include "verdict/verdict.hpp"

namespace evalpanel::verdict {
namespace {

using report::MetricSummary;
using report::RunSummary;

// A slice needs this many scored cases to be called the worst: one hard case is an anecdote.
constexpr std::size_t kWorstSliceMinScored = 3;

// A mean over several runs: each run's mean weighted by the cases it was computed over, which is the
// mean over all those cases.
struct Pool {
    double sum = 0;
    std::size_t n = 0;
    void add(const std::optional<double>& mean, std::size_t scored) {
        if (!mean || scored == 0) return;
        sum += *mean * static_cast<double>(scored);
        n += scored;
    }
    std::optional<double> mean() const {
        if (n == 0) return std::nullopt;
        return sum / static_cast<double>(n);
    }
};

struct ToolRuns {
    std::string tool;
    std::vector<const RunSummary*> runs;
};

std::vector<ToolRuns> group_by_tool(const std::vector<RunSummary>& runs) {
    std::vector<ToolRuns> tools;
    for (const RunSummary& run : runs) {
        auto it = std::find_if(tools.begin(), tools.end(), [&](const ToolRuns& t) { return t.tool == run.run.tool; });
        if (it == tools.end()) it = tools.insert(tools.end(), ToolRuns{run.run.tool, {}});
        it->runs.push_back(&run);
    }
    return tools;
}

const MetricSummary* find_summary(const std::vector<MetricSummary>& metrics, const std::string& id) {
    auto it = std::find_if(metrics.begin(), metrics.end(), [&](const MetricSummary& m) { return m.metric == id; });
    return it == metrics.end() ? nullptr : &*it;
}

std::optional<bool> direction_of(const std::string& metric_id) {
    const metrics::MetricDef* def = metrics::find_metric(metric_id);
    if (def == nullptr) return std::nullopt;
    return def->higher_is_better;
}

bool better(double a, double b, bool higher_is_better) { return higher_is_better ? a > b : a < b; }

using report::RunCases;
using AllCases = std::optional<std::vector<const RunCases*>>;

// The cases of every run of the tool, or nullopt when any run's cases were not given.
AllCases all_cases(const ComparisonInput& input, const ToolRuns& t) {
    std::vector<const RunCases*> cases;
    for (const RunSummary* run : t.runs) {
        auto it = input.cases.find(run->run.id);
        if (it == input.cases.end()) return std::nullopt;
        cases.push_back(&it->second);
    }
    return cases;
}

void add_counts(ToolFigures& out, const ToolRuns& t) {
    std::size_t cases = 0, ok = 0, timeout = 0, crash = 0;
    for (const RunSummary* run : t.runs) {
        cases += run->cases;
        ok += run->count("ok");
        timeout += run->count("timeout");
        crash += run->count("crash");
    }
    out.figures["runs"] = static_cast<double>(t.runs.size());
    out.figures["cases"] = static_cast<double>(cases);
    if (cases == 0) return;
    const auto share = [&](std::size_t n) { return static_cast<double>(n) / static_cast<double>(cases); };
    out.figures["error_rate"] = share(cases - ok);
    out.figures["timeout_rate"] = share(timeout);
    out.figures["crash_rate"] = share(crash);
}

void add_latency(ToolFigures& out, const ToolRuns& t, const AllCases& cases, const ComparisonInput& input) {
    std::optional<double> p50, p95;
    if (cases) {
        std::vector<double> latencies;
        for (const RunCases* run : *cases) {
            latencies.insert(latencies.end(), run->answered_latencies_ms.begin(), run->answered_latencies_ms.end());
        }
        p50 = report::percentile(latencies, 50);
        p95 = report::percentile(latencies, 95);
    } else if (t.runs.size() == 1) {
        p50 = t.runs.front()->latency_p50_ms;
        p95 = t.runs.front()->latency_p95_ms;
    }
    if (p50) out.figures["latency.p50_ms"] = *p50;
    if (p95) out.figures["latency.p95_ms"] = *p95;

    // Time to first answer: the first case of the tool's first run that got an answer (in suite order),
    // with whatever warm-up the tool does on its first request.
    if (auto it = input.cases.find(t.runs.front()->run.id); it != input.cases.end() && it->second.first_answer_ms) {
        out.figures["latency.first_answer_ms"] = *it->second.first_answer_ms;
    }
}

std::vector<std::string> metric_ids(const ToolRuns& t) {
    std::vector<std::string> ids;
    for (const RunSummary* run : t.runs) {
        for (const MetricSummary& m : run->metrics) {
            if (std::find(ids.begin(), ids.end(), m.metric) == ids.end()) ids.push_back(m.metric);
        }
    }
    return ids;
}

void add_metric(ToolFigures& out, const ToolRuns& t, const std::string& id, const AllCases& cases) {
    Pool pool;
    std::vector<const MetricSummary*> contributing;
    for (const RunSummary* run : t.runs) {
        if (const MetricSummary* m = find_summary(run->metrics, id); m && m->mean) {
            pool.add(m->mean, m->scored);
            contributing.push_back(m);
        }
    }
    if (!pool.mean()) return;
    out.figures[names::metric(id, "mean")] = *pool.mean();
    out.figures[names::metric(id, "scored")] = static_cast<double>(pool.n);

    std::optional<report::Interval> interval;
    if (contributing.size() == 1) {
        interval = contributing.front()->ci95;
    } else if (cases) {
        std::vector<double> values;
        for (const RunCases* run : *cases) {
            if (auto found = run->metric_values.find(id); found != run->metric_values.end()) {
                values.insert(values.end(), found->second.begin(), found->second.end());
            }
        }
        interval = report::mean_interval(values);
    }
    if (interval) {
        out.figures[names::metric(id, "ci_low")] = interval->low;
        out.figures[names::metric(id, "ci_high")] = interval->high;
    }
}

void add_slices(ToolFigures& out, const ToolRuns& t, const std::vector<std::string>& ids) {
    std::map<std::string, std::map<std::string, Pool>> pools;  // tag -> metric -> pool
    std::map<std::string, std::size_t> tag_cases;
    for (const RunSummary* run : t.runs) {
        for (const auto& [tag, n] : run->tag_cases) tag_cases[tag] += n;
        for (const auto& [tag, metrics] : run->by_tag) {
            for (const MetricSummary& m : metrics) pools[tag][m.metric].add(m.mean, m.scored);
        }
    }
    for (const auto& [tag, n] : tag_cases) out.figures[names::slice_cases(tag)] = static_cast<double>(n);
    for (const std::string& id : ids) {
        const std::optional<bool> up = direction_of(id);
        std::optional<std::pair<std::string, double>> worst;
        for (const auto& [tag, by_metric] : pools) {
            auto it = by_metric.find(id);
            if (it == by_metric.end() || !it->second.mean()) continue;
            const double mean = *it->second.mean();
            out.figures[names::slice_mean(tag, id)] = mean;
            const bool big_enough = it->second.n >= kWorstSliceMinScored;
            if (up && big_enough && (!worst || better(worst->second, mean, *up))) worst = {tag, mean};
        }
        if (worst) {
            out.figures[names::worst_slice(id) + ".mean"] = worst->second;
            out.figures[names::worst_slice(id) + ".cases"] = static_cast<double>(tag_cases[worst->first]);
            out.text[names::worst_slice(id)] = worst->first;
        }
    }
}

// change.<id>: over the runs that have a previous run with the metric, the pooled mean now minus the
// pooled mean of those previous runs.
void add_changes(ToolFigures& out, const ToolRuns& t, const ComparisonInput& input) {
    std::map<std::string, std::pair<Pool, Pool>> pools;  // metric -> (now, before)
    for (const RunSummary* run : t.runs) {
        auto previous = input.previous.find(run->run.id);
        if (previous == input.previous.end()) continue;
        for (const MetricSummary& now : run->metrics) {
            const MetricSummary* before = find_summary(previous->second.metrics, now.metric);
            if (!now.mean || now.scored == 0 || !before || !before->mean || before->scored == 0) continue;
            pools[now.metric].first.add(now.mean, now.scored);
            pools[now.metric].second.add(before->mean, before->scored);
        }
    }
    for (const auto& [id, pair] : pools) out.figures[names::change(id)] = *pair.first.mean() - *pair.second.mean();
}

std::optional<bool> entry_is_free(const ComparisonInput& input, const ToolRuns& t, const AllCases& cases) {
    if (auto it = input.tool_is_free.find(t.tool); it != input.tool_is_free.end()) return it->second;
    std::optional<bool> free;
    for (const RunSummary* run : t.runs) {
        if (run->run.pricing.is_object() && run->run.pricing.contains("free") && run->run.pricing["free"].is_boolean()) {
            free = free.value_or(true) && run->run.pricing["free"].get<bool>();
        }
    }
    if (!free && cases) {
        // Runs stored without pricing: a case that reported a cost proves the tool is paid.
        for (const RunCases* run : *cases) {
            if (run->any_priced_case) return false;
        }
    }
    return free;
}

// Cost per case: the mean of the costs the cases reported; 0 for a free tool whose cases reported none.
void add_entry_and_cost(ToolFigures& out, const ComparisonInput& input, const ToolRuns& t, const AllCases& cases) {
    const std::optional<bool> free = entry_is_free(input, t, cases);
    out.free = free.value_or(true);
    if (free) {
        out.figures["entry_free"] = *free ? 1 : 0;
        out.text["entry"] = *free ? "Free" : "Paid";
    }
    std::optional<double> per_case;
    if (cases) {
        double sum = 0;
        std::size_t n = 0;
        for (const RunCases* run : *cases) {
            sum += run->cost_sum_usd;
            n += run->cases_with_cost;
        }
        if (n > 0) per_case = sum / static_cast<double>(n);
    }
    if (!per_case && free == true) per_case = 0;
    if (per_case) {
        out.figures["cost.per_case_usd"] = *per_case;
        out.figures["cost.per_1000_usd"] = *per_case * 1000;
    }
}

void add_kind(ToolFigures& out, const ComparisonInput& input, const ToolRuns& t) {
    const store::RunRecord& first = t.runs.front()->run;
    out.plugin = first.plugin;
    out.plugin_version = first.plugin_version;
    auto kind = input.tool_kind.find(t.tool);
    out.kind = kind != input.tool_kind.end() ? kind->second : first.tool_kind;
    if (!out.plugin.empty()) out.text["plugin"] = out.plugin;
    if (out.kind.empty()) return;
    out.text["kind"] = out.kind;
    if (out.kind == "local") {
        out.figures["local"] = 1;
        out.text["setup"] = "runs on this machine, with no account and no key";
        out.text["offline"] = "keeps working with no network connection";
    } else if (out.kind == "remote") {
        out.figures["local"] = 0;
        out.text["setup"] = "is reached over the network, which takes an account and a key";
        out.text["offline"] = "stops working when the network or the vendor's service does";
    }
}

void add_votes(ToolFigures& out, const ComparisonInput& input) {
    auto it = input.votes.find(out.tool);
    if (it == input.votes.end()) return;
    out.figures["votes.up"] = it->second.first;
    out.figures["votes.down"] = it->second.second;
    out.figures["votes.total"] = it->second.first + it->second.second;
}

// The task with the most stored cases (the first run's on a tie) decides the default primary metric.
std::string main_task(const ToolRuns& t) {
    std::map<std::string, std::size_t> cases;
    for (const RunSummary* run : t.runs) cases[run->run.task] += run->cases;
    std::string task = t.runs.front()->run.task;
    for (const RunSummary* run : t.runs) {
        if (cases[run->run.task] > cases[task]) task = run->run.task;
    }
    return task;
}

// gap_to_best.<id>: how far this tool is ahead of the best other tool with that metric (positive = ahead,
// negative = behind), in the metric's units; needs the metric's direction and at least one other tool.
void add_gaps(std::vector<ToolFigures>& tools) {
    for (ToolFigures& tool : tools) {
        std::vector<std::pair<std::string, double>> means;
        for (const auto& [name, value] : tool.figures) {
            if (name.starts_with("metric.") && name.ends_with(".mean")) {
                means.emplace_back(name.substr(7, name.size() - 12), value);
            }
        }
        for (const auto& [id, mine] : means) {
            const std::optional<bool> up = direction_of(id);
            if (!up) continue;
            const ToolFigures* best = nullptr;
            double best_mean = 0;
            for (const ToolFigures& other : tools) {
                if (&other == &tool) continue;
                auto it = other.figures.find(names::metric(id, "mean"));
                if (it == other.figures.end()) continue;
                if (best == nullptr || better(it->second, best_mean, *up)) {
                    best = &other;
                    best_mean = it->second;
                }
            }
            if (best == nullptr) continue;
            tool.figures[names::gap_to_best(id)] = *up ? mine - best_mean : best_mean - mine;
            tool.text[names::best_competitor(id)] = best->tool;
        }
    }
}

}  // namespace

std::vector<ToolFigures> compute_figures(const ComparisonInput& input) {
    const std::vector<ToolRuns> groups = group_by_tool(input.runs);
    std::vector<ToolFigures> tools;
    for (const ToolRuns& t : groups) {
        ToolFigures out;
        out.tool = t.tool;
        for (const RunSummary* run : t.runs) out.run_ids.push_back(run->run.id);
        const AllCases cases = all_cases(input, t);
        add_counts(out, t);
        add_latency(out, t, cases, input);
        const std::vector<std::string> ids = metric_ids(t);
        for (const std::string& id : ids) add_metric(out, t, id, cases);
        add_slices(out, t, ids);
        add_changes(out, t, input);
        add_entry_and_cost(out, input, t, cases);
        add_kind(out, input, t);
        add_votes(out, input);
        out.figures["competitors"] = static_cast<double>(groups.size() - 1);
        out.text["primary"] = default_primary_metric(main_task(t));
        tools.push_back(std::move(out));
    }
    add_gaps(tools);
    for (ToolFigures& tool : tools) {
        const std::string primary = tool.text["primary"];  // a copy: setting the primary figures rewrites the text
        set_primary_figures(tool, primary);
    }
    return tools;
}

}  // namespace evalpanel::verdict
