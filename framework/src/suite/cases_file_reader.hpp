// `cases_file: cases.jsonl` — a suite's cases as JSON Lines: one case object per line, with the keys a
// case has under `cases:` ({"id": "c1", "image": "img/c1.png", "expected": "TOTAL 12.50"}). Meant for
// large, generated or imported suites: a line of JSON reads an order of magnitude faster than the same
// case in YAML, and holds no YAML node tree in memory (a 100,000-case YAML suite needs over 600 MB of
// yaml-cpp nodes while it loads).
#pragma once

#include <string>
#include <vector>

#include "suite/case_reader.hpp"

namespace evalpanel::suite::detail {

// Reads every line of `bytes` (the file's contents) as a case, checked like a case under `cases:`.
// Problems go to `out` (whose file is the cases file) at the line they are on; blank lines are skipped.
// Returns the cases that read cleanly, in file order.
std::vector<Case> read_cases_file(const std::string& bytes, const CaseContext& context, Diagnostics& out);

}  // namespace evalpanel::suite::detail
