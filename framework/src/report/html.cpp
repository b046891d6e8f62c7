#include "report/html.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>

#include "report/html_escape.hpp"
#include "report/markdown.hpp"
#include "report/svg_charts.hpp"

namespace evalpanel::report {

namespace {

constexpr std::size_t kMaxFailedCasesShown = 20;
constexpr std::size_t kWorstCasesShown = 5;
constexpr std::size_t kMaxExcerptBytes = 300;

// Inline and static: no data ever goes into the style sheet.
constexpr const char* kStyle = R"css(
:root{--ink:#1d2330;--muted:#5b6475;--line:#d9dee7;--bg:#f6f7f9;--ship:#137a3a;--noship:#b3261e;--undecided:#8a6d00}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
main{max-width:1360px;margin:0 auto;padding:24px}
header.page h1{margin:0;font-size:26px}
header.page .vs{font-size:20px;margin:4px 0}
.muted,small{color:var(--muted)}
h2{margin:32px 0 12px;font-size:20px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{margin:0 0 2px;font-size:19px}
h4{margin:16px 0 6px;font-size:13px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.cards{display:grid;gap:16px;align-items:start;overflow-x:auto}
.card{background:#fff;border:1px solid var(--line);border-top:6px solid var(--ink);border-radius:8px;padding:16px;min-width:300px}
.pitch{margin:0 0 12px;color:var(--muted)}
.figures{display:grid;grid-template-columns:repeat(3,1fr);gap:8px;margin-bottom:8px}
.figures div{background:var(--bg);border-radius:6px;padding:8px;text-align:center}
.figures b{display:block;font-size:24px}
.figures span{font-size:12px;color:var(--muted)}
.review{border-top:1px solid var(--line);padding:8px 0}
.review p{margin:4px 0}
.badge{display:inline-block;border-radius:4px;padding:0 8px;font-size:12px;font-weight:600;color:#fff;margin-right:6px}
.badge.ship{background:var(--ship)}.badge.dont_ship{background:var(--noship)}.badge.undecided{background:var(--undecided)}
.why{font-size:13px;color:var(--muted)}
dl.pricing{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;margin:6px 0;font-size:14px}
dl.pricing dt{color:var(--muted)}dl.pricing dd{margin:0}
table{border-collapse:collapse;background:#fff;margin:8px 0 16px;font-size:14px}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.text{max-width:420px;white-space:pre-wrap;overflow-wrap:anywhere}
.chart{background:#fff;border:1px solid var(--line);border-radius:6px;margin:8px 0 16px;max-width:100%;height:auto}
.chart .grid{stroke:#e4e7ec}.chart .tick{font-size:11px;fill:var(--muted)}.chart .label{font-size:12px;fill:var(--ink)}
.chart .value{font-size:10px;fill:var(--ink)}.chart .whisker{stroke:#222;fill:none;stroke-width:1.5}
.legend span{display:inline-block;margin-right:16px}.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
footer{margin-top:32px;font-size:13px;color:var(--muted)}
)css";

std::string h(const std::string& text) { return escape_html(text); }

// A long output or error, cut to a readable length before it is escaped.
std::string excerpt(const std::string& text) { return h(truncate_utf8(sanitize_utf8(text), kMaxExcerptBytes)); }

std::string ms(const std::optional<double>& value) { return value ? format_value(value, 1) + " ms" : "—"; }

std::string usd(const std::optional<double>& value, int decimals = 4) {
    return value ? "$" + format_value(value, decimals) : "not measured";
}

std::string percent(const std::optional<double>& value) {
    if (!value) return "—";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f%%", *value);
    return buffer;
}

std::string interval(const std::optional<Interval>& ci) {
    return ci ? "[" + format_value(ci->low, 4) + ", " + format_value(ci->high, 4) + "]" : "—";
}

std::string direction_note(const ReportData& data, const std::string& metric) {
    const auto it = data.higher_is_better.find(metric);
    if (it == data.higher_is_better.end()) return "";
    return it->second ? "higher is better" : "lower is better";
}

std::string run_label(const RunSummary& run) { return run.run.tool + " × " + run.run.suite_name; }

const MetricSummary* find_metric(const std::vector<MetricSummary>& metrics, const std::string& id) {
    for (const auto& m : metrics) {
        if (m.metric == id) return &m;
    }
    return nullptr;
}

std::vector<std::string> metric_order(const std::vector<RunSummary>& runs) {
    std::vector<std::string> order;
    for (const auto& run : runs) {
        for (const auto& m : run.metrics) {
            if (std::find(order.begin(), order.end(), m.metric) == order.end()) order.push_back(m.metric);
        }
    }
    return order;
}

std::vector<std::string> suite_order(const std::vector<RunSummary>& runs) {
    std::vector<std::string> order;
    for (const auto& run : runs) {
        if (std::find(order.begin(), order.end(), run.run.suite_name) == order.end()) order.push_back(run.run.suite_name);
    }
    return order;
}

std::string joined(const std::vector<std::string>& items, const std::string& separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? separator : "") + items[i];
    return out;
}

std::size_t colour_index(const std::vector<std::string>& tools, const std::string& tool) {
    return static_cast<std::size_t>(std::find(tools.begin(), tools.end(), tool) - tools.begin());
}

// ---- Verdict cards ----------------------------------------------------------------------------------

std::string pitch(const verdict::ToolFigures& f) {
    std::string kind = f.kind == "local" ? "runs locally, no account or key" : f.kind == "remote" ? "remote service" : f.kind;
    std::string text = f.plugin + (f.plugin_version.empty() ? "" : " " + f.plugin_version);
    if (!kind.empty()) text += " · " + kind;
    return text;
}

std::string community(const std::optional<std::pair<int, int>>& votes) {
    if (!votes) return "—";
    return "▲" + std::to_string(votes->first) + " ▼" + std::to_string(votes->second);
}

std::string decision_class(const std::optional<bool>& ship) { return !ship ? "undecided" : *ship ? "ship" : "dont_ship"; }
std::string decision_text(const std::optional<bool>& ship) { return !ship ? "Undecided" : *ship ? "Ship" : "Don't ship"; }

void write_review(std::ostringstream& out, const verdict::ReviewerVerdict& r) {
    out << "<section class=\"review\"><div><span class=\"badge " << decision_class(r.ship) << "\">" << decision_text(r.ship)
        << "</span><b>" << h(r.title.empty() ? r.reviewer_id : r.title) << "</b>";
    if (!r.lens.empty()) out << " <small>" << h(r.lens) << "</small>";
    out << "</div>";
    if (!r.sentences.empty()) {
        std::vector<std::string> escaped;
        for (const auto& s : r.sentences) escaped.push_back(h(s));
        out << "<p>“" << joined(escaped, " ") << "”</p>";
    }
    if (!r.failed_conditions.empty()) {
        std::vector<std::string> escaped;
        for (const auto& c : r.failed_conditions) escaped.push_back("<code>" + h(c) + "</code>");
        out << "<p class=\"why\">Rules not met: " << joined(escaped, ", ") << "</p>";
    }
    if (!r.missing_figures.empty()) {
        std::vector<std::string> escaped;
        for (const auto& m : r.missing_figures) escaped.push_back("<code>" + h(m) + "</code>");
        out << "<p class=\"why\">Not measured: " << joined(escaped, ", ") << "</p>";
    }
    out << "</section>";
}

void write_pricing(std::ostringstream& out, const verdict::PricingRead& p) {
    out << "<h4>Pricing read</h4>";
    if (!p.sentence.empty()) out << "<p>" << h(p.sentence) << "</p>";
    out << "<dl class=\"pricing\"><dt>Cost per case</dt><dd>" << usd(p.cost_per_case_usd, 6) << "</dd>"
        << "<dt>Cost per 1,000 cases</dt><dd>" << usd(p.cost_per_1000_usd, 2) << "</dd>"
        << "<dt>Monthly at panel volume</dt><dd>" << usd(p.monthly_cost_usd, 2) << "</dd>"
        << "<dt>Quality per dollar</dt><dd>" << (p.quality_per_dollar ? format_value(p.quality_per_dollar, 4) : "—")
        << "</dd></dl>";
}

void write_split(std::ostringstream& out, const verdict::Split& s) {
    auto names = [](const std::vector<std::string>& ids) {
        std::vector<std::string> escaped;
        for (const auto& id : ids) escaped.push_back(h(id));
        return ids.empty() ? std::string("none") : joined(escaped, ", ");
    };
    out << "<h4>Split</h4><p>Ship: " << names(s.ship) << " · Don't ship: " << names(s.dont_ship)
        << " · Undecided: " << names(s.undecided) << "</p>";
    if (!s.sentence.empty()) out << "<p>" << h(s.sentence) << "</p>";
}

void write_verdict_cards(std::ostringstream& out, const ReportData& data, const std::vector<std::string>& tools) {
    if (data.verdicts.empty()) return;
    out << "<h2 id=\"verdict\">Panel verdict</h2><div class=\"cards\" style=\"grid-template-columns:repeat("
        << data.verdicts.size() << ",minmax(300px,1fr))\">";
    for (const auto& v : data.verdicts) {
        out << "<article class=\"card\" style=\"border-top-color:" << tool_colour(colour_index(tools, v.figures.tool))
            << "\"><h3>" << h(v.figures.tool) << "</h3><p class=\"pitch\">" << h(pitch(v.figures)) << "</p>"
            << "<div class=\"figures\"><div><b>" << percent(v.panel_ship_pct) << "</b><span>Panel ship</span></div>"
            << "<div><b>" << community(v.community) << "</b><span>Community</span></div>"
            << "<div><b>" << h(v.entry.empty() ? "—" : v.entry) << "</b><span>Entry</span></div></div>"
            << "<h4>Reviewer scorecard</h4>";
        for (const auto& r : v.reviews) write_review(out, r);
        write_pricing(out, v.pricing);
        write_split(out, v.split);
        out << "</article>";
    }
    out << "</div>";
}

// ---- Tables -------------------------------------------------------------------------------------------

void write_overview(std::ostringstream& out, const ReportData& data) {
    out << "<h2 id=\"runs\">Runs</h2><table><tr><th>run</th><th>tool</th><th>suite</th><th>cases</th><th>ok</th>"
           "<th>errors</th><th>timeouts</th><th>p50</th><th>p95</th><th>cost / 1,000 cases</th></tr>";
    for (const auto& run : data.runs) {
        const RunCost cost = run_cost(run, cases_of(data, run.run.id));
        out << "<tr><td class=\"num\">" << run.run.id << "</td><td>" << h(run.run.tool) << "</td><td>"
            << h(run.run.suite_name) << "</td><td class=\"num\">" << run.cases << "</td><td class=\"num\">"
            << run.count("ok") << "</td><td class=\"num\">" << run.count("error") + run.count("crash")
            << "</td><td class=\"num\">" << run.count("timeout") << "</td><td class=\"num\">" << ms(run.latency_p50_ms)
            << "</td><td class=\"num\">" << ms(run.latency_p95_ms) << "</td><td class=\"num\">"
            << (cost.free && cost.cases_with_cost == 0 ? "$0 (free)" : usd(cost.per_1000_usd, 2)) << "</td></tr>";
    }
    out << "</table>";
}

void write_metric_tables(std::ostringstream& out, const ReportData& data) {
    out << "<h2 id=\"metrics\">Scores with 95% intervals</h2><p class=\"muted\">Means over the cases where the metric "
           "is defined; the interval is a 95% bootstrap interval of the mean; n/a counts cases where the metric does "
           "not apply. A case without an answer is scored as an empty answer.</p>";
    for (const std::string& metric : metric_order(data.runs)) {
        const std::string note = direction_note(data, metric);
        out << "<h3>" << h(metric) << (note.empty() ? "" : " <small>(" + note + ")</small>") << "</h3>"
            << "<table><tr><th>tool</th><th>suite</th><th>mean</th><th>95% interval</th><th>scored</th><th>n/a</th></tr>";
        for (const auto& run : data.runs) {
            const MetricSummary* m = find_metric(run.metrics, metric);
            if (!m) continue;
            out << "<tr><td>" << h(run.run.tool) << "</td><td>" << h(run.run.suite_name) << "</td><td class=\"num\">"
                << format_value(m->mean) << "</td><td class=\"num\">" << interval(m->ci95) << "</td><td class=\"num\">"
                << m->scored << "</td><td class=\"num\">" << m->undefined << "</td></tr>";
        }
        out << "</table>";
    }
}

// Per suite and metric: the slices (tags) down, the tools across, so a tool's weak slice stands out.
void write_slice_tables(std::ostringstream& out, const ReportData& data) {
    bool any = false;
    for (const auto& run : data.runs) any = any || !run.by_tag.empty();
    if (!any) return;
    out << "<h2 id=\"slices\">Per slice</h2>";
    for (const std::string& suite : suite_order(data.runs)) {
        std::vector<const RunSummary*> runs;
        std::set<std::string> tags;
        for (const auto& run : data.runs) {
            if (run.run.suite_name != suite) continue;
            runs.push_back(&run);
            for (const auto& [tag, metrics] : run.by_tag) tags.insert(tag);
        }
        if (tags.empty()) continue;
        std::vector<RunSummary> suite_runs;
        for (const RunSummary* r : runs) suite_runs.push_back(*r);
        for (const std::string& metric : metric_order(suite_runs)) {
            out << "<h3>" << h(suite) << " · " << h(metric) << "</h3><table><tr><th>slice</th>";
            for (const RunSummary* r : runs) out << "<th>" << h(r->run.tool) << "</th>";
            out << "</tr>";
            for (const std::string& tag : tags) {
                out << "<tr><td>" << h(tag) << "</td>";
                for (const RunSummary* r : runs) {
                    const auto it = r->by_tag.find(tag);
                    const MetricSummary* m = it == r->by_tag.end() ? nullptr : find_metric(it->second, metric);
                    out << "<td class=\"num\">";
                    if (m) out << format_value(m->mean) << " " << interval(m->ci95) << " <small>n=" << m->scored << "</small>";
                    else out << "—";
                    out << "</td>";
                }
                out << "</tr>";
            }
            out << "</table>";
        }
    }
}

// ---- Charts -------------------------------------------------------------------------------------------

void write_charts(std::ostringstream& out, const ReportData& data, const std::vector<std::string>& tools) {
    if (data.runs.empty()) return;
    out << "<h2 id=\"charts\">Charts</h2><p class=\"legend\">";
    for (std::size_t i = 0; i < tools.size(); ++i) {
        out << "<span><i style=\"background:" << tool_colour(i) << "\"></i>" << h(tools[i]) << "</span>";
    }
    out << "</p>";

    const std::vector<std::string> suites = suite_order(data.runs);
    std::vector<ScoreGroup> groups;
    for (const std::string& suite : suites) {
        for (const std::string& metric : metric_order(data.runs)) {
            ScoreGroup group{suites.size() > 1 ? suite + " · " + metric : metric, direction_note(data, metric), {}};
            for (const auto& run : data.runs) {
                const MetricSummary* m = run.run.suite_name == suite ? find_metric(run.metrics, metric) : nullptr;
                if (m) group.bars.push_back({run.run.tool, m->mean, m->ci95});
            }
            if (!group.bars.empty()) groups.push_back(group);
        }
    }
    out << "<h3>Score per tool and metric</h3>" << score_chart_svg(groups, tools);

    std::vector<LatencySeries> latency;
    for (const std::string& tool : tools) {
        LatencySeries series{tool, {}};
        bool has_run = false;
        for (const auto& run : data.runs) {
            if (run.run.tool != tool) continue;
            has_run = true;
            const auto& answered = cases_of(data, run.run.id).answered_latencies_ms;
            series.latencies_ms.insert(series.latencies_ms.end(), answered.begin(), answered.end());
        }
        if (has_run) latency.push_back(series);
    }
    out << "<h3>Latency distribution</h3>" << latency_chart_svg(latency, tools)
        << "<p class=\"muted\">Box: middle half of the answered cases; thick line: median; whiskers: fastest and slowest "
           "case.</p>";

    // One scatter per primary metric (a suite's first metric), so unlike scores never share an axis.
    std::vector<std::string> primaries;
    for (const auto& run : data.runs) {
        if (!run.metrics.empty() &&
            std::find(primaries.begin(), primaries.end(), run.metrics.front().metric) == primaries.end()) {
            primaries.push_back(run.metrics.front().metric);
        }
    }
    for (const std::string& metric : primaries) {
        std::vector<CostPoint> points;
        for (const auto& run : data.runs) {
            if (run.metrics.empty() || run.metrics.front().metric != metric) continue;
            const RunCost cost = run_cost(run, cases_of(data, run.run.id));
            points.push_back({run.run.tool, run_label(run), cost.per_1000_usd, run.metrics.front().mean,
                              cost.free && cost.cases_with_cost == 0});
        }
        out << "<h3>Cost against " << h(metric) << "</h3>"
            << cost_quality_svg(metric, direction_note(data, metric), points, tools)
            << "<p class=\"muted\">A free tool is placed at cost 0.</p>";
    }
}

// ---- Cases --------------------------------------------------------------------------------------------

std::string expected_text(const nlohmann::json& expected) {
    if (expected.is_string()) return expected.get<std::string>();
    if (expected.is_null()) return "";
    return expected.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<double> score_of(const store::ResultRecord& r, const std::string& metric) {
    for (const auto& s : r.scores) {
        if (s.metric == metric) return s.value;
    }
    return std::nullopt;
}

void write_case_row(std::ostringstream& out, const store::ResultRecord& r, const std::string& extra) {
    std::vector<std::string> tags;
    for (const auto& t : r.tags) tags.push_back(h(t));
    out << "<tr><td>" << h(r.case_id) << "</td><td>" << joined(tags, ", ") << "</td>" << extra << "<td class=\"text\">"
        << excerpt(expected_text(r.expected)) << "</td><td class=\"text\">" << excerpt(r.output) << "</td></tr>";
}

void write_cases(std::ostringstream& out, const ReportData& data) {
    bool header = false;
    for (const auto& run : data.runs) {
        const auto& results = results_of(data, run.run.id);
        std::vector<const store::ResultRecord*> failed;
        for (const auto& r : results) {
            if (r.status != "ok") failed.push_back(&r);
        }
        std::vector<const store::ResultRecord*> scored;
        const std::string primary = run.metrics.empty() ? "" : run.metrics.front().metric;
        for (const auto& r : results) {
            if (r.status == "ok" && score_of(r, primary)) scored.push_back(&r);
        }
        if (failed.empty() && scored.empty()) continue;
        if (!header) out << "<h2 id=\"cases\">Cases to read</h2>";
        header = true;
        out << "<h3>" << h(run_label(run)) << " <small>run " << run.run.id << "</small></h3>";
        if (!failed.empty()) {
            out << "<table><tr><th>failed case</th><th>tags</th><th>status</th><th>error</th><th>expected</th><th>output</th></tr>";
            for (std::size_t i = 0; i < failed.size() && i < kMaxFailedCasesShown; ++i) {
                write_case_row(out, *failed[i], "<td>" + h(failed[i]->status) + "</td><td class=\"text\">" +
                                                    excerpt(failed[i]->error) + "</td>");
            }
            out << "</table>";
            if (failed.size() > kMaxFailedCasesShown) {
                out << "<p class=\"muted\">and " << failed.size() - kMaxFailedCasesShown << " more failed cases.</p>";
            }
        }
        if (!scored.empty()) {
            const auto it = data.higher_is_better.find(primary);
            const bool higher_better = it == data.higher_is_better.end() || it->second;
            std::stable_sort(scored.begin(), scored.end(), [&](const auto* a, const auto* b) {
                return higher_better ? *score_of(*a, primary) < *score_of(*b, primary)
                                     : *score_of(*a, primary) > *score_of(*b, primary);
            });
            out << "<table><tr><th>worst case by " << h(primary) << "</th><th>tags</th><th>" << h(primary)
                << "</th><th>expected</th><th>output</th></tr>";
            for (std::size_t i = 0; i < scored.size() && i < kWorstCasesShown; ++i) {
                write_case_row(out, *scored[i], "<td class=\"num\">" + format_value(score_of(*scored[i], primary)) + "</td>");
            }
            out << "</table>";
        }
    }
}

void write_footer(std::ostringstream& out, const ReportData& data) {
    out << "<footer><p>";
    std::set<std::string> seen;
    for (const auto& run : data.runs) {
        if (seen.insert(run.run.suite_name).second) {
            out << "suite " << h(run.run.suite_name) << " " << h(run.run.suite_hash.substr(0, 12)) << "; ";
        }
    }
    if (!data.runs.empty()) out << "evalpanel " << h(data.runs.front().run.evalpanel_version) << "; ";
    out << "generated " << h(data.generated_at) << ". This page is self-contained: it loads nothing from the network "
        << "and runs no script.</p></footer>";
}

}  // namespace

std::string render_html(const ReportData& data) {
    const std::vector<std::string> tools = report_tools(data);
    const std::string title = data.title.empty() ? "evalpanel report" : data.title;
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        << "<meta http-equiv=\"Content-Security-Policy\" content=\"" << kHtmlContentSecurityPolicy << "\">"
        << "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        << "<meta name=\"referrer\" content=\"no-referrer\">"
        << "<title>" << h(title) << "</title><style>" << kStyle << "</style></head><body><main>"
        << "<header class=\"page\"><h1>" << h(title) << "</h1>";
    std::vector<std::string> names;
    for (const auto& t : tools) names.push_back("<b>" + h(t) + "</b>");
    if (!names.empty()) out << "<p class=\"vs\">" << joined(names, " vs ") << "</p>";
    out << "<p class=\"muted\">" << data.runs.size() << (data.runs.size() == 1 ? " run" : " runs");
    const std::vector<std::string> suites = suite_order(data.runs);
    if (!suites.empty()) {
        std::vector<std::string> escaped;
        for (const auto& s : suites) escaped.push_back(h(s));
        out << " on " << joined(escaped, ", ");
    }
    if (!data.generated_at.empty()) out << " · generated " << h(data.generated_at);
    out << "</p></header>";
    if (data.runs.empty() && data.verdicts.empty()) out << "<p>No runs.</p>";

    write_verdict_cards(out, data, tools);
    if (!data.runs.empty()) {
        write_overview(out, data);
        write_metric_tables(out, data);
        write_slice_tables(out, data);
        write_charts(out, data, tools);
        write_cases(out, data);
    }
    write_footer(out, data);
    out << "</main></body></html>\n";
    return out.str();
}

}  // namespace evalpanel::report
