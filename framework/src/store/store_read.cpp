// The read path: rows back into records.
#include <optional>
#include <stdexcept>
#include <string_view>

#include <SQLiteCpp/Database.h>

#include "store/database_error.hpp"
#include "store/metric_names.hpp"
#include "store/row_reading.hpp"
#include "store/statement_use.hpp"
#include "store/statements.hpp"
#include "store/store.hpp"

namespace evalpanel::store {
namespace {

// Reads the columns listed in `run_columns`, in that order.
RunRecord read_run(const SQLite::Statement& row, const std::string& file) {
    RunRecord run;
    run.id = row.getColumn(0).getInt64();
    run.batch = row.getColumn(1).getString();
    run.started_at = row.getColumn(2).getString();
    run.finished_at = row.getColumn(3).getString();  // NULL reads as ""
    run.status = row.getColumn(4).getString();
    run.suite_name = row.getColumn(5).getString();
    run.suite_path = row.getColumn(6).getString();
    run.suite_hash = row.getColumn(7).getString();
    run.task = row.getColumn(8).getString();
    run.tool = row.getColumn(9).getString();
    run.plugin = row.getColumn(10).getString();
    run.plugin_version = row.getColumn(11).getString();
    const auto row_name = [&run] { return "run " + std::to_string(run.id); };
    run.tool_config = parse_json_column(row.getColumn(12), file, row_name);
    run.evalpanel_version = row.getColumn(13).getString();
    run.cases_total = row.getColumn(14).getInt64();
    run.metrics = parse_json_column(row.getColumn(15), file, row_name);
    run.tool_kind = row.getColumn(16).getString();
    run.pricing = parse_json_column(row.getColumn(17), file, row_name);
    run.shard = row.getColumn(18).getString();
    return run;
}

std::vector<RunRecord> read_runs(StatementUse& use, const std::string& file) {
    std::vector<RunRecord> runs;
    while (use.step()) {
        runs.push_back(read_run(use.row(), file));
    }
    return runs;
}

// Reads the result columns of `select_results` (column 0 is the result's id).
ResultRecord read_result(const SQLite::Statement& row, std::int64_t run_id, const std::string& file) {
    ResultRecord result;
    result.run_id = run_id;
    result.case_id = row.getColumn(1).getString();
    const auto where = [&result] { return "run " + std::to_string(result.run_id) + " case '" + result.case_id + "'"; };
    result.tags = read_tags(row.getColumn(2), file, where);
    result.expected = parse_json_column(row.getColumn(3), file, where);
    result.status = row.getColumn(4).getString();
    result.output = row.getColumn(5).getString();
    result.confidence = optional_real(row.getColumn(6));
    result.citations = parse_json_column(row.getColumn(7), file, where);
    result.usage = parse_json_column(row.getColumn(8), file, where);
    result.cost_usd = optional_real(row.getColumn(9));
    result.latency_ms = row.getColumn(10).getDouble();
    result.attempts = row.getColumn(11).getInt();
    result.error = row.getColumn(12).getString();
    result.case_index = row.getColumn(13).getInt64();
    result.cached = row.getColumn(14).getInt() != 0;
    result.details = parse_json_column(row.getColumn(15), file, where);
    return result;
}

}  // namespace

std::vector<RunRecord> Store::runs() const {
    try {
        StatementUse use(statements_->select_runs);
        return read_runs(use, file());
    } catch (const SQLite::Exception& error) {
        throw database_error(file(), "read the runs", error);
    }
}

std::optional<RunRecord> Store::run(std::int64_t run_id) const {
    try {
        StatementUse use(statements_->select_run);
        use.integer(run_id);
        if (!use.step()) {
            return std::nullopt;
        }
        return read_run(use.row(), file());
    } catch (const SQLite::Exception& error) {
        throw database_error(file(), "read run " + std::to_string(run_id), error);
    }
}

std::vector<RunRecord> Store::latest_batch() const {
    try {
        StatementUse use(statements_->select_latest_batch);
        return read_runs(use, file());
    } catch (const SQLite::Exception& error) {
        throw database_error(file(), "read the latest batch of runs", error);
    }
}

std::vector<ResultRecord> Store::results(std::int64_t run_id) const {
    try {
        std::vector<ResultRecord> results;
        StatementUse use(statements_->select_results);
        use.integer(run_id);
        // One row per score: the case's columns are read from the first of its rows.
        std::int64_t current_id = 0;
        while (use.step()) {
            const std::int64_t result_id = use.row().getColumn(0).getInt64();
            if (results.empty() || result_id != current_id) {
                results.push_back(read_result(use.row(), run_id, file()));
                current_id = result_id;
            }
            const SQLite::Column metric_id = use.row().getColumn(16);
            if (metric_id.isNull()) continue;  // a case without scores
            results.back().scores.push_back(
                ScoreRecord{metric_names_->name_of(metric_id.getInt64()), optional_real(use.row().getColumn(17))});
        }
        return results;
    } catch (const SQLite::Exception& error) {
        throw database_error(file(), "read the results of run " + std::to_string(run_id), error);
    }
}

}  // namespace evalpanel::store
