#include "metrics/citation_params.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "metrics/params.hpp"

namespace evalpanel::metrics {
namespace {

[[noreturn]] void fail(std::string_view metric, std::string_view name, std::string_view expectation,
                       const nlohmann::json& value) {
    throw MetricParamError(std::string(metric) + ": parameter '" + std::string(name) + "' must be " +
                           std::string(expectation) + ", got " + quoted(value));
}

// params[name], or nullptr when absent or null. `params` must be null or an object.
const nlohmann::json* find_param(const nlohmann::json& params, std::string_view metric, std::string_view name) {
    if (params.is_null()) return nullptr;
    if (!params.is_object()) {
        throw MetricParamError(std::string(metric) + ": parameters must be a mapping, got " + quoted(params));
    }
    const auto it = params.find(name);
    return it == params.end() || it->is_null() ? nullptr : &*it;
}

// JSON numbers only: true/false and "0.5" are refused, not converted.
double number_param(const nlohmann::json& params, std::string_view metric, std::string_view name, double fallback,
                    double min, double max, std::string_view expectation) {
    const nlohmann::json* value = find_param(params, metric, name);
    if (value == nullptr) return fallback;
    if (!value->is_number()) fail(metric, name, expectation, *value);
    const double number = value->get<double>();
    if (!std::isfinite(number) || number < min || number > max) fail(metric, name, expectation, *value);
    return number;
}

std::size_t positive_integer_param(const nlohmann::json& params, std::string_view metric, std::string_view name,
                                   std::size_t fallback) {
    const nlohmann::json* value = find_param(params, metric, name);
    if (value == nullptr) return fallback;
    if (value->is_number_unsigned() && value->get<std::uint64_t>() >= 1) {
        return static_cast<std::size_t>(value->get<std::uint64_t>());
    }
    if (value->is_number_integer() && value->get<std::int64_t>() >= 1) {
        return static_cast<std::size_t>(value->get<std::int64_t>());
    }
    fail(metric, name, "an integer >= 1", *value);
}

}  // namespace

double support_threshold_param(const nlohmann::json& params, std::string_view metric) {
    return number_param(params, metric, "threshold", kDefaultSupportThreshold, 0.0, 1.0, "a number from 0 to 1");
}

CitationJudgeOptions citation_judge_options(const nlohmann::json& params, std::string_view metric) {
    return {.threshold = support_threshold_param(params, metric),
            .at_most_citations = positive_integer_param(params, metric, "at_most_citations", kDefaultAtMostCitations)};
}

double fact_threshold_param(const nlohmann::json& params) {
    return number_param(params, "fact_recall", "fact_threshold", kDefaultFactThreshold, 0.0, 1.0,
                        "a number from 0 to 1");
}

FreshnessOptions freshness_options(const nlohmann::json& params, std::string_view metric, bool accepts_max_age) {
    const nlohmann::json* as_of = find_param(params, metric, "as_of");
    if (as_of == nullptr) {
        throw MetricParamError(std::string(metric) +
                               ": parameter 'as_of' is required (the date ages are measured to, e.g. "
                               "\"2025-06-01\"; never today, so scores stay reproducible)");
    }
    constexpr std::string_view kDateExpectation = "a valid date \"YYYY-MM-DD\" (or \"YYYY-MM\", \"YYYY\")";
    if (!as_of->is_string()) fail(metric, "as_of", kDateExpectation, *as_of);
    const auto day = parse_source_date(as_of->get<std::string>());
    if (!day) fail(metric, "as_of", kDateExpectation, *as_of);

    FreshnessOptions options{.as_of = *day};
    if (accepts_max_age) {
        options.max_age_days = number_param(params, metric, "max_age_days", kDefaultMaxAgeDays, 0.0,
                                            std::numeric_limits<double>::max(), "a number of days >= 0");
    }
    return options;
}

}  // namespace evalpanel::metrics
