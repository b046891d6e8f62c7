// Runner: every case of every suite against every selected tool that can do the suite's task. Each case's
// result is written to the store as soon as it finishes, so a crash loses at most the cases in flight.
// Scheduling, retries and time-outs live here; plugins only translate (DESIGN.md "Plugin boundary").
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "plugin_host/plugin_host.hpp"
#include "runner/progress.hpp"
#include "runner/shard.hpp"
#include "store/store.hpp"
#include "suite/suite.hpp"
#include "tool_config/tool_config.hpp"

namespace evalpanel::runner {

struct RunOptions {
    std::vector<std::string> tools;          // tool names (--tool)
    std::optional<int> concurrency;          // overrides each tool's setting
    std::optional<std::size_t> limit;        // first N cases of each suite
    std::optional<double> timeout_s;         // overrides each tool's per-case timeout
    std::string evalpanel_version;
    // Set (from a signal handler) to stop scheduling: cases in flight finish and are stored, the run is
    // marked interrupted. May be null.
    const std::atomic<bool>* stop_requested = nullptr;
    // Stop scheduling paid requests once the batch (every run of this invocation) has spent this much.
    std::optional<double> max_cost_usd;
    // Reuse stored answers for identical requests (per tool: `cache:` in the tools config, default on
    // unless temperature > 0). --no-cache turns it off for the invocation.
    bool use_cache = true;
    // Only this shard's cases (runner/shard.hpp); recorded with the run so shards can be merged.
    std::optional<Shard> shard;
    // Run the plugin in this process instead of in isolated worker processes (DESIGN.md "Plugin
    // boundary"): faster to debug, but a plugin that crashes takes the run with it.
    bool in_process = false;
    // The worker program; empty = worker::default_worker_executable().
    std::filesystem::path worker_executable;
};

struct RunOutcome {
    std::int64_t run_id = 0;                 // 0 when the pair was skipped
    std::string tool;
    std::string suite;
    std::string status;                      // finished | failed | interrupted | skipped
    std::string message;                     // why it failed or was skipped
    std::size_t cases = 0, ok = 0, failed = 0;
    double cost_usd = 0;                     // measured spend of the run's answers
};

class Runner {
public:
    Runner(store::Store& store, const plugin_host::PluginHost& plugins, const tool_config::ToolsConfig& tools,
           ProgressSink& progress);

    // One batch: all (suite x tool) pairs. Throws plugin_host::PluginError / tool_config::ConfigError
    // before anything runs when a tool cannot be found or loaded.
    std::vector<RunOutcome> run(const std::vector<suite::Suite>& suites, const RunOptions& options);

    // Finishes a stored run (killed, interrupted, stopped by --max-cost): the cases not stored yet, into
    // the same run, with the same tool; `s` must be the suite the run began with (the caller checks
    // the hash). RunOutcome::ok/failed count the cases done now.
    RunOutcome resume(const store::RunRecord& run, const suite::Suite& s, const RunOptions& options);

private:
    store::Store& store_;
    const plugin_host::PluginHost& plugins_;
    const tool_config::ToolsConfig& tools_;
    ProgressSink& progress_;
};

// A fresh batch id: UTC time plus randomness, sortable.
std::string new_batch_id();

}  // namespace evalpanel::runner
