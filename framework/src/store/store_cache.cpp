// The response cache: rare next to result writes, so statements are prepared per call.
#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database_error.hpp"
#include "store/statement_use.hpp"
#include "store/store.hpp"

namespace evalpanel::store {

std::optional<nlohmann::json> Store::cache_get(const std::string& key) const {
    try {
        SQLite::Statement select(*db_, "SELECT response FROM cache WHERE key = ?");
        StatementUse use(select);
        use.text(key);
        if (!use.step()) return std::nullopt;
        // A cache entry that does not parse is a miss, not a failure: the tool is simply asked again.
        nlohmann::json response = nlohmann::json::parse(use.row().getColumn(0).getString(), nullptr, false);
        if (response.is_discarded()) return std::nullopt;
        return response;
    } catch (const SQLite::Exception& error) {
        throw database_error(file(), "read the response cache", error);
    }
}

void Store::cache_put(const std::string& key, const nlohmann::json& response) {
    try {
        SQLite::Statement insert(*db_, "INSERT OR REPLACE INTO cache (key, response, created_at) VALUES (?, ?, ?)");
        StatementUse(insert)
            .text(key)
            .text(response.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
            .text(now_utc_iso8601())
            .exec();
    } catch (const SQLite::Exception& error) {
        throw database_error(file(), "write the response cache", error);
    }
}

}  // namespace evalpanel::store
