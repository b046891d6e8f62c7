// Opening a Store: connection settings, the read-only check and the schema migration.
#include "store/store.hpp"

#include <stdexcept>
#include <utility>

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include "store/database_error.hpp"
#include "store/metric_names.hpp"
#include "store/schema.hpp"
#include "store/statements.hpp"

namespace evalpanel::store {
namespace {

// A file whose permissions forbid writing opens "successfully" read-only; every later write would then
// fail, so refuse it now with the reason.
void require_writable(const SQLite::Database& db, const std::string& file) {
    if (sqlite3_db_readonly(db.getHandle(), "main") == 1) {
        throw std::runtime_error(file + ": cannot open the database for writing: it is read-only (check the "
                                        "permissions of the file and of its directory)");
    }
}

void configure(SQLite::Database& db, const std::string& file) {
    // WAL lets reports read while a run writes; NORMAL is durable in WAL mode except for the last
    // transactions before a power cut, which --resume re-runs.
    const std::string mode = db.execAndGet("PRAGMA journal_mode = WAL").getString();
    if (mode != "wal") {
        throw std::runtime_error(file + ": cannot switch the database to WAL mode (it stays in " + mode +
                                 " mode; is it on a network file system?)");
    }
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec("PRAGMA foreign_keys = ON");
}

}  // namespace

Store Store::open(const std::filesystem::path& path) { return open(path, default_busy_timeout); }

Store Store::open(const std::filesystem::path& path, std::chrono::milliseconds busy_timeout) {
    const std::string file = path.string();
    try {
        // OPEN_URI: lets callers and tests say "file:x.db?mode=ro"; a plain path means what it says.
        auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE |
                                                               SQLite::OPEN_URI,
                                                     static_cast<int>(busy_timeout.count()));
        require_writable(*db, file);
        configure(*db, file);
        migrate(*db, file);
        return Store(std::move(db));
    } catch (const SQLite::Exception& error) {
        throw database_error(file, "open the database", error);
    }
}

Store::Store(std::unique_ptr<SQLite::Database> db)
    : db_(std::move(db)), statements_(std::make_unique<Statements>(*db_)), metric_names_(std::make_unique<MetricNames>(*db_)) {}

Store::Store(Store&&) noexcept = default;

Store& Store::operator=(Store&& other) noexcept {
    if (this != &other) {
        metric_names_.reset();  // finalize our statements while their connection is still open
        statements_.reset();
        db_ = std::move(other.db_);
        statements_ = std::move(other.statements_);
        metric_names_ = std::move(other.metric_names_);
    }
    return *this;
}

Store::~Store() = default;

int Store::current_schema_version() { return latest_schema_version(); }

int Store::schema_version() const {
    try {
        return read_schema_version(*db_);
    } catch (const SQLite::Exception& error) {
        throw database_error(file(), "read the schema version", error);
    }
}

const std::string& Store::file() const { return db_->getFilename(); }

}  // namespace evalpanel::store
