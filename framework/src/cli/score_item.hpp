// One line of `evalpanel score --jsonl` input, checked and converted: separate from the command so the
// parser can be tested and fuzzed on its own.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "metrics/metric.hpp"

namespace evalpanel::cli {

// One input line, checked and converted; scoring it cannot fail for a reason the input could cause.
struct ScoreItem {
    const metrics::MetricDef* metric = nullptr;
    std::string prediction;
    std::vector<std::string> references;
    std::vector<metrics::Source> sources;
    std::vector<std::string> facts;
    std::vector<std::string> expected_sources;
    nlohmann::json params = nlohmann::json::object();
    nlohmann::json id;  // echoed back when given
};

// Throws nlohmann::json::parse_error when the line is not JSON, and std::invalid_argument (metric
// parameter errors included) naming the key when it is JSON of the wrong shape.
ScoreItem parse_score_item(const std::string& line);

}  // namespace evalpanel::cli
