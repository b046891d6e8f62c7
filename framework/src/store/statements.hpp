// Every statement the Store runs, prepared once per connection and reused: preparing costs more than
// running a small INSERT, and the write path must reach hundreds of thousands of score rows a second.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstddef>
#include <memory>
#include <vector>

#include "store/transaction.hpp"

namespace evalpanel::store {

// The columns of a run, in the order read_run() (store_read.cpp) reads them.
inline constexpr const char* run_columns =
    "id, batch, started_at, finished_at, status, suite_name, suite_path, suite_hash, task, tool, plugin, "
    "plugin_version, tool_config, evalpanel_version, cases_total, metrics, tool_kind, pricing, shard";

struct Statements {
    explicit Statements(const SQLite::Database& db);
    Statements(const Statements&) = delete;
    Statements& operator=(const Statements&) = delete;

    TransactionStatements transaction;

    SQLite::Statement insert_run;
    SQLite::Statement finish_run;
    SQLite::Statement insert_result;
    SQLite::Statement delete_case_scores;
    SQLite::Statement delete_case;
    // INSERT of `rows` score rows in one statement (1..max_scores_per_insert), prepared when first used:
    // one statement per case instead of one per score halves the cost of a score row.
    SQLite::Statement& insert_scores(std::size_t rows);
    static constexpr std::size_t max_scores_per_insert = 16;
    SQLite::Statement insert_cache;
    SQLite::Statement select_cache;

    SQLite::Statement select_runs;
    SQLite::Statement select_run;
    SQLite::Statement select_latest_batch;
    SQLite::Statement select_results;
    SQLite::Statement select_case_rows;
    SQLite::Statement select_run_counts;
    SQLite::Statement select_run_metric_means;

private:
    const SQLite::Database& db_;
    std::vector<std::unique_ptr<SQLite::Statement>> insert_scores_;  // [rows - 1]
};

}  // namespace evalpanel::store
