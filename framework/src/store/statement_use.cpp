#include "store/statement_use.hpp"

#include <stdexcept>

namespace evalpanel::store {

StatementUse::~StatementUse() {
    statement_.tryReset();
    if (!borrowed_) return;
    try {
        statement_.clearBindings();
    } catch (const SQLite::Exception&) {
        // Cannot happen (sqlite3_clear_bindings always succeeds); a destructor must not throw regardless.
    }
}

StatementUse& StatementUse::borrowed_text(const std::string& value) {
    statement_.bindNoCopy(next_index_++, value);
    borrowed_ = true;
    return *this;
}

StatementUse& StatementUse::text(const std::string& value) {
    statement_.bind(next_index_++, value);
    return *this;
}

StatementUse& StatementUse::text_or_null(const std::string& value) {
    if (value.empty()) {
        statement_.bind(next_index_++);
    } else {
        statement_.bind(next_index_++, value);
    }
    return *this;
}

StatementUse& StatementUse::integer(std::int64_t value) {
    statement_.bind(next_index_++, value);
    return *this;
}

StatementUse& StatementUse::real(double value) {
    statement_.bind(next_index_++, value);
    return *this;
}

StatementUse& StatementUse::real(const std::optional<double>& value) {
    if (value) {
        statement_.bind(next_index_++, *value);
    } else {
        statement_.bind(next_index_++);
    }
    return *this;
}

int StatementUse::exec() {
    require_all_bound();
    return statement_.exec();
}

bool StatementUse::step() {
    require_all_bound();
    return statement_.executeStep();
}

void StatementUse::require_all_bound() const {
    if (next_index_ - 1 != statement_.getBindParameterCount()) {
        throw std::logic_error("statement bound " + std::to_string(next_index_ - 1) + " of its " +
                               std::to_string(statement_.getBindParameterCount()) +
                               " parameters: " + statement_.getQuery());
    }
}

}  // namespace evalpanel::store
