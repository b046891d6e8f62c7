#include "metrics/registry_parts.hpp"

namespace evalpanel::metrics {

std::vector<MetricDef> answer_metric_defs() { return {}; }

}  // namespace evalpanel::metrics
