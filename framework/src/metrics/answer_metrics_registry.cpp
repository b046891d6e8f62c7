// The answer metrics of METRICS.md §4–§7 and how each reads its case (§11): vqa_accuracy's references
// are the human answers; anls, relaxed_accuracy and ocrbench take the best over the references.
#include <string>
#include <string_view>

#include "metrics/anls.hpp"
#include "metrics/ocrbench.hpp"
#include "metrics/params.hpp"
#include "metrics/registry_parts.hpp"
#include "metrics/relaxed_accuracy.hpp"
#include "metrics/vqa_accuracy.hpp"

namespace evalpanel::metrics {
namespace {

// params[name] if present (a JSON number, integer or not), else `fallback`. Throws MetricParamError:
// "anls: parameter 'threshold' must be a number, got \"high\"".
double number_param(const nlohmann::json& params, std::string_view metric, std::string_view name, double fallback) {
    if (params.is_null()) return fallback;
    if (!params.is_object()) {
        throw MetricParamError(std::string(metric) + ": parameters must be a mapping, got " + quoted(params));
    }
    const auto it = params.find(name);
    if (it == params.end() || it->is_null()) return fallback;
    if (!it->is_number()) {
        throw MetricParamError(std::string(metric) + ": parameter '" + std::string(name) +
                               "' must be a number, got " + quoted(*it));
    }
    return it->get<double>();
}

double anls_threshold(const nlohmann::json& params) {
    return number_param(params, "anls", "threshold", kDefaultAnlsThreshold);
}

double max_relative_change(const nlohmann::json& params) {
    return number_param(params, "relaxed_accuracy", "max_relative_change", kDefaultMaxRelativeChange);
}

void check_anls_params(const nlohmann::json& params) { (void)anls_threshold(params); }
void check_relaxed_accuracy_params(const nlohmann::json& params) { (void)max_relative_change(params); }

MetricValue vqa_accuracy_metric(const MetricInput& input) { return vqa_accuracy(input.prediction, input.references); }

MetricValue anls_metric(const MetricInput& input) {
    return anls(input.prediction, input.references, anls_threshold(input.params));
}

MetricValue relaxed_accuracy_metric(const MetricInput& input) {
    return relaxed_accuracy(input.prediction, input.references, max_relative_change(input.params));
}

MetricValue ocrbench_metric(const MetricInput& input) { return ocrbench(input.prediction, input.references); }

MetricValue ocrbench_hme_metric(const MetricInput& input) { return ocrbench_hme(input.prediction, input.references); }

}  // namespace

std::vector<MetricDef> answer_metric_defs() {
    return {
        {.id = "vqa_accuracy", .higher_is_better = true, .params = {}, .compute = &vqa_accuracy_metric},
        {.id = "anls",
         .higher_is_better = true,
         .params = {"threshold"},
         .compute = &anls_metric,
         .check_param_values = &check_anls_params},
        {.id = "relaxed_accuracy",
         .higher_is_better = true,
         .params = {"max_relative_change"},
         .compute = &relaxed_accuracy_metric,
         .check_param_values = &check_relaxed_accuracy_params},
        {.id = "ocrbench", .higher_is_better = true, .params = {}, .compute = &ocrbench_metric},
        {.id = "ocrbench_hme", .higher_is_better = true, .params = {}, .compute = &ocrbench_hme_metric},
    };
}

}  // namespace evalpanel::metrics
