// The metric-name dictionary (schema 6): scores store a small integer per metric, this maps names to
// those ids and back. Names are cached per connection: a name, once committed, keeps its id forever
// (rows of metric_names are never changed or deleted), so the cache never goes stale; ids another
// connection added are read when first met.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace evalpanel::store {

class MetricNames {
public:
    explicit MetricNames(const SQLite::Database& db);

    // The id of `name`, adding it to the dictionary if new. Call inside a write transaction; then
    // commit_added() after it commits, or forget_added() when it rolled back.
    std::int64_t id_for(const std::string& name);
    void commit_added() { added_.clear(); }
    void forget_added();

    // The name of a stored id; throws std::runtime_error when the dictionary has no such id.
    const std::string& name_of(std::int64_t id);

private:
    void reload();

    const SQLite::Database& db_;
    SQLite::Statement select_id_;
    SQLite::Statement insert_name_;
    SQLite::Statement select_all_;
    std::unordered_map<std::string, std::int64_t> ids_;
    std::unordered_map<std::int64_t, std::string> names_;
    std::vector<std::string> added_;  // names inserted by the open transaction
};

// Forgets the names a write added unless the write committed: a rolled-back id must not be reused
// from the cache, since another name may take it next.
class AddedMetricNames {
public:
    explicit AddedMetricNames(MetricNames& names) : names_(names) {}
    ~AddedMetricNames() {
        if (!committed_) names_.forget_added();
    }
    AddedMetricNames(const AddedMetricNames&) = delete;
    AddedMetricNames& operator=(const AddedMetricNames&) = delete;
    void commit() {
        names_.commit_added();
        committed_ = true;
    }

private:
    MetricNames& names_;
    bool committed_ = false;
};

}  // namespace evalpanel::store
