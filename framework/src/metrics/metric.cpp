#include "metrics/metric.hpp"

#include <algorithm>

#include "metrics/cer.hpp"
#include "metrics/error_rate.hpp"
#include "metrics/exact_match.hpp"
#include "metrics/levenshtein.hpp"
#include "metrics/params.hpp"
#include "metrics/registry_parts.hpp"
#include "metrics/wer.hpp"

namespace evalpanel::metrics {
namespace {

void check_cer_params(const nlohmann::json& params) { (void)error_rate_options(params, "cer"); }
void check_wer_params(const nlohmann::json& params) { (void)error_rate_options(params, "wer"); }

std::string accepted_list(const std::vector<std::string>& names) {
    if (names.empty()) return "none";
    std::string list;
    for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
    return list;
}

}  // namespace

std::vector<MetricDef> text_metric_defs() {
    return {
        {.id = "levenshtein", .higher_is_better = false, .params = {}, .compute = &levenshtein_metric},
        {.id = "cer",
         .higher_is_better = false,
         .params = {"collapse_whitespace"},
         .compute = &cer_metric,
         .check_param_values = &check_cer_params},
        {.id = "wer",
         .higher_is_better = false,
         .params = {"collapse_whitespace"},
         .compute = &wer_metric,
         .check_param_values = &check_wer_params},
        {.id = "exact_match", .higher_is_better = true, .params = {}, .compute = &exact_match_metric},
        {.id = "token_f1", .higher_is_better = true, .params = {}, .compute = &token_f1_metric},
    };
}

const std::vector<MetricDef>& all_metrics() {
    // Each family registers its own definitions; the registry is built once, at first use.
    static const std::vector<MetricDef> registry = [] {
        std::vector<MetricDef> all;
        for (auto family : {&text_metric_defs, &answer_metric_defs, &citation_metric_defs}) {
            for (MetricDef& def : family()) all.push_back(std::move(def));
        }
        return all;
    }();
    return registry;
}

const MetricDef* find_metric(std::string_view id) {
    const auto& registry = all_metrics();
    const auto it = std::ranges::find_if(registry, [&](const MetricDef& def) { return def.id == id; });
    return it == registry.end() ? nullptr : &*it;
}

void validate_params(const MetricDef& def, const nlohmann::json& params) {
    // No parameters is an empty map: a metric with a required parameter must still say it is missing.
    if (params.is_null()) {
        if (def.check_param_values != nullptr) def.check_param_values(nlohmann::json::object());
        return;
    }
    if (!params.is_object()) {
        throw MetricParamError(def.id + ": parameters must be a mapping, got " + quoted(params));
    }
    for (const auto& [name, value] : params.items()) {
        if (std::ranges::find(def.params, name) == def.params.end()) {
            throw MetricParamError(def.id + ": unknown parameter '" + name + "' (accepted: " +
                                   accepted_list(def.params) + ")");
        }
    }
    if (def.check_param_values != nullptr) def.check_param_values(params);
}

}  // namespace evalpanel::metrics
