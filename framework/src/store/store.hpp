// Store: the one record every report is derived from (DESIGN.md "Storage"). SQLite, WAL, schema versioned
// with forward migrations, bound parameters only.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace SQLite { class Database; }

namespace evalpanel::store {

struct Statements;   // the Store's prepared statements (statements.hpp)
class MetricNames;   // the metric-name dictionary (metric_names.hpp)

// One tool x one suite at one moment.
struct RunRecord {
    std::int64_t id = 0;
    std::string batch;              // one `evalpanel run` invocation: its runs share this id
    std::string started_at;         // ISO-8601 UTC
    std::string finished_at;        // empty while running
    std::string status;             // running | finished | failed | interrupted
    std::string suite_name;
    std::string suite_path;
    std::string suite_hash;
    std::string task;
    std::string tool;               // the tools-config name (what --tool selects)
    std::string plugin;
    std::string plugin_version;
    nlohmann::json tool_config = nlohmann::json::object();  // secrets already redacted by the caller
    std::string evalpanel_version;
    std::int64_t cases_total = 0;
    nlohmann::json metrics = nlohmann::json::object();  // metric id -> the suite's parameters for it
    std::string tool_kind;          // local | remote (schema 2; "" in runs stored before)
    nlohmann::json pricing = nlohmann::json::object();  // effective prices: plugin's table + tools-config override
    std::string shard;              // "I/N" when the run covered one shard of the suite (schema 4); "" = all
};

struct ScoreRecord {
    std::string metric;
    std::optional<double> value;    // nullopt = undefined for this case
};

// One run x case.
struct ResultRecord {
    std::int64_t run_id = 0;
    std::string case_id;
    std::int64_t case_index = 0;    // the case's position in its suite: results read back in suite order
    std::vector<std::string> tags;
    nlohmann::json expected;        // what the case expected (string or answers list)
    std::string status;             // ok | error | timeout | crash
    std::string output;
    std::optional<double> confidence;
    nlohmann::json citations = nlohmann::json::array();
    nlohmann::json usage = nlohmann::json::object();
    std::optional<double> cost_usd;
    double latency_ms = 0;
    int attempts = 1;
    std::string error;              // "kind: message" when status != ok
    bool cached = false;            // served from the response cache (schema 3): latency and cost not new
    nlohmann::json details = nlohmann::json::object();  // the tool's Response::raw, when small (schema 5)
    std::vector<ScoreRecord> scores;
};

// One case as aggregation reads it (Store::for_each_case): its figures, not its texts or JSON columns.
// The views point into the row being read, so a CaseRow is valid only while the callback runs.
struct CaseRow {
    std::string_view case_id;
    std::int64_t case_index = 0;
    const std::vector<std::string>& tags;
    std::string_view status;
    double latency_ms = 0;
    int attempts = 1;
    std::string_view error;
    bool cached = false;
    std::optional<double> cost_usd;
    const std::vector<ScoreRecord>& scores;
};

// The same view of a record already read, so one aggregation serves both.
inline CaseRow case_row(const ResultRecord& r) {
    return {r.case_id, r.case_index, r.tags, r.status, r.latency_ms, r.attempts, r.error, r.cached, r.cost_usd, r.scores};
}

// What `evalpanel runs` shows of a run, counted by SQL without reading its cases.
struct RunCounts {
    struct MetricMean {
        std::string metric;
        std::optional<double> mean;  // over the cases where it is defined
        std::int64_t scored = 0;
    };
    std::map<std::string, std::int64_t> by_status;  // results stored, per status
    std::vector<MetricMean> metrics;                 // in the order the run's first case scored them
    std::int64_t cases() const;
};

// One response-cache entry: request hash -> the tool's answer as JSON.
struct CacheEntry {
    std::string key;
    nlohmann::json response;
};

struct VoteCount {
    int up = 0;
    int down = 0;
};

class Store {
public:
    // Opens (creating if needed) and migrates to the current schema. Throws std::runtime_error naming the
    // file on failure (not a database, read-only, newer schema than this build knows).
    // `path` may also be an SQLite URI ("file:evalpanel.db?mode=ro").
    static Store open(const std::filesystem::path& path);
    // Same, waiting at most `busy_timeout` for another connection's lock before giving up.
    static Store open(const std::filesystem::path& path, std::chrono::milliseconds busy_timeout);
    static constexpr std::chrono::milliseconds default_busy_timeout{5000};

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    static int current_schema_version();
    int schema_version() const;

    // Every method below throws std::runtime_error naming the file when SQLite fails (locked, disk full...).
    // A Store is one connection: use it from one thread at a time.

    // Inserts `run` with status "running" (id, status and finished_at are ignored; an empty started_at
    // becomes now) and returns the new run id.
    std::int64_t begin_run(const RunRecord& run);
    // status: finished | failed | interrupted; sets finished_at to now.
    void finish_run(std::int64_t run_id, const std::string& status);
    // A run taken up again by --resume: status back to running, finished_at cleared.
    void reopen_run(std::int64_t run_id);
    // The result and its scores in one transaction. Writing a case again replaces it (and all its scores);
    // the replaced case then sorts as the newest write of its run.
    void write_result(const ResultRecord& result);
    // Many results and cache entries in one transaction, all or nothing: the runner's group commit
    // (one commit per batch instead of per case is what lets the host store tens of thousands of cases a
    // second). Every status is checked before anything is written.
    void write_batch(const std::vector<ResultRecord>& results, const std::vector<CacheEntry>& cache_entries = {});

    std::vector<RunRecord> runs() const;                           // oldest first
    std::optional<RunRecord> run(std::int64_t run_id) const;
    std::vector<RunRecord> latest_batch() const;                   // the runs of the newest batch
    std::vector<ResultRecord> results(std::int64_t run_id) const;  // in suite order (case_index), then as written
    // The cases of a run in the same order, one at a time, without their texts: what aggregates need
    // (memory stays flat however large the run).
    void for_each_case(std::int64_t run_id, const std::function<void(const CaseRow&)>& visit) const;
    // run id -> its counts; a run with no stored case is absent.
    std::map<std::int64_t, RunCounts> run_counts() const;

    // Community votes (DESIGN.md "Verdicts"): vote is "up" or "down" (anything else throws
    // std::invalid_argument); the comment may be empty.
    void add_vote(const std::string& tool, const std::string& vote, const std::string& comment);
    std::map<std::string, VoteCount> vote_counts() const;  // tool -> counts; tools nobody voted on are absent

    // The response cache (DESIGN.md "Storage"): request hash -> the tool's answer as JSON.
    std::optional<nlohmann::json> cache_get(const std::string& key) const;
    void cache_put(const std::string& key, const nlohmann::json& response);

private:
    explicit Store(std::unique_ptr<SQLite::Database> db);
    const std::string& file() const;   // as given to open(), for error messages
    void insert_result_rows(const ResultRecord& result, const std::string& written_at);  // inside the caller's transaction

    // Declared in this order so the statements are finalized before their connection closes.
    std::unique_ptr<SQLite::Database> db_;
    std::unique_ptr<Statements> statements_;
    std::unique_ptr<MetricNames> metric_names_;
};

// Now as UTC ISO-8601 with milliseconds: 2026-11-24T16:00:00.123Z (the format of every stored time).
std::string now_utc_iso8601();
std::string to_utc_iso8601(std::chrono::system_clock::time_point time);

}  // namespace evalpanel::store
