#include "cli/store_queries.hpp"

#include <filesystem>

#include "cli/command.hpp"

namespace evalpanel::cli {

std::vector<store::RunRecord> select_runs(const store::Store& store, const std::vector<std::string>& ids) {
    std::vector<store::RunRecord> selected;
    for (const std::string& id : ids) {
        if (id == "latest") {
            auto batch = store.latest_batch();
            selected.insert(selected.end(), batch.begin(), batch.end());
            continue;
        }
        std::int64_t number = 0;
        try {
            std::size_t used = 0;
            number = std::stoll(id, &used);
            if (used != id.size()) throw std::invalid_argument(id);
        } catch (const std::exception&) {
            throw UsageError("'" + id + "' is not a run id (a number, or 'latest')");
        }
        auto run = store.run(number);
        if (!run) throw UsageError("no run " + id + " in the store (see `evalpanel runs`)");
        selected.push_back(*run);
    }
    if (ids.empty()) selected = store.latest_batch();
    if (selected.empty()) throw UsageError("the store has no runs yet (run `evalpanel run` first)");
    return selected;
}

report::RunSummary summarize_run(const store::Store& store, std::int64_t run_id, const report::SummaryOptions& options) {
    auto run = store.run(run_id);
    if (!run) throw UsageError("no run " + std::to_string(run_id) + " in the store");
    report::SummaryBuilder summary(*run, options);
    store.for_each_case(run_id, [&](const store::CaseRow& row) { summary.add(row); });
    return summary.finish();
}

store::Store open_existing(const std::string& db) {
    if (!std::filesystem::exists(db)) throw UsageError(db + ": no such store (pass --db, or run `evalpanel run` first)");
    return store::Store::open(db);
}

}  // namespace evalpanel::cli
