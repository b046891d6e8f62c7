#include "metrics/registry_parts.hpp"

namespace evalpanel::metrics {

std::vector<MetricDef> citation_metric_defs() { return {}; }

}  // namespace evalpanel::metrics
