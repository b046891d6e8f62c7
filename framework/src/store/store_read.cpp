// The read path: rows back into records.
#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

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

// The stored text of a column without a copy (valid until the row changes).
std::string_view text_of(const SQLite::Column& column) {
    return {column.getText(), static_cast<std::size_t>(column.getBytes())};
}

// A JSON string with nothing to unescape: no backslash, no quote or control character inside.
bool is_plain_json_string(std::string_view text) {
    if (text.size() < 2 || text.front() != '"' || text.back() != '"') return false;
    return std::none_of(text.begin() + 1, text.end() - 1,
                        [](char c) { return c == '\\' || c == '"' || static_cast<unsigned char>(c) < 0x20; });
}

// Most stored JSON is an empty list or object, or a plain string (a case's `expected`). Those are read
// without the parser, which otherwise dominates reading a large run: five JSON columns per case, over a
// million parses for a 250,000-case run.
std::optional<nlohmann::json> read_simple_json(std::string_view text) {
    if (text == "[]") return nlohmann::json::array();
    if (text == "{}") return nlohmann::json::object();
    if (is_plain_json_string(text)) return nlohmann::json(std::string(text.substr(1, text.size() - 2)));
    return std::nullopt;
}

// Names the file, row and column of stored text that is not JSON (a hand-edited or foreign database).
// `row` describes the row; it is called only then, so reading a good row builds no message.
template <typename RowName>
nlohmann::json parse_json_column(const SQLite::Column& column, const std::string& file, const RowName& row) {
    const std::string_view text = text_of(column);
    if (auto simple = read_simple_json(text)) return std::move(*simple);
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& error) {
        throw std::runtime_error(file + ": " + row() + ": column " + column.getName() + " is not JSON: " +
                                 error.what());
    }
}

// A list of plain strings (`tags`) read by splitting, without building JSON; nullopt when the text is
// anything else, for the parser to read.
std::optional<std::vector<std::string>> read_plain_string_list(std::string_view text) {
    if (text == "[]") return std::vector<std::string>{};
    if (text.size() < 4 || text.substr(0, 2) != "[\"" || text.substr(text.size() - 2) != "\"]") return std::nullopt;
    std::vector<std::string> items;
    const std::string_view inner = text.substr(1, text.size() - 2);  // "a","b"
    std::size_t begin = 0;
    while (begin <= inner.size()) {
        const std::size_t comma = inner.find("\",\"", begin);
        const std::size_t end = comma == std::string_view::npos ? inner.size() : comma + 1;
        const std::string_view item = inner.substr(begin, end - begin);
        if (!is_plain_json_string(item)) return std::nullopt;
        items.emplace_back(item.substr(1, item.size() - 2));
        if (comma == std::string_view::npos) break;
        begin = comma + 2;
    }
    return items;
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

ResultRecord read_result(const SQLite::Statement& row, std::int64_t run_id, const std::string& file) {
    ResultRecord result;
    result.run_id = run_id;
    result.case_id = row.getColumn(0).getString();
    const auto where = [&result] { return "run " + std::to_string(result.run_id) + " case '" + result.case_id + "'"; };
    if (auto tags = read_plain_string_list(text_of(row.getColumn(1)))) {
        result.tags = std::move(*tags);
    } else {
        const nlohmann::json parsed = parse_json_column(row.getColumn(1), file, where);
        try {
            result.tags = parsed.get<std::vector<std::string>>();
        } catch (const nlohmann::json::exception& error) {
            throw std::runtime_error(file + ": " + where() + ": column tags is not a list of strings: " + error.what());
        }
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
        std::unordered_map<std::string, std::size_t> index_of_case;
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
        // A case's scores are written together, right after it: most rows belong to the case of the row
        // before, which is then found without a lookup.
        std::size_t current = results.size();
        while (use.step()) {
            const std::string_view case_id = text_of(use.row().getColumn(0));
            if (current == results.size() || results[current].case_id != case_id) {
                const auto found = index_of_case.find(std::string(case_id));
                if (found == index_of_case.end()) {
                    current = results.size();
                    continue;  // cannot happen while foreign keys hold: a score always has its result
                }
                current = found->second;
            }
            results[current].scores.push_back(
                ScoreRecord{use.row().getColumn(1).getString(), optional_real(use.row().getColumn(2))});
        }
        return results;
    } catch (const SQLite::Exception& error) {
        throw database_error(file(), "read the results of run " + std::to_string(run_id), error);
    }
}

}  // namespace evalpanel::store
