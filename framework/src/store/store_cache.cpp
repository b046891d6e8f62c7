// The response cache: request hash -> the tool's answer. Written with the results (Store::write_batch).
#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database_error.hpp"
#include "store/statement_use.hpp"
#include "store/statements.hpp"
#include "store/store.hpp"

namespace evalpanel::store {

std::optional<nlohmann::json> Store::cache_get(const std::string& key) const {
    try {
        StatementUse use(statements_->select_cache);
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

void Store::cache_put(const std::string& key, const nlohmann::json& response) { write_batch({}, {CacheEntry{key, response}}); }

}  // namespace evalpanel::store
