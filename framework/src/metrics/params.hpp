// Reading a metric's suite parameters (METRICS.md §11). A wrong parameter is a suite error, so the
// message names the metric and the parameter; the suite loader adds the file and line.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace evalpanel::metrics {

class MetricParamError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// A parameter's value as the JSON a message quotes. Bytes that are not UTF-8 (a suite file may hold any)
// are shown as U+FFFD: nlohmann's dump() would throw on them, and a suite error would become a crash.
std::string quoted(const nlohmann::json& value);

// params[name] if present (must be a JSON boolean), else `fallback`. `params` is an object or null.
// Throws MetricParamError: "cer: parameter 'collapse_whitespace' must be true or false, got \"yes\"".
bool bool_param(const nlohmann::json& params, std::string_view metric, std::string_view name, bool fallback);

}  // namespace evalpanel::metrics
