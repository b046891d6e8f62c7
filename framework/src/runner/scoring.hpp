// Scores one case's answer with the suite's metrics.
#pragma once

#include <string>
#include <vector>

#include "store/store.hpp"
#include "suite/suite.hpp"

namespace evalpanel::runner {

// The gold answers a metric compares with (METRICS.md §11): the VQA answers when the case has them,
// else its expected text.
std::vector<std::string> references_of(const suite::Case& c);

// One ScoreRecord per suite metric. A case that produced no answer (error, timeout) is scored as an
// empty answer: a tool that fails a hard case must not look better than one that tries and misses.
std::vector<store::ScoreRecord> score_case(const suite::Suite& suite, const suite::Case& c, const std::string& output);

}  // namespace evalpanel::runner
