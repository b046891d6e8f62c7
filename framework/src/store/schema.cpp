#include "store/schema.hpp"

#include <array>
#include <stdexcept>
#include <string_view>

#include "store/statement_use.hpp"
#include "store/transaction.hpp"

namespace evalpanel::store {
namespace {

// Times are UTC ISO-8601 text with milliseconds; JSON columns hold JSON text.
constexpr std::string_view create_tables_v1 = R"sql(
CREATE TABLE runs (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: reports and --resume name runs by id
    batch             TEXT NOT NULL,                      -- one `evalpanel run` invocation
    started_at        TEXT NOT NULL,
    finished_at       TEXT,                               -- NULL while running
    status            TEXT NOT NULL,                      -- running | finished | failed | interrupted
    suite_name        TEXT NOT NULL,
    suite_path        TEXT NOT NULL,
    suite_hash        TEXT NOT NULL,
    task              TEXT NOT NULL,
    tool              TEXT NOT NULL,
    plugin            TEXT NOT NULL,
    plugin_version    TEXT NOT NULL,
    tool_config       TEXT NOT NULL,                      -- JSON, secrets redacted
    evalpanel_version TEXT NOT NULL,
    cases_total       INTEGER NOT NULL,
    metrics           TEXT NOT NULL                       -- JSON: metric id -> the suite's parameters for it
);
CREATE INDEX runs_by_batch ON runs(batch);
CREATE INDEX runs_by_tool ON runs(tool, id);

CREATE TABLE results (
    run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    case_id     TEXT NOT NULL,
    case_index  INTEGER NOT NULL,                         -- position in the suite: reads follow suite order
    tags        TEXT NOT NULL,                            -- JSON array of strings
    expected    TEXT NOT NULL,                            -- JSON
    status      TEXT NOT NULL,                            -- ok | error | timeout | crash
    output      TEXT NOT NULL,
    confidence  REAL,
    citations   TEXT NOT NULL,                            -- JSON array
    usage       TEXT NOT NULL,                            -- JSON object
    cost_usd    REAL,
    latency_ms  REAL NOT NULL,
    attempts    INTEGER NOT NULL,
    error       TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    PRIMARY KEY (run_id, case_id)
);

CREATE TABLE scores (
    run_id  INTEGER NOT NULL,
    case_id TEXT NOT NULL,
    metric  TEXT NOT NULL,
    value   REAL,                                         -- NULL: the metric is undefined for this case
    PRIMARY KEY (run_id, case_id, metric),
    FOREIGN KEY (run_id, case_id) REFERENCES results(run_id, case_id) ON DELETE CASCADE
);
CREATE INDEX scores_by_run_metric ON scores(run_id, metric);

CREATE TABLE cache (
    key        TEXT PRIMARY KEY,                          -- request hash
    response   TEXT NOT NULL,                             -- JSON
    created_at TEXT NOT NULL
);

CREATE TABLE votes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    tool       TEXT NOT NULL,
    vote       TEXT NOT NULL CHECK (vote IN ('up', 'down')),
    comment    TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX votes_by_tool ON votes(tool);
)sql";

// Version 2: what the verdict's builder and buyer read about a run's tool — local or remote, and the
// effective price table (the plugin's, overridden by the tools config).
constexpr std::string_view add_tool_kind_and_pricing_v2 = R"sql(
ALTER TABLE runs ADD COLUMN tool_kind TEXT NOT NULL DEFAULT '';  -- local | remote ('' before version 2)
ALTER TABLE runs ADD COLUMN pricing TEXT NOT NULL DEFAULT '{}';  -- JSON: free, input_per_mtok, ...
)sql";

// Version 3: answers served from the response cache are marked, so their latency and cost are not
// counted as new.
constexpr std::string_view add_cached_flag_v3 = R"sql(
ALTER TABLE results ADD COLUMN cached INTEGER NOT NULL DEFAULT 0;  -- 1: the answer came from the cache
)sql";

// Version 4: which shard of a suite a run covered ("I/N"; '' for the whole suite), so shards can be merged.
constexpr std::string_view add_shard_v4 = R"sql(
ALTER TABLE runs ADD COLUMN shard TEXT NOT NULL DEFAULT '';
)sql";

// Version 5: what the tool said beyond the answer (Response::raw: engine settings, llama-server's
// timings, a <think> block's size), kept for reports and debugging.
constexpr std::string_view add_details_v5 = R"sql(
ALTER TABLE results ADD COLUMN details TEXT NOT NULL DEFAULT '{}';  -- JSON
)sql";

// Version 6: scores keyed by small integers, for write speed (docs/performance.md). A score row was
// (run_id, case_id TEXT, metric TEXT) in a table, its primary-key index and a second index; it is now
// (result id, position) in one WITHOUT ROWID B-tree, with the metric's name in a small dictionary.
// Results get an explicit id (a bare rowid may change on VACUUM) and an index in suite order, which
// reads follow without sorting. `position` keeps each case's scores in the order written.
//
// Scores carry no foreign keys: checking them costs two B-tree lookups per score row, a third of the
// write time. The Store writes a case's scores right after its result and deletes them with it
// (store_write.cpp), and never writes a metric id the dictionary does not hold.
constexpr std::string_view integer_keyed_scores_v6 = R"sql(
CREATE TABLE metric_names (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
INSERT INTO metric_names (name) SELECT metric FROM scores GROUP BY metric ORDER BY min(rowid);

CREATE TABLE results_v6 (
    id          INTEGER PRIMARY KEY,                      -- what scores refer to
    run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    case_id     TEXT NOT NULL,
    case_index  INTEGER NOT NULL,                         -- position in the suite: reads follow suite order
    tags        TEXT NOT NULL,                            -- JSON array of strings
    expected    TEXT NOT NULL,                            -- JSON
    status      TEXT NOT NULL,                            -- ok | error | timeout | crash
    output      TEXT NOT NULL,
    confidence  REAL,
    citations   TEXT NOT NULL,                            -- JSON array
    usage       TEXT NOT NULL,                            -- JSON object
    cost_usd    REAL,
    latency_ms  REAL NOT NULL,
    attempts    INTEGER NOT NULL,
    error       TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    cached      INTEGER NOT NULL DEFAULT 0,               -- 1: the answer came from the cache
    details     TEXT NOT NULL DEFAULT '{}',               -- JSON
    UNIQUE (run_id, case_id)
);
INSERT INTO results_v6 (id, run_id, case_id, case_index, tags, expected, status, output, confidence, citations,
                        usage, cost_usd, latency_ms, attempts, error, finished_at, cached, details)
    SELECT rowid, run_id, case_id, case_index, tags, expected, status, output, confidence, citations,
           usage, cost_usd, latency_ms, attempts, error, finished_at, cached, details
    FROM results ORDER BY rowid;

CREATE TABLE scores_v6 (
    result_id INTEGER NOT NULL,                           -- results.id
    position  INTEGER NOT NULL,                           -- 0, 1, ...: the order the case's scores were written
    metric_id INTEGER NOT NULL,                           -- metric_names.id
    value     REAL,                                       -- NULL: the metric is undefined for this case
    PRIMARY KEY (result_id, position)
) WITHOUT ROWID;
INSERT INTO scores_v6 (result_id, position, metric_id, value)
    SELECT r.rowid, row_number() OVER (PARTITION BY s.run_id, s.case_id ORDER BY s.rowid) - 1, m.id, s.value
    FROM scores s
    JOIN results r ON r.run_id = s.run_id AND r.case_id = s.case_id
    JOIN metric_names m ON m.name = s.metric;

DROP TABLE scores;
DROP TABLE results;
ALTER TABLE results_v6 RENAME TO results;
ALTER TABLE scores_v6 RENAME TO scores;
CREATE INDEX results_in_suite_order ON results(run_id, case_index);
)sql";

// migrations[i] takes the schema from version i to version i + 1.
constexpr std::array<std::string_view, 6> migrations = {create_tables_v1, add_tool_kind_and_pricing_v2,
                                                        add_cached_flag_v3, add_shard_v4, add_details_v5,
                                                        integer_keyed_scores_v6};

// PRAGMA takes no bound parameters; `version` is an index into `migrations`, never data.
void set_schema_version(SQLite::Database& db, int version) {
    db.exec("PRAGMA user_version = " + std::to_string(version));
}

void refuse_newer_schema(int version, const std::string& file) {
    if (version > latest_schema_version()) {
        throw std::runtime_error(file + " has schema version " + std::to_string(version) +
                                 "; this evalpanel knows up to " + std::to_string(latest_schema_version()) +
                                 ": upgrade evalpanel");
    }
}

}  // namespace

int latest_schema_version() { return static_cast<int>(migrations.size()); }

std::string_view migration_sql(int target) { return migrations.at(static_cast<std::size_t>(target - 1)); }

int read_schema_version(const SQLite::Database& db) {
    SQLite::Statement query(db, "PRAGMA user_version");
    StatementUse use(query);
    use.step();
    return use.row().getColumn(0).getInt();
}

void migrate(SQLite::Database& db, const std::string& file) {
    // The common case takes no write lock, so opening a database another process is writing (a report
    // during a run) does not wait for that writer.
    const int found = read_schema_version(db);
    refuse_newer_schema(found, file);
    if (found == latest_schema_version()) {
        return;
    }
    TransactionStatements transaction_statements(db);
    for (int target = found + 1; target <= latest_schema_version(); ++target) {
        WriteTransaction transaction(transaction_statements);
        // Read again under the write lock: another process opening the same file may have migrated meanwhile.
        const int version = read_schema_version(db);
        refuse_newer_schema(version, file);
        if (version >= target) {
            continue;  // the transaction rolls back: it changed nothing
        }
        db.exec(std::string(migrations[static_cast<std::size_t>(target - 1)]));
        set_schema_version(db, target);
        transaction.commit();
    }
}

}  // namespace evalpanel::store
