// Checks on the response's source list by URL (METRICS.md §10.5): repeated sources and spread of domains.
//
// A source with an empty (or white-space-only) url has no URL to repeat and no domain, so both checks leave
// it out entirely — of the count and of the keys — rather than treat "" as one shared URL (which would call
// two URL-less sources duplicates of each other).
#pragma once

#include <cstddef>
#include <vector>

#include "metrics/metric.hpp"

namespace evalpanel::metrics {

// Sources with a URL − distinct URL keys.
std::size_t citation_duplicate_urls(const std::vector<Source>& sources);

// Distinct hosts / sources with a URL; nullopt when no source has one. Sub-domains and non-default ports
// are different hosts.
MetricValue domain_diversity(const std::vector<Source>& sources);

// Registry entries (they read input.sources).
MetricValue citation_duplicate_urls_metric(const MetricInput& input);
MetricValue domain_diversity_metric(const MetricInput& input);

}  // namespace evalpanel::metrics
