// Reads a suite's `metrics:` list: ids known to the metric registry, each with optional parameters.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "suite/yaml_fields.hpp"

namespace evalpanel::suite::detail {

struct MetricList {
    std::vector<std::string> ids;
    nlohmann::json params = nlohmann::json::object();  // every id -> {param: value}, {} when none given
};

// Items are `cer` or `{anls: {threshold: 0.6}}`. Unknown ids, unknown parameters and repeated ids are
// reported; the known ones are still returned so later checks can go on.
MetricList read_metric_list(const Field& field, Diagnostics& out);

}  // namespace evalpanel::suite::detail
