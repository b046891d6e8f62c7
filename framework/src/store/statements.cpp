#include "store/statements.hpp"

#include <stdexcept>
#include <string>

namespace evalpanel::store {

Statements::Statements(const SQLite::Database& db)
    : transaction(db),
      insert_run(db,
                 "INSERT INTO runs (batch, started_at, status, suite_name, suite_path, suite_hash, task, tool, "
                 "plugin, plugin_version, tool_config, evalpanel_version, cases_total, metrics, tool_kind, pricing, shard) "
                 "VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      finish_run(db, "UPDATE runs SET status = ?, finished_at = ? WHERE id = ?"),
      // A case already stored changes nothing here; the writer then deletes it (delete_case_scores,
      // delete_case) and inserts again, so the common case costs one statement.
      insert_result(db,
                    "INSERT INTO results (run_id, case_id, case_index, tags, expected, status, output, confidence, "
                    "citations, usage, cost_usd, latency_ms, attempts, error, finished_at, cached, details) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, case_id) DO NOTHING"),
      delete_case_scores(db,
                         "DELETE FROM scores WHERE result_id = (SELECT id FROM results WHERE run_id = ? AND case_id = ?)"),
      delete_case(db, "DELETE FROM results WHERE run_id = ? AND case_id = ?"),
      insert_cache(db, "INSERT OR REPLACE INTO cache (key, response, created_at) VALUES (?, ?, ?)"),
      select_cache(db, "SELECT response FROM cache WHERE key = ?"),
      select_runs(db, std::string("SELECT ") + run_columns + " FROM runs ORDER BY id"),
      select_run(db, std::string("SELECT ") + run_columns + " FROM runs WHERE id = ?"),
      select_latest_batch(db, std::string("SELECT ") + run_columns +
                                  " FROM runs WHERE batch = (SELECT batch FROM runs ORDER BY id DESC LIMIT 1)"
                                  " ORDER BY id"),
      // A case's row comes once per score (once with NULL scores when it has none), in suite order:
      // the index results_in_suite_order and the scores' key give that order without sorting.
      select_results(db,
                     "SELECT r.id, r.case_id, r.tags, r.expected, r.status, r.output, r.confidence, r.citations, "
                     "r.usage, r.cost_usd, r.latency_ms, r.attempts, r.error, r.case_index, r.cached, r.details, "
                     "s.metric_id, s.value FROM results r LEFT JOIN scores s ON s.result_id = r.id "
                     "WHERE r.run_id = ? ORDER BY r.case_index, r.id, s.position"),
      select_case_rows(db,
                       "SELECT r.id, r.case_id, r.case_index, r.tags, r.status, r.latency_ms, r.attempts, r.error, "
                       "r.cached, r.cost_usd, s.metric_id, s.value FROM results r LEFT JOIN scores s ON s.result_id = r.id "
                       "WHERE r.run_id = ? ORDER BY r.case_index, r.id, s.position"),
      select_run_counts(db, "SELECT run_id, status, count(*) FROM results GROUP BY run_id, status"),
      // A run's metrics in the order its first case scored them.
      select_run_metric_means(db,
                              "SELECT r.run_id, s.metric_id, avg(s.value), count(s.value) FROM results r "
                              "JOIN scores s ON s.result_id = r.id GROUP BY r.run_id, s.metric_id "
                              "ORDER BY r.run_id, min(r.case_index), min(s.position)"),
      db_(db) {}

SQLite::Statement& Statements::insert_scores(std::size_t rows) {
    if (rows == 0 || rows > max_scores_per_insert) {
        throw std::logic_error("insert_scores takes 1 to " + std::to_string(max_scores_per_insert) + " rows, not " +
                               std::to_string(rows));
    }
    if (insert_scores_.size() < rows) insert_scores_.resize(rows);
    auto& statement = insert_scores_[rows - 1];
    if (!statement) {
        std::string sql = "INSERT INTO scores (result_id, position, metric_id, value) VALUES (?, ?, ?, ?)";
        for (std::size_t i = 1; i < rows; ++i) sql += ", (?, ?, ?, ?)";
        statement = std::make_unique<SQLite::Statement>(db_, sql);
    }
    return *statement;
}

}  // namespace evalpanel::store
