// The read path: rows back into records.
#include <map>
#include <stdexcept>

#include <SQLiteCpp/Database.h>

#include "store/database_error.hpp"
#include "store/statement_use.hpp"
#include "store/statements.hpp"
#include "store/store.hpp"

namespace evalpanel::store {
namespace {

std::optional<double> optional_real(const SQLite::Column& column) {
    if (column.isNull()) {
        return std::nullopt;
    }
    return column.getDouble();
}

// Names the file, row and column of stored text that is not JSON (a hand-edited or foreign database).
nlohmann::json parse_json_column(const SQLite::Column& column, const std::string& file, const std::string& row) {
    try {
        return nlohmann::json::parse(column.getString());
    } catch (const nlohmann::json::parse_error& error) {
        throw std::runtime_error(file + ": " + row + ": column " + column.getName() + " is not JSON: " +
                                 error.what());
    }
}

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
    run.tool_config = parse_json_column(row.getColumn(12), file, "run " + std::to_string(run.id));
    run.evalpanel_version = row.getColumn(13).getString();
    run.cases_total = row.getColumn(14).getInt64();
    run.metrics = parse_json_column(row.getColumn(15), file, "run " + std::to_string(run.id));
    run.tool_kind = row.getColumn(16).getString();
    run.pricing = parse_json_column(row.getColumn(17), file, "run " + std::to_string(run.id));
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

ResultRecord read_result(const SQLite::Statement& row, std::int64_t run_id, const std::string& file) {
    ResultRecord result;
    result.run_id = run_id;
    result.case_id = row.getColumn(0).getString();
    const std::string where = "run " + std::to_string(run_id) + " case '" + result.case_id + "'";
    const nlohmann::json tags = parse_json_column(row.getColumn(1), file, where);
    try {
        result.tags = tags.get<std::vector<std::string>>();
    } catch (const nlohmann::json::exception& error) {
        throw std::runtime_error(file + ": " + where + ": column tags is not a list of strings: " + error.what());
    }
    result.expected = parse_json_column(row.getColumn(2), file, where);
    result.status = row.getColumn(3).getString();
    result.output = row.getColumn(4).getString();
    result.confidence = optional_real(row.getColumn(5));
    result.citations = parse_json_column(row.getColumn(6), file, where);
    result.usage = parse_json_column(row.getColumn(7), file, where);
    result.cost_usd = optional_real(row.getColumn(8));
    result.latency_ms = row.getColumn(9).getDouble();
    result.attempts = row.getColumn(10).getInt();
    result.error = row.getColumn(11).getString();
    result.case_index = row.getColumn(12).getInt64();
    result.cached = row.getColumn(13).getInt() != 0;
    result.details = parse_json_column(row.getColumn(14), file, where);
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
        std::map<std::string, std::size_t> index_of_case;
        {
            StatementUse use(statements_->select_results);
            use.integer(run_id);
            while (use.step()) {
                results.push_back(read_result(use.row(), run_id, file()));
                index_of_case.emplace(results.back().case_id, results.size() - 1);
            }
        }
        StatementUse use(statements_->select_scores);
        use.integer(run_id);
        while (use.step()) {
            const auto found = index_of_case.find(use.row().getColumn(0).getString());
            if (found == index_of_case.end()) {
                continue;  // cannot happen while foreign keys hold: a score always has its result
            }
            results[found->second].scores.push_back(
                ScoreRecord{use.row().getColumn(1).getString(), optional_real(use.row().getColumn(2))});
        }
        return results;
    } catch (const SQLite::Exception& error) {
        throw database_error(file(), "read the results of run " + std::to_string(run_id), error);
    }
}

}  // namespace evalpanel::store
