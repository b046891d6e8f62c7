// Scores one case's answer with the suite's metrics.
#pragma once

#include <string>
#include <vector>

#include "metrics/metric.hpp"
#include "store/store.hpp"
#include "suite/suite.hpp"

namespace evalpanel::runner {

// The gold answers a metric compares with (METRICS.md §11): the VQA answers when the case has them,
// else its expected text.
std::vector<std::string> references_of(const suite::Case& c);

// The response's citations as citation metrics read them (METRICS.md §10): a source's text is the suite's
// passage for that URL when the case provides one (offline support checks), else the tool's snippet.
std::vector<metrics::Source> sources_of(const std::vector<Citation>& citations, const suite::Case& c);

// One ScoreRecord per suite metric. A case that produced no answer (error, timeout) is scored as an
// empty answer with no sources: a tool that fails a hard case must not look better than one that tries
// and misses.
std::vector<store::ScoreRecord> score_case(const suite::Suite& suite, const suite::Case& c, const std::string& output,
                                           const std::vector<metrics::Source>& sources = {});

}  // namespace evalpanel::runner
