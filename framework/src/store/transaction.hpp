// A write transaction over cached BEGIN IMMEDIATE / COMMIT / ROLLBACK statements.
//
// IMMEDIATE takes the write lock at BEGIN, so waiting for another writer goes through the busy timeout.
// A deferred transaction that first reads and then writes cannot wait: SQLite fails it with SQLITE_BUSY
// at once, because waiting could deadlock two such upgraders.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace evalpanel::store {

struct TransactionStatements {
    explicit TransactionStatements(const SQLite::Database& db);
    SQLite::Statement begin;
    SQLite::Statement commit;
    SQLite::Statement rollback;
};

// Begins on construction; rolls back on destruction unless commit() succeeded.
class WriteTransaction {
public:
    explicit WriteTransaction(TransactionStatements& statements);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    void commit();

private:
    TransactionStatements& statements_;
    bool open_ = true;
};

}  // namespace evalpanel::store
