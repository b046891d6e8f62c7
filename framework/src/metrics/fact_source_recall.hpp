// `fact_recall` and `source_recall` (METRICS.md §10.6): did the answer state the facts and cite the
// sources the suite case expects.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "metrics/metric.hpp"

namespace evalpanel::metrics {

// Expected facts present in the answer / expected facts; a fact is present when
// lexical_support(fact, remove_citations(answer)) >= fact_threshold. nullopt when no fact is expected.
MetricValue fact_recall(std::string_view answer, const std::vector<std::string>& facts, double fact_threshold);

// Expected sources matched by any of the response's sources (cited in the text or not) / expected sources.
// An expected source without "/" after its host and without a query is a domain: it matches a source whose
// host equals it or ends with "." + it ("europa.eu" matches eur-lex.europa.eu). Otherwise it is a URL and
// matches a source with the same URL key (§10.5). nullopt when none is expected.
MetricValue source_recall(const std::vector<Source>& sources, const std::vector<std::string>& expected);

// Registry entries; fact_recall takes `fact_threshold` (default 0.8).
MetricValue fact_recall_metric(const MetricInput& input);
MetricValue source_recall_metric(const MetricInput& input);

}  // namespace evalpanel::metrics
