// One use of a cached prepared statement: binds its parameters in order, runs it, and always leaves it
// reset so the next use starts clean and no half-read statement keeps holding a read lock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <SQLiteCpp/Statement.h>

namespace evalpanel::store {

class StatementUse {
public:
    explicit StatementUse(SQLite::Statement& statement) : statement_(statement) {}
    ~StatementUse();
    StatementUse(const StatementUse&) = delete;
    StatementUse& operator=(const StatementUse&) = delete;

    // Parameters are bound left to right, as the `?` appear in the SQL.
    StatementUse& text(const std::string& value);
    // Text the caller keeps alive until this use ends, bound without a copy: copying a result's texts
    // into SQLite is otherwise a good part of writing it. The bindings are cleared when the use ends,
    // so the statement never holds a pointer to text that is gone.
    StatementUse& borrowed_text(const std::string& value);
    StatementUse& text_or_null(const std::string& value);  // "" binds NULL
    StatementUse& integer(std::int64_t value);
    StatementUse& real(double value);
    StatementUse& real(const std::optional<double>& value);  // nullopt binds NULL

    // Runs a statement that returns no rows; returns the number of rows it changed.
    int exec();
    // Fetches the next row; false when there are no more.
    bool step();
    const SQLite::Statement& row() const { return statement_; }

private:
    // A parameter left unbound would silently keep its value from the previous use.
    void require_all_bound() const;

    SQLite::Statement& statement_;
    int next_index_ = 1;
    bool borrowed_ = false;
};

}  // namespace evalpanel::store
