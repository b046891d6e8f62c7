// The citation-quality family (METRICS.md §10): evalpanel's deterministic lexical metrics.
#include "metrics/citation_params.hpp"
#include "metrics/citation_recall_precision.hpp"
#include "metrics/citation_structure.hpp"
#include "metrics/citation_url_checks.hpp"
#include "metrics/fact_source_recall.hpp"
#include "metrics/lexical_support.hpp"
#include "metrics/registry_parts.hpp"
#include "metrics/source_dates.hpp"

namespace evalpanel::metrics {
namespace {

void check_lexical_support_params(const nlohmann::json& params) {
    (void)support_threshold_param(params, "lexical_support");
}
void check_recall_params(const nlohmann::json& params) {
    (void)citation_judge_options(params, "citation_recall_lexical");
}
void check_precision_params(const nlohmann::json& params) {
    (void)citation_judge_options(params, "citation_precision_lexical");
}
// Both require `as_of`: a missing date is a suite error, never "today".
void check_fresh_params(const nlohmann::json& params) { (void)freshness_options(params, "fresh_source_ratio"); }
void check_median_age_params(const nlohmann::json& params) {
    (void)freshness_options(params, "median_source_age_days", false);
}
void check_fact_recall_params(const nlohmann::json& params) { (void)fact_threshold_param(params); }

}  // namespace

std::vector<MetricDef> citation_metric_defs() {
    std::vector<MetricDef> defs = {
        // The value is the support score itself; `threshold` is where "supported" starts (§10.2), accepted and
        // checked so one suite-level value can be shared with the recall/precision metrics.
        {.id = "lexical_support",
         .higher_is_better = true,
         .params = {"threshold"},
         .compute = &lexical_support_metric,
         .check_param_values = &check_lexical_support_params},
        {.id = "citation_recall_lexical",
         .higher_is_better = true,
         .params = {"threshold", "at_most_citations"},
         .compute = &citation_recall_lexical_metric,
         .check_param_values = &check_recall_params},
        {.id = "citation_precision_lexical",
         .higher_is_better = true,
         .params = {"threshold", "at_most_citations"},
         .compute = &citation_precision_lexical_metric,
         .check_param_values = &check_precision_params},
        {.id = "citation_out_of_range",
         .higher_is_better = false,
         .params = {},
         .compute = &citation_out_of_range_metric},
        {.id = "uncited_sentence_ratio",
         .higher_is_better = false,
         .params = {},
         .compute = &uncited_sentence_ratio_metric},
        {.id = "citation_density", .higher_is_better = true, .params = {}, .compute = &citation_density_metric},
        {.id = "citation_duplicate_urls",
         .higher_is_better = false,
         .params = {},
         .compute = &citation_duplicate_urls_metric},
        {.id = "domain_diversity", .higher_is_better = true, .params = {}, .compute = &domain_diversity_metric},
        {.id = "fresh_source_ratio",
         .higher_is_better = true,
         .params = {"as_of", "max_age_days"},
         .compute = &fresh_source_ratio_metric,
         .check_param_values = &check_fresh_params},
        {.id = "median_source_age_days",
         .higher_is_better = false,
         .params = {"as_of"},
         .compute = &median_source_age_days_metric,
         .check_param_values = &check_median_age_params},
        {.id = "fact_recall",
         .higher_is_better = true,
         .params = {"fact_threshold"},
         .compute = &fact_recall_metric,
         .check_param_values = &check_fact_recall_params},
        {.id = "source_recall", .higher_is_better = true, .params = {}, .compute = &source_recall_metric},
    };
    // Where inputs come as one list (`evalpanel score --jsonl`), that list is the response's sources for
    // every metric here but lexical_support (a passage) and fact_recall (reads only the answer and facts).
    for (MetricDef& def : defs) def.references_are_sources = def.id != "lexical_support" && def.id != "fact_recall";
    return defs;
}

}  // namespace evalpanel::metrics
