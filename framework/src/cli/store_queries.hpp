// The store questions several commands ask: which runs a --run/--latest selection means, and a run's
// summary.
#pragma once

#include <string>
#include <vector>

#include "report/aggregate.hpp"
#include "store/store.hpp"

namespace evalpanel::cli {

// `ids` holds run ids or "latest"; empty means the newest batch. Throws UsageError for an unknown id or
// an empty store.
std::vector<store::RunRecord> select_runs(const store::Store& store, const std::vector<std::string>& ids);

report::RunSummary summarize_run(const store::Store& store, std::int64_t run_id,
                                 const report::SummaryOptions& options = {});

// Opens an existing store for reading: a missing file is a usage error, not a new empty database.
store::Store open_existing(const std::string& db);

}  // namespace evalpanel::cli
