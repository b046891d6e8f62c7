#include "metrics/error_rate.hpp"

#include "metrics/params.hpp"

namespace evalpanel::metrics {

ErrorRateOptions error_rate_options(const nlohmann::json& params, std::string_view metric) {
    return {.collapse_whitespace = bool_param(params, metric, "collapse_whitespace", false)};
}

double error_rate(std::size_t edits, std::size_t reference_tokens, std::size_t hypothesis_tokens) {
    if (reference_tokens == 0) return static_cast<double>(hypothesis_tokens);
    return static_cast<double>(edits) / static_cast<double>(reference_tokens);
}

}  // namespace evalpanel::metrics
