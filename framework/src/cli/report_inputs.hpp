// What `evalpanel report` reads from the store for a selection of runs: the aggregates, the cases, and —
// when a panel file is found — the panel's verdict on each tool.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "report/report_data.hpp"
#include "store/store.hpp"
#include "verdict/verdict.hpp"

namespace evalpanel::cli {

// --panel FILE if given (it must exist); else ./reports/panel.yaml; else the panel installed or in the
// source tree next to the binary (<exe>/../share/evalpanel/panel.yaml, <exe>/../../reports/panel.yaml).
// nullopt when none exists (the report then has no verdict).
std::optional<std::filesystem::path> find_panel_file(const std::string& explicit_path);

// The tool+suite's latest run before `run` that finished, if any: the baseline of the trend figures.
std::optional<store::RunRecord> previous_run(const std::vector<store::RunRecord>& all_runs, const store::RunRecord& run);

// Which of a run's cases a report reads: the aggregates always; every case's full record only for a
// format that lists every case (HTML, JUnit).
enum class CaseRecords { leave_out, include };

// Reads each run's cases once, as a stream: the summary, what the verdict and the report need beyond
// it, and (when asked) the records.
report::ReportData load_report_data(const store::Store& store, const std::vector<store::RunRecord>& runs,
                                    const std::optional<verdict::Panel>& panel,
                                    CaseRecords records = CaseRecords::leave_out);

}  // namespace evalpanel::cli
