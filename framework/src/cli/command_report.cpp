// evalpanel runs / report / export: reading what the store holds.
#include <fstream>
#include <iostream>

#include "cli/command.hpp"
#include "cli/store_queries.hpp"
#include "report/export_jsonl.hpp"
#include "cli/report_inputs.hpp"
#include "report/html.hpp"
#include "report/json_report.hpp"
#include "report/junit.hpp"
#include "report/markdown.hpp"
#include "report/markdown_verdict.hpp"

namespace evalpanel::cli {

namespace {

// Writes to --out FILE (creating its folder) or to standard output.
void emit(const std::string& out_path, const std::string& text) {
    if (out_path.empty() || out_path == "-") {
        std::cout << text;
        return;
    }
    const std::filesystem::path path(out_path);
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    std::ofstream file(path, std::ios::binary);
    if (!file) throw UsageError(out_path + ": cannot write");
    file << text;
    std::cerr << "wrote " << out_path << "\n";
}

}  // namespace

int runs_command(const std::vector<std::string>& args) {
    std::string db;
    bool json = false;
    po::options_description options("runs options");
    options.add_options()("json", po::bool_switch(&json), "one JSON object per run");
    add_db_option(options, db);
    po::variables_map vm;
    if (!parse("evalpanel runs [--db PATH] [--json]", args, options, {}, vm)) return kExitOk;
    const store::Store store = open_existing(db);
    const std::map<std::int64_t, store::RunCounts> counts = store.run_counts();
    for (const store::RunRecord& run : store.runs()) {
        static const store::RunCounts none;
        const auto found = counts.find(run.id);
        const store::RunCounts& c = found == counts.end() ? none : found->second;
        const std::int64_t ok = c.by_status.contains("ok") ? c.by_status.at("ok") : 0;
        const std::int64_t failed = c.cases() - ok;
        if (json) {
            nlohmann::json metrics = nlohmann::json::object();
            for (const auto& m : c.metrics) metrics[m.metric] = m.mean ? nlohmann::json(*m.mean) : nlohmann::json(nullptr);
            std::cout << nlohmann::json{{"id", run.id}, {"batch", run.batch}, {"started_at", run.started_at},
                                        {"finished_at", run.finished_at}, {"status", run.status},
                                        {"tool", run.tool}, {"plugin", run.plugin}, {"plugin_version", run.plugin_version},
                                        {"suite", run.suite_name}, {"suite_hash", run.suite_hash}, {"task", run.task},
                                        {"cases_total", run.cases_total}, {"cases_stored", c.cases()},
                                        {"ok", ok}, {"failed", failed}, {"metrics", metrics}}
                             .dump()
                      << "\n";
        } else {
            std::string metrics;
            for (const auto& m : c.metrics) metrics += " " + m.metric + "=" + report::format_value(m.mean);
            std::cout << run.id << "  " << run.started_at << "  " << run.status << "  " << run.tool << "  "
                      << run.suite_name << "  " << c.cases() << "/" << run.cases_total << " cases  " << failed
                      << " failed " << metrics << "\n";
        }
    }
    return kExitOk;
}

int report_command(const std::vector<std::string>& args) {
    std::string db, format, out, panel_path;
    std::vector<std::string> run_ids, pass_if;
    bool latest = false, no_panel = false;
    po::options_description options("report options");
    options.add_options()
        ("run", po::value(&run_ids)->multitoken(), "run id (repeatable), or 'latest'")
        ("latest", po::bool_switch(&latest), "the runs of the newest batch (the default)")
        ("format", po::value(&format)->default_value("md"), "md | html | json | junit")
        ("out,o", po::value(&out), "write to this file instead of standard output")
        ("panel", po::value(&panel_path), "the reviewer panel (default reports/panel.yaml)")
        ("no-panel", po::bool_switch(&no_panel), "leave the verdict out")
        ("pass-if", po::value(&pass_if)->multitoken(), "junit: a case fails unless METRIC<=X holds (repeatable)");
    add_db_option(options, db);
    po::variables_map vm;
    if (!parse("evalpanel report [--run ID...|--latest] [--format md|html|json|junit] [--out FILE] [--panel FILE] "
               "[--pass-if RULE...] [--db PATH]",
               args, options, {}, vm)) {
        return kExitOk;
    }
    if (format != "md" && format != "html" && format != "json" && format != "junit") {
        throw UsageError("--format " + format + " is not one of md, html, json, junit");
    }
    std::vector<report::PassRule> rules;
    for (const std::string& rule : pass_if) {
        try {
            rules.push_back(report::parse_pass_rule(rule));
        } catch (const report::PassRuleError& e) {
            throw UsageError(e.what());
        }
    }
    if (!rules.empty() && format != "junit") throw UsageError("--pass-if applies to --format junit only");
    if (latest) run_ids.push_back("latest");

    std::optional<verdict::Panel> panel;
    if (!no_panel) {
        if (auto file = find_panel_file(panel_path)) {
            try {
                panel = verdict::load_panel(*file);
            } catch (const verdict::PanelError& e) {
                throw UsageError(e.what());
            }
        }
    }
    const store::Store store = open_existing(db);
    const CaseRecords records = format == "html" || format == "junit" ? CaseRecords::include : CaseRecords::leave_out;
    const report::ReportData data = load_report_data(store, select_runs(store, run_ids), panel, records);
    if (!rules.empty()) {
        const auto unknown = report::rules_without_metric(data, rules);
        if (!unknown.empty()) throw UsageError("--pass-if " + unknown.front() + ": no run in the report scores that metric");
    }
    if (format == "md") {
        emit(out, report::render_markdown(data.runs) + (data.verdicts.empty() ? "" : "\n" + report::render_markdown_verdicts(data.verdicts)));
    } else if (format == "html") {
        emit(out, report::render_html(data));
    } else if (format == "json") {
        emit(out, report::render_json(data));
    } else {
        emit(out, report::render_junit(data, rules));
    }
    return kExitOk;
}

int export_command(const std::vector<std::string>& args) {
    std::string db, format, out, run_id;
    po::options_description options("export options");
    options.add_options()
        ("run", po::value(&run_id)->default_value("latest"), "run id, or 'latest' (every run of the newest batch)")
        ("format", po::value(&format)->default_value("jsonl"), "jsonl")
        ("out,o", po::value(&out), "write to this file instead of standard output");
    add_db_option(options, db);
    po::variables_map vm;
    if (!parse("evalpanel export --run ID|latest [--format jsonl] [--out FILE] [--db PATH]", args, options, {}, vm)) {
        return kExitOk;
    }
    if (format != "jsonl") throw UsageError("--format " + format + " is not supported (jsonl is)");
    const store::Store store = open_existing(db);
    std::ostringstream text;
    for (const store::RunRecord& run : select_runs(store, {run_id})) report::write_jsonl(text, run, store.results(run.id));
    emit(out, text.str());
    return kExitOk;
}

}  // namespace evalpanel::cli
