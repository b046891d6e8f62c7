// Every statement the Store runs, prepared once per connection and reused: preparing costs more than
// running a small INSERT, and the write path must reach hundreds of thousands of score rows a second.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/transaction.hpp"

namespace evalpanel::store {

// The columns of a run, in the order read_run() (store_read.cpp) reads them.
inline constexpr const char* run_columns =
    "id, batch, started_at, finished_at, status, suite_name, suite_path, suite_hash, task, tool, plugin, "
    "plugin_version, tool_config, evalpanel_version, cases_total, metrics, tool_kind, pricing, shard";

struct Statements {
    explicit Statements(const SQLite::Database& db);

    TransactionStatements transaction;

    SQLite::Statement insert_run;
    SQLite::Statement finish_run;
    SQLite::Statement delete_scores;
    SQLite::Statement insert_result;
    SQLite::Statement insert_score;
    SQLite::Statement insert_cache;
    SQLite::Statement select_cache;

    SQLite::Statement select_runs;
    SQLite::Statement select_run;
    SQLite::Statement select_latest_batch;
    SQLite::Statement select_results;
    SQLite::Statement select_scores;
};

}  // namespace evalpanel::store
