// A metric is a pure function of (prediction, references, parameters): no I/O, no state.
// Metrics are registered under their METRICS.md id and looked up by name from suite YAML.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace evalpanel::metrics {

// A metric's value for one case, or nullopt when the metric is undefined for it (METRICS.md §0:
// excluded from means and counted separately, never silently 0).
using MetricValue = std::optional<double>;

// One source of a research answer, as citation metrics see it (METRICS.md §10): the response's source
// list is 1-based in the text ("[1]" is sources[0]). Any field may be empty.
struct Source {
    std::string url;
    std::string title;
    std::string text;   // snippet, or the suite's passage for that source
    std::string date;   // as given: "2025", "2025-05", "2025-05-31", "2025-05-31T10:00:00Z", ...
};

namespace detail {
inline const std::vector<Source>& no_sources() {
    static const std::vector<Source> empty;
    return empty;
}
inline const std::vector<std::string>& no_strings() {
    static const std::vector<std::string> empty;
    return empty;
}
}  // namespace detail

struct MetricInput {
    std::string_view prediction;             // UTF-8
    const std::vector<std::string>& references;  // UTF-8; METRICS.md §11 says which element(s) a metric reads
    const nlohmann::json& params;            // the suite's parameters for this metric (an object, maybe empty)
    // Research cases only (METRICS.md §10): the response's sources, and what the case expects.
    const std::vector<Source>& sources = detail::no_sources();
    const std::vector<std::string>& facts = detail::no_strings();             // fact_recall
    const std::vector<std::string>& expected_sources = detail::no_strings();  // source_recall: domains or URLs
};

struct MetricDef {
    std::string id;                  // METRICS.md id: "cer", "wer", "exact_match", ...
    bool higher_is_better = true;    // cer/wer: false
    std::vector<std::string> params; // the parameter names it accepts (anything else is a suite error)
    MetricValue (*compute)(const MetricInput&) = nullptr;
    // Checks the parameter values' types (names are checked against `params`); throws MetricParamError
    // (metrics/params.hpp). nullptr: the metric takes no parameters.
    void (*check_param_values)(const nlohmann::json& params) = nullptr;
    // Citation metrics read the response's sources, not gold answers: where inputs come as one list
    // (`evalpanel score --jsonl`'s "references"), that list is the sources for these.
    bool references_are_sources = false;
};

// The registry of built-in metrics, built once at start-up.
const std::vector<MetricDef>& all_metrics();
const MetricDef* find_metric(std::string_view id);

// What a suite loader calls once per metric: `params` must be null or an object whose keys are all in
// def.params, with values of the right type. Throws MetricParamError naming the metric and parameter
// ("wer: unknown parameter 'collapse_spaces' (accepted: collapse_whitespace)").
void validate_params(const MetricDef& def, const nlohmann::json& params);

}  // namespace evalpanel::metrics
