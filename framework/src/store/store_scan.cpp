// The lean reads for aggregation: a run's cases one at a time without their texts (reports, the table
// `evalpanel run` prints) and per-run counts straight from SQL (`evalpanel runs`).
#include <string_view>
#include <unordered_map>

#include <SQLiteCpp/Database.h>

#include "store/database_error.hpp"
#include "store/metric_names.hpp"
#include "store/row_reading.hpp"
#include "store/statement_use.hpp"
#include "store/statements.hpp"
#include "store/store.hpp"

namespace evalpanel::store {
namespace {

// Hash and equality that accept a string_view, so a stored tags text is looked up without a copy.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

// A run's cases share few distinct tag lists: each is parsed once, by its stored text.
class TagLists {
public:
    template <typename RowName>
    const std::vector<std::string>& of(const SQLite::Column& column, const std::string& file, const RowName& row) {
        const std::string_view text = text_of(column);
        if (const auto found = lists_.find(text); found != lists_.end()) return found->second;
        return lists_.emplace(std::string(text), read_tags(column, file, row)).first->second;
    }

private:
    std::unordered_map<std::string, std::vector<std::string>, TextHash, std::equal_to<>> lists_;
};

}  // namespace

std::int64_t RunCounts::cases() const {
    std::int64_t total = 0;
    for (const auto& [status, n] : by_status) total += n;
    return total;
}

void Store::for_each_case(std::int64_t run_id, const std::function<void(const CaseRow&)>& visit) const {
    // Columns of select_case_rows: 0 result id, 1 case_id, 2 case_index, 3 tags, 4 status, 5 latency_ms,
    // 6 attempts, 7 error, 8 cached, 9 cost_usd, 10 metric_id, 11 value; one row per score.
    try {
        TagLists tag_lists;
        std::vector<ScoreRecord> scores;
        StatementUse use(statements_->select_case_rows);
        use.integer(run_id);
        bool more = use.step();
        while (more) {
            const SQLite::Statement& row = use.row();
            const std::int64_t result_id = row.getColumn(0).getInt64();
            // Stepping to the case's next score row invalidates this row's text: the case's columns are
            // copied out first (short strings, kept without allocating).
            const std::string case_id = row.getColumn(1).getString();
            const auto where = [&] { return "run " + std::to_string(run_id) + " case '" + case_id + "'"; };
            const std::vector<std::string>& tags = tag_lists.of(row.getColumn(3), file(), where);
            const std::string status = row.getColumn(4).getString();
            const std::string error = row.getColumn(7).getString();
            const std::int64_t case_index = row.getColumn(2).getInt64();
            const double latency_ms = row.getColumn(5).getDouble();
            const int attempts = row.getColumn(6).getInt();
            const bool cached = row.getColumn(8).getInt() != 0;
            const std::optional<double> cost_usd = optional_real(row.getColumn(9));
            std::size_t count = 0;
            do {
                const SQLite::Column metric_id = use.row().getColumn(10);
                if (!metric_id.isNull()) {
                    if (count == scores.size()) scores.emplace_back();
                    scores[count].metric = metric_names_->name_of(metric_id.getInt64());
                    scores[count].value = optional_real(use.row().getColumn(11));
                    ++count;
                }
                more = use.step();
            } while (more && use.row().getColumn(0).getInt64() == result_id);
            scores.resize(count);
            visit(CaseRow{case_id, case_index, tags, status, latency_ms, attempts, error, cached, cost_usd, scores});
        }
    } catch (const SQLite::Exception& error) {
        throw database_error(file(), "read the results of run " + std::to_string(run_id), error);
    }
}

std::map<std::int64_t, RunCounts> Store::run_counts() const {
    try {
        std::map<std::int64_t, RunCounts> counts;
        {
            StatementUse use(statements_->select_run_counts);
            while (use.step()) {
                counts[use.row().getColumn(0).getInt64()].by_status[use.row().getColumn(1).getString()] =
                    use.row().getColumn(2).getInt64();
            }
        }
        StatementUse use(statements_->select_run_metric_means);
        while (use.step()) {
            RunCounts::MetricMean mean{metric_names_->name_of(use.row().getColumn(1).getInt64()),
                                       optional_real(use.row().getColumn(2)), use.row().getColumn(3).getInt64()};
            counts[use.row().getColumn(0).getInt64()].metrics.push_back(std::move(mean));
        }
        return counts;
    } catch (const SQLite::Exception& error) {
        throw database_error(file(), "count the results of every run", error);
    }
}

}  // namespace evalpanel::store
