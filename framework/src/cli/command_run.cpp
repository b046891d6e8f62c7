// evalpanel run SUITE_OR_DIR... --tool NAME...
#include <atomic>
#include <csignal>
#include <exception>
#include <cstdio>
#include <iostream>
#include <optional>
#include <unistd.h>

#include "cli/command.hpp"
#include "cli/store_queries.hpp"
#include "plugin_host/plugin_host.hpp"
#include "report/markdown.hpp"
#include "runner/runner.hpp"
#include "worker/in_process_slot.hpp"
#include "worker/isolated_slot.hpp"
#include "worker/worker_launcher.hpp"
#include "suite/suite.hpp"
#include "tool_config/tool_config.hpp"

namespace evalpanel::cli {

namespace fs = std::filesystem;

namespace {

// Set by SIGINT/SIGTERM: the runner stops scheduling, stores what is in flight and marks the run
// interrupted. A second signal ends the process at once.
std::atomic<bool> stop_requested{false};

extern "C" void request_stop(int signal) {
    if (stop_requested.exchange(true)) std::_Exit(128 + signal);
}

// Starts the worker zygote of each named tool's plugin, found where the runner will most likely load it
// from; a tool or plugin that is not found is left to the runner, which names the problem.
void prestart_zygotes(const tool_config::ToolsConfig& config, const plugin_host::PluginHost& plugins,
                      const std::vector<std::string>& tools) {
    for (const std::string& name : tools) {
        const auto tool = config.tools.find(name);
        if (tool == config.tools.end()) continue;
        if (const auto file = plugins.locate(tool->second.plugin)) {
            worker::prestart_zygote(worker::default_worker_executable(), *file);
        }
    }
}

// Every suite is loaded and validated before anything runs; all problems are reported together.
std::vector<suite::Suite> load_suites(const std::vector<std::string>& args) {
    std::vector<fs::path> paths(args.begin(), args.end());
    std::vector<suite::Suite> suites;
    std::vector<suite::Diagnostic> problems;
    for (const fs::path& file : suite::expand_suite_paths(paths)) {
        try {
            suites.push_back(suite::load_suite(file));
        } catch (const suite::SuiteError& e) {
            problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
        }
    }
    if (!problems.empty()) throw suite::SuiteError(problems);
    if (suites.empty()) throw UsageError("no suite files found in the paths given");
    return suites;
}

// The run --resume names, checked: it exists, is not finished, and its suite file is unchanged.
runner::RunOutcome resume_run(store::Store& store, runner::Runner& runner, const std::string& which,
                              const runner::RunOptions& options) {
    std::optional<store::RunRecord> run;
    if (which == "latest") {
        for (const auto& candidate : store.runs()) {
            if (candidate.status != "finished") run = candidate;  // oldest first: the last one wins
        }
        if (!run) throw UsageError("no unfinished run to resume in the store");
    } else {
        run = select_runs(store, {which}).front();
    }
    if (run->status == "finished") {
        throw UsageError("run " + std::to_string(run->id) + " is finished: nothing to resume");
    }
    const suite::Suite s = suite::load_suite(run->suite_path);
    if (s.content_hash != run->suite_hash) {
        throw UsageError(run->suite_path + " has changed since run " + std::to_string(run->id) +
                         " began: resuming would mix two versions of the suite; start a new run");
    }
    return runner.resume(*run, s, options);
}

}  // namespace

int run_command(const std::vector<std::string>& args) {
    std::vector<std::string> suite_args, tools, plugin_paths;
    std::string db, config, resume, shard;
    int concurrency = 0;
    std::size_t limit = 0;
    double timeout_s = 0, max_cost = 0;
    bool quiet = false, json = false, no_cache = false, in_process = false;
    po::options_description options("run options");
    options.add_options()
        ("suite", po::value(&suite_args)->multitoken(), "suite files or folders of suites")
        ("tool,t", po::value(&tools)->multitoken(), "tool to evaluate (repeatable); see --config")
        ("config", po::value(&config), "tools config file (default ./evalpanel.yaml if present)")
        ("concurrency,j", po::value(&concurrency), "tool instances per tool (overrides the tools config)")
        ("limit", po::value(&limit), "run only the first N cases of each suite")
        ("timeout", po::value(&timeout_s), "per-case timeout in seconds (overrides the tools config)")
        ("max-cost", po::value(&max_cost), "stop scheduling paid requests once this invocation has spent this many USD")
        ("plugin-path", po::value(&plugin_paths)->multitoken(), "plugin file or folder, searched first")
        ("shard", po::value(&shard), "I/N: run only every N-th case, starting at the I-th (merge shards with `evalpanel merge`)")
        ("resume", po::value(&resume), "finish stored run ID (or 'latest': the newest unfinished run): only its missing cases")
        ("no-cache", po::bool_switch(&no_cache), "ask the tools again even where a stored answer to the same request exists")
        ("in-process", po::bool_switch(&in_process), "load plugins into this process instead of isolated worker processes (debugging, speed tests: a plugin crash then ends the run)")
        ("quiet,q", po::bool_switch(&quiet), "no progress lines")
        ("json", po::bool_switch(&json), "print the outcome as JSON");
    add_db_option(options, db);
    po::positional_options_description positional;
    positional.add("suite", -1);
    po::variables_map vm;
    if (!parse("evalpanel run SUITE_OR_DIR... --tool NAME... [options] | evalpanel run --resume RUN_ID|latest", args,
               options, positional, vm)) {
        return kExitOk;
    }
    if (!resume.empty() && (!suite_args.empty() || !tools.empty())) {
        throw UsageError("--resume takes the suite and tool from the stored run: name neither");
    }
    if (resume.empty() && suite_args.empty()) throw UsageError("name at least one suite file or folder");
    if (resume.empty() && tools.empty()) throw UsageError("name at least one --tool (the built-in one is 'tesseract')");
    if (vm.count("concurrency") && concurrency < 1) throw UsageError("--concurrency must be at least 1");
    if (vm.count("timeout") && timeout_s <= 0) throw UsageError("--timeout must be positive");

    const plugin_host::PluginHost plugins(plugin_host::plugin_search_paths({plugin_paths.begin(), plugin_paths.end()}));
    // The tools config is read before the suites so that each named tool's worker zygote starts loading
    // its plugin (10-60 ms, the most for the Tesseract plugin, which links OpenCV's imgcodecs) on the other
    // core while the suites load; a config error is still reported after the suites' own problems, as if
    // read in turn.
    std::optional<tool_config::ToolsConfig> loaded_config;
    std::exception_ptr config_error;
    try {
        loaded_config = tool_config::load_tools_config(config.empty() ? std::nullopt : std::optional<fs::path>(config));
    } catch (...) {
        config_error = std::current_exception();
    }
    if (loaded_config && resume.empty() && !in_process) prestart_zygotes(*loaded_config, plugins, tools);
    const std::vector<suite::Suite> suites = resume.empty() ? load_suites(suite_args) : std::vector<suite::Suite>{};
    if (config_error) std::rethrow_exception(config_error);
    const tool_config::ToolsConfig tools_config = std::move(*loaded_config);
    if (!resume.empty() && !std::filesystem::exists(db)) throw UsageError(db + ": no such store to resume from");
    store::Store store = store::Store::open(db);

    runner::RunOptions run_options;
    run_options.tools = tools;
    if (vm.count("concurrency")) run_options.concurrency = concurrency;
    if (vm.count("limit")) run_options.limit = limit;
    if (vm.count("timeout")) run_options.timeout_s = timeout_s;
    if (vm.count("max-cost")) {
        if (max_cost < 0) throw UsageError("--max-cost must be at least 0");
        run_options.max_cost_usd = max_cost;
    }
    run_options.evalpanel_version = evalpanel_version();
    run_options.stop_requested = &stop_requested;
    run_options.use_cache = !no_cache;
    run_options.in_process = in_process;
    if (!shard.empty()) {
        if (!resume.empty()) throw UsageError("--resume keeps the stored run's shard: do not name one");
        try {
            run_options.shard = runner::parse_shard(shard);
        } catch (const std::invalid_argument& e) {
            throw UsageError(std::string("--shard: ") + e.what());
        }
    }
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);

    runner::NoProgress silent;
    runner::StreamProgress stream(stderr, ::isatty(STDERR_FILENO) == 1);
    runner::ProgressSink& progress = quiet ? static_cast<runner::ProgressSink&>(silent) : stream;
    runner::Runner runner(store, plugins, tools_config, progress);
    const std::vector<runner::RunOutcome> outcomes =
        resume.empty() ? runner.run(suites, run_options) : std::vector<runner::RunOutcome>{resume_run(store, runner, resume, run_options)};

    std::vector<report::RunSummary> summaries;
    bool any_failed = false;
    nlohmann::json out = nlohmann::json::array();
    for (const auto& outcome : outcomes) {
        any_failed = any_failed || outcome.status == "failed" || outcome.status == "interrupted";
        out.push_back({{"run_id", outcome.run_id}, {"tool", outcome.tool}, {"suite", outcome.suite},
                       {"status", outcome.status}, {"message", outcome.message}, {"cases", outcome.cases},
                       {"ok", outcome.ok}, {"failed", outcome.failed}, {"cost_usd", outcome.cost_usd}});
        // The table printed below shows means, not intervals.
        if (outcome.run_id) summaries.push_back(summarize_run(store, outcome.run_id, report::SummaryOptions{false}));
    }
    if (json) {
        std::cout << out.dump(2) << "\n";
    } else {
        std::cout << report::render_summary_table(summaries);
        for (const auto& outcome : outcomes) {
            if (outcome.status != "finished") {
                std::cout << outcome.tool << " × " << outcome.suite << ": " << outcome.status << " — " << outcome.message << "\n";
            }
        }
        std::cout << "stored in " << db << "; `evalpanel report --latest --db " << db << "` shows the details\n";
    }
    std::cout.flush();
    // A hung plugin call may still be running on an abandoned thread: leave without running static
    // destructors underneath it.
    if (worker::any_call_abandoned()) std::_Exit(any_failed ? kExitFailure : kExitOk);
    return any_failed ? kExitFailure : kExitOk;
}

}  // namespace evalpanel::cli
