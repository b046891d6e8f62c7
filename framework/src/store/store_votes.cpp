// Community votes. Rare writes: the statements are prepared per call, not cached.
#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <stdexcept>

#include "store/database_error.hpp"
#include "store/statement_use.hpp"
#include "store/store.hpp"

namespace evalpanel::store {

void Store::add_vote(const std::string& tool, const std::string& vote, const std::string& comment) {
    if (vote != "up" && vote != "down") throw std::invalid_argument("a vote is 'up' or 'down', not '" + vote + "'");
    try {
        SQLite::Statement insert(*db_, "INSERT INTO votes (tool, vote, comment, created_at) VALUES (?, ?, ?, ?)");
        StatementUse(insert).text(tool).text(vote).text(comment).text(now_utc_iso8601()).exec();
    } catch (const SQLite::Exception& error) {
        throw database_error(file(), "record a vote for '" + tool + "'", error);
    }
}

std::map<std::string, VoteCount> Store::vote_counts() const {
    std::map<std::string, VoteCount> counts;
    try {
        SQLite::Statement select(*db_, "SELECT tool, vote, count(*) FROM votes GROUP BY tool, vote");
        while (select.executeStep()) {
            VoteCount& c = counts[select.getColumn(0).getString()];
            const int n = select.getColumn(2).getInt();
            if (select.getColumn(1).getString() == "up") c.up += n;
            else c.down += n;
        }
    } catch (const SQLite::Exception& error) {
        throw database_error(file(), "read the votes", error);
    }
    return counts;
}

}  // namespace evalpanel::store
