#include "store/transaction.hpp"

#include "store/statement_use.hpp"

namespace evalpanel::store {

TransactionStatements::TransactionStatements(const SQLite::Database& db)
    : begin(db, "BEGIN IMMEDIATE"), commit(db, "COMMIT"), rollback(db, "ROLLBACK") {}

WriteTransaction::WriteTransaction(TransactionStatements& statements) : statements_(statements) {
    StatementUse(statements_.begin).exec();
}

WriteTransaction::~WriteTransaction() {
    if (!open_) {
        return;
    }
    // Some errors (disk full, I/O) already rolled the transaction back; then ROLLBACK fails, harmlessly.
    statements_.rollback.tryExecuteStep();
    statements_.rollback.tryReset();
}

void WriteTransaction::commit() {
    StatementUse(statements_.commit).exec();
    open_ = false;
}

}  // namespace evalpanel::store
