// The write path: runs and results. Each public write is one transaction.
#include <algorithm>
#include <array>
#include <iterator>
#include <stdexcept>
#include <string_view>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database_error.hpp"
#include "store/json_text.hpp"
#include "store/metric_names.hpp"
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

std::string describe_case(const ResultRecord& result) {
    return "write case '" + result.case_id + "' of run " + std::to_string(result.run_id);
}

// A case scores each metric once; a second value for the same metric would leave a report to pick one.
void require_distinct_metrics(const ResultRecord& result, const std::string& file) {
    const auto& scores = result.scores;
    for (auto it = scores.begin(); it != scores.end(); ++it) {
        const auto same = [&](const ScoreRecord& other) { return other.metric == it->metric; };
        if (std::any_of(std::next(it), scores.end(), same)) {
            throw std::runtime_error(file + ": cannot " + describe_case(result) + ": it scores metric '" + it->metric +
                                     "' twice");
        }
    }
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
        require_distinct_metrics(result, file());
    }
    // One time for the whole batch: it is written in one transaction, and the clock costs as much as a row.
    const std::string written_at = now_utc_iso8601();
    const ResultRecord* current = nullptr;
    try {
        AddedMetricNames added_names(*metric_names_);
        WriteTransaction transaction(statements_->transaction);
        for (const ResultRecord& result : results) {
            current = &result;
            insert_result_rows(result, written_at);
        }
        current = nullptr;
        for (const CacheEntry& entry : cache_entries) {
            StatementUse(statements_->insert_cache).text(entry.key).text(to_json_text(entry.response)).text(written_at).exec();
        }
        transaction.commit();
        added_names.commit();
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

void Store::insert_result_rows(const ResultRecord& result, const std::string& written_at) {
    // Every text outlives the statement's use: bound without copies.
    const std::string tags = to_json_text(result.tags);
    const std::string expected = to_json_text(result.expected);
    const std::string citations = to_json_text(result.citations);
    const std::string usage = to_json_text(result.usage);
    const std::string details = to_json_text(result.details);
    const auto insert_result = [&] {
        return StatementUse(statements_->insert_result)
            .integer(result.run_id)
            .borrowed_text(result.case_id)
            .integer(result.case_index)
            .borrowed_text(tags)
            .borrowed_text(expected)
            .borrowed_text(result.status)
            .borrowed_text(result.output)
            .real(result.confidence)
            .borrowed_text(citations)
            .borrowed_text(usage)
            .real(result.cost_usd)
            .real(result.latency_ms)
            .integer(result.attempts)
            .borrowed_text(result.error)
            .borrowed_text(written_at)
            .integer(result.cached ? 1 : 0)
            .borrowed_text(details)
            .exec();
    };
    if (insert_result() == 0) {
        // The case is stored already: writing it again replaces it and every score it had, and it then
        // sorts as the newest write of its run.
        StatementUse(statements_->delete_case_scores).integer(result.run_id).text(result.case_id).exec();
        StatementUse(statements_->delete_case).integer(result.run_id).text(result.case_id).exec();
        insert_result();
    }
    const std::int64_t result_id = db_->getLastInsertRowid();
    std::size_t position = 0;
    while (position < result.scores.size()) {
        const std::size_t rows = std::min(result.scores.size() - position, Statements::max_scores_per_insert);
        StatementUse use(statements_->insert_scores(rows));
        for (std::size_t row = 0; row < rows; ++row, ++position) {
            const ScoreRecord& score = result.scores[position];
            use.integer(result_id)
                .integer(static_cast<std::int64_t>(position))
                .integer(metric_names_->id_for(score.metric))
                .real(score.value);
        }
        use.exec();
    }
}

}  // namespace evalpanel::store
