// The database schema as a list of forward migrations: migration N takes `PRAGMA user_version` from N-1
// to N in one transaction. A schema change is a new migration appended to the list, never an edit of an
// old one: databases in the field were built by the old ones.
#pragma once

#include <string>
#include <string_view>

#include <SQLiteCpp/Database.h>

namespace evalpanel::store {

int latest_schema_version();
// The SQL of the migration that brings a database to version `target` (1-based); for tests that build
// an old database.
std::string_view migration_sql(int target);
int read_schema_version(const SQLite::Database& db);

// Brings `db` to latest_schema_version(). Throws std::runtime_error naming `file` when the database is
// newer than this build; lets SQLite::Exception through for the caller to describe.
void migrate(SQLite::Database& db, const std::string& file);

}  // namespace evalpanel::store
