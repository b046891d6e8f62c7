#include "store/statements.hpp"

#include <string>

namespace evalpanel::store {

Statements::Statements(const SQLite::Database& db)
    : transaction(db),
      insert_run(db,
                 "INSERT INTO runs (batch, started_at, status, suite_name, suite_path, suite_hash, task, tool, "
                 "plugin, plugin_version, tool_config, evalpanel_version, cases_total, metrics, tool_kind, pricing, shard) "
                 "VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      finish_run(db, "UPDATE runs SET status = ?, finished_at = ? WHERE id = ?"),
      delete_scores(db, "DELETE FROM scores WHERE run_id = ? AND case_id = ?"),
      insert_result(db,
                    "INSERT OR REPLACE INTO results (run_id, case_id, case_index, tags, expected, status, output, confidence, "
                    "citations, usage, cost_usd, latency_ms, attempts, error, finished_at, cached, details) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      insert_score(db, "INSERT INTO scores (run_id, case_id, metric, value) VALUES (?, ?, ?, ?)"),
      insert_cache(db, "INSERT OR REPLACE INTO cache (key, response, created_at) VALUES (?, ?, ?)"),
      select_cache(db, "SELECT response FROM cache WHERE key = ?"),
      select_runs(db, std::string("SELECT ") + run_columns + " FROM runs ORDER BY id"),
      select_run(db, std::string("SELECT ") + run_columns + " FROM runs WHERE id = ?"),
      select_latest_batch(db, std::string("SELECT ") + run_columns +
                                  " FROM runs WHERE batch = (SELECT batch FROM runs ORDER BY id DESC LIMIT 1)"
                                  " ORDER BY id"),
      select_results(db,
                     "SELECT case_id, tags, expected, status, output, confidence, citations, usage, cost_usd, "
                     "latency_ms, attempts, error, case_index, cached, details FROM results WHERE run_id = ? ORDER BY case_index, rowid"),
      select_scores(db, "SELECT case_id, metric, value FROM scores WHERE run_id = ? ORDER BY rowid") {}

}  // namespace evalpanel::store
