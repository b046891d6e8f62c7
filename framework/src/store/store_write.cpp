// The write path: runs and results. Each public write is one transaction.
#include <algorithm>
#include <array>
#include <stdexcept>
#include <string_view>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database_error.hpp"
#include "store/statement_use.hpp"
#include "store/statements.hpp"
#include "store/store.hpp"

namespace evalpanel::store {
namespace {

constexpr std::array<std::string_view, 3> finished_run_statuses = {"finished", "failed", "interrupted"};
constexpr std::array<std::string_view, 4> result_statuses = {"ok", "error", "timeout", "crash"};

template <std::size_t N>
void require_one_of(const std::string& value, const std::array<std::string_view, N>& allowed,
                    const std::string& what) {
    if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) {
        return;
    }
    std::string list;
    for (const auto& name : allowed) {
        list += (list.empty() ? "" : ", ") + std::string(name);
    }
    throw std::invalid_argument(what + " '" + value + "' is not one of: " + list);
}

// JSON columns must hold valid UTF-8 JSON. A model may emit a stray invalid byte into a citation title;
// that byte becomes U+FFFD rather than costing the case. Plain text columns (output) keep every byte.
std::string to_json_text(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string describe_case(const ResultRecord& result) {
    return "write case '" + result.case_id + "' of run " + std::to_string(result.run_id);
}

}  // namespace

std::int64_t Store::begin_run(const RunRecord& run) {
    try {
        StatementUse(statements_->insert_run)
            .text(run.batch)
            .text(run.started_at.empty() ? now_utc_iso8601() : run.started_at)
            .text(run.suite_name)
            .text(run.suite_path)
            .text(run.suite_hash)
            .text(run.task)
            .text(run.tool)
            .text(run.plugin)
            .text(run.plugin_version)
            .text(to_json_text(run.tool_config))
            .text(run.evalpanel_version)
            .integer(run.cases_total)
            .text(to_json_text(run.metrics))
            .text(run.tool_kind)
            .text(to_json_text(run.pricing))
            .text(run.shard)
            .exec();
        return db_->getLastInsertRowid();
    } catch (const SQLite::Exception& error) {
        throw database_error(file(), "begin a run of tool '" + run.tool + "' on suite '" + run.suite_name + "'",
                             error);
    }
}

void Store::finish_run(std::int64_t run_id, const std::string& status) {
    require_one_of(status, finished_run_statuses, "run status");
    const std::string action = "finish run " + std::to_string(run_id);
    int changed = 0;
    try {
        changed = StatementUse(statements_->finish_run).text(status).text(now_utc_iso8601()).integer(run_id).exec();
    } catch (const SQLite::Exception& error) {
        throw database_error(file(), action, error);
    }
    if (changed == 0) {
        throw std::runtime_error(file() + ": cannot " + action + ": there is no run " + std::to_string(run_id));
    }
}

void Store::reopen_run(std::int64_t run_id) {
    const std::string action = "reopen run " + std::to_string(run_id);
    int changed = 0;
    try {
        SQLite::Statement reopen(*db_, "UPDATE runs SET status = 'running', finished_at = NULL WHERE id = ?");
        changed = StatementUse(reopen).integer(run_id).exec();
    } catch (const SQLite::Exception& error) {
        throw database_error(file(), action, error);
    }
    if (changed == 0) throw std::runtime_error(file() + ": cannot " + action + ": there is no run " + std::to_string(run_id));
}

void Store::write_result(const ResultRecord& result) { write_batch({result}); }

void Store::write_batch(const std::vector<ResultRecord>& results, const std::vector<CacheEntry>& cache_entries) {
    // Checked before the transaction begins: a bad record loses nothing, not even its neighbours.
    for (const ResultRecord& result : results) {
        require_one_of(result.status, result_statuses, "case '" + result.case_id + "': result status");
    }
    const ResultRecord* current = nullptr;
    try {
        WriteTransaction transaction(statements_->transaction);
        for (const ResultRecord& result : results) {
            current = &result;
            insert_result_rows(result);
        }
        current = nullptr;
        for (const CacheEntry& entry : cache_entries) {
            StatementUse(statements_->insert_cache)
                .text(entry.key)
                .text(to_json_text(entry.response))
                .text(now_utc_iso8601())
                .exec();
        }
        transaction.commit();
    } catch (const SQLite::Exception& error) {
        if (current == nullptr && results.size() == 1) current = &results.front();
        const std::string action =
            current != nullptr ? describe_case(*current)
            : results.empty()  ? std::string("write the response cache")
                               : "write " + std::to_string(results.size()) + " results of run " +
                                    std::to_string(results.front().run_id);
        throw database_error(file(), action, error);
    }
}

void Store::insert_result_rows(const ResultRecord& result) {
    // Replacing the result row would not remove metrics the new write no longer has.
    StatementUse(statements_->delete_scores).integer(result.run_id).text(result.case_id).exec();
    StatementUse(statements_->insert_result)
        .integer(result.run_id)
        .text(result.case_id)
        .integer(result.case_index)
        .text(to_json_text(result.tags))
        .text(to_json_text(result.expected))
        .text(result.status)
        .text(result.output)
        .real(result.confidence)
        .text(to_json_text(result.citations))
        .text(to_json_text(result.usage))
        .real(result.cost_usd)
        .real(result.latency_ms)
        .integer(result.attempts)
        .text(result.error)
        .text(now_utc_iso8601())
        .integer(result.cached ? 1 : 0)
        .text(to_json_text(result.details))
        .exec();
    for (const ScoreRecord& score : result.scores) {
        StatementUse(statements_->insert_score)
            .integer(result.run_id)
            .text(result.case_id)
            .text(score.metric)
            .real(score.value)
            .exec();
    }
}

}  // namespace evalpanel::store
