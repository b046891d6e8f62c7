#include "metrics/params.hpp"

namespace evalpanel::metrics {

std::string quoted(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool bool_param(const nlohmann::json& params, std::string_view metric, std::string_view name, bool fallback) {
    if (params.is_null()) return fallback;
    if (!params.is_object()) {
        throw MetricParamError(std::string(metric) + ": parameters must be a mapping, got " + quoted(params));
    }
    const auto it = params.find(name);
    if (it == params.end() || it->is_null()) return fallback;
    if (!it->is_boolean()) {
        throw MetricParamError(std::string(metric) + ": parameter '" + std::string(name) +
                               "' must be true or false, got " + quoted(*it));
    }
    return it->get<bool>();
}

}  // namespace evalpanel::metrics
