#include "store/database_error.hpp"

#include <sqlite3.h>

namespace evalpanel::store {
namespace {

// SQLite's messages ("database is locked", "file is not a database") say what, not what to do.
std::string explain(int primary_code, int extended_code) {
    switch (extended_code) {
        case SQLITE_CONSTRAINT_FOREIGNKEY:
            return "a row it refers to does not exist";
        case SQLITE_CONSTRAINT_PRIMARYKEY:
        case SQLITE_CONSTRAINT_UNIQUE:
            return "it would duplicate an existing row";
        default:
            break;
    }
    switch (primary_code) {
        case SQLITE_NOTADB:
            return "the file is not an SQLite database";
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return "the database is locked by another connection (another evalpanel still writing?); "
                   "gave up waiting for it";
        case SQLITE_READONLY:
            return "the database is read-only (check the permissions of the file and of its directory, "
                   "which must hold the -wal and -shm files)";
        case SQLITE_CANTOPEN:
            return "the file cannot be opened (does its directory exist, and may evalpanel write there?)";
        case SQLITE_PERM:
        case SQLITE_AUTH:
            return "permission denied";
        case SQLITE_FULL:
            return "the disk is full";
        case SQLITE_CORRUPT:
            return "the database file is corrupt";
        case SQLITE_IOERR:
            return "an I/O error occurred";
        case SQLITE_CONSTRAINT:
            return "a constraint failed";
        default:
            return "SQLite failed";
    }
}

}  // namespace

std::runtime_error database_error(const std::string& file, const std::string& action,
                                  const SQLite::Exception& error) {
    const int primary_code = error.getErrorCode() & 0xff;  // extended codes keep the primary in the low byte
    return std::runtime_error(file + ": cannot " + action + ": " + explain(primary_code, error.getExtendedErrorCode()) + " (SQLite: " +
                              error.what() + ")");
}

}  // namespace evalpanel::store
