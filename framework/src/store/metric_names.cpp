#include "store/metric_names.hpp"

#include <stdexcept>

#include "store/statement_use.hpp"

namespace evalpanel::store {

MetricNames::MetricNames(const SQLite::Database& db)
    : db_(db),
      select_id_(db, "SELECT id FROM metric_names WHERE name = ?"),
      insert_name_(db, "INSERT INTO metric_names (name) VALUES (?)"),
      select_all_(db, "SELECT id, name FROM metric_names") {}

std::int64_t MetricNames::id_for(const std::string& name) {
    if (const auto found = ids_.find(name); found != ids_.end()) return found->second;
    std::int64_t id = 0;
    {
        StatementUse use(select_id_);
        use.text(name);
        if (use.step()) id = use.row().getColumn(0).getInt64();
    }
    if (id == 0) {
        StatementUse(insert_name_).text(name).exec();
        id = db_.getLastInsertRowid();
        added_.push_back(name);
    }
    ids_.emplace(name, id);
    names_.emplace(id, name);
    return id;
}

void MetricNames::forget_added() {
    for (const std::string& name : added_) {
        if (const auto found = ids_.find(name); found != ids_.end()) {
            names_.erase(found->second);
            ids_.erase(found);
        }
    }
    added_.clear();
}

const std::string& MetricNames::name_of(std::int64_t id) {
    auto found = names_.find(id);
    if (found == names_.end()) {
        reload();
        found = names_.find(id);
        if (found == names_.end()) {
            throw std::runtime_error("a score refers to metric id " + std::to_string(id) +
                                     ", which the metric_names table does not hold");
        }
    }
    return found->second;
}

void MetricNames::reload() {
    StatementUse use(select_all_);
    while (use.step()) {
        const std::int64_t id = use.row().getColumn(0).getInt64();
        const std::string name = use.row().getColumn(1).getString();
        ids_.emplace(name, id);
        names_.emplace(id, name);
    }
}

}  // namespace evalpanel::store
