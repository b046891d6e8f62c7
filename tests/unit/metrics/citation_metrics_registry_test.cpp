#include <gtest/gtest.h>

#include "metrics/metric.hpp"
#include "metrics/params.hpp"

namespace evalpanel::metrics {
namespace {

using Params = std::vector<std::string>;

struct Expected {
    const char* id;
    bool higher_is_better;
    Params params;
};

TEST(CitationRegistry, RegistersEveryIdOfSection10) {
    const std::vector<Expected> expected = {
        {"lexical_support", true, {"threshold"}},
        {"citation_recall_lexical", true, {"threshold", "at_most_citations"}},
        {"citation_precision_lexical", true, {"threshold", "at_most_citations"}},
        {"citation_out_of_range", false, {}},
        {"uncited_sentence_ratio", false, {}},
        {"citation_density", true, {}},
        {"citation_duplicate_urls", false, {}},
        {"domain_diversity", true, {}},
        {"fresh_source_ratio", true, {"as_of", "max_age_days"}},
        {"median_source_age_days", false, {"as_of"}},
        {"fact_recall", true, {"fact_threshold"}},
        {"source_recall", true, {}},
    };
    for (const Expected& want : expected) {
        const MetricDef* def = find_metric(want.id);
        ASSERT_NE(def, nullptr) << want.id;
        EXPECT_EQ(def->higher_is_better, want.higher_is_better) << want.id;
        EXPECT_EQ(def->params, want.params) << want.id;
        EXPECT_NE(def->compute, nullptr) << want.id;
        EXPECT_EQ(def->check_param_values != nullptr, !want.params.empty()) << want.id;
    }
}

TEST(CitationRegistry, ChecksParameterValuesAtSuiteLoad) {
    EXPECT_NO_THROW(validate_params(*find_metric("citation_recall_lexical"),
                                    nlohmann::json{{"threshold", 0.6}, {"at_most_citations", 2}}));
    EXPECT_THROW(validate_params(*find_metric("citation_precision_lexical"), nlohmann::json{{"at_most_citations", 0}}),
                 MetricParamError);
    EXPECT_THROW(validate_params(*find_metric("lexical_support"), nlohmann::json{{"threshold", "half"}}),
                 MetricParamError);
    EXPECT_THROW(validate_params(*find_metric("fact_recall"), nlohmann::json{{"fact_threshold", 2}}), MetricParamError);
    EXPECT_THROW(validate_params(*find_metric("citation_density"), nlohmann::json{{"threshold", 0.5}}),
                 MetricParamError);  // takes none
}

TEST(CitationRegistry, FreshnessNeedsAValidAsOf) {
    const MetricDef& fresh = *find_metric("fresh_source_ratio");
    const MetricDef& median = *find_metric("median_source_age_days");
    EXPECT_NO_THROW(validate_params(fresh, nlohmann::json{{"as_of", "2025-06-01"}, {"max_age_days", 90}}));
    EXPECT_NO_THROW(validate_params(median, nlohmann::json{{"as_of", "2025-06-01"}}));
    EXPECT_THROW(validate_params(fresh, nlohmann::json::object()), MetricParamError);
    EXPECT_THROW(validate_params(fresh, nlohmann::json{{"max_age_days", 90}}), MetricParamError);
    EXPECT_THROW(validate_params(median, nlohmann::json::object()), MetricParamError);
    EXPECT_THROW(validate_params(median, nlohmann::json{{"as_of", "2023-02-29"}}), MetricParamError);
    EXPECT_THROW(validate_params(median, nlohmann::json{{"as_of", "2025-06-01"}, {"max_age_days", 9}}),
                 MetricParamError);  // unknown for median
}

TEST(CitationRegistry, ComputesThroughTheEntries) {
    const std::vector<std::string> references = {"Bananas are rich in potassium and grow in tropical climates."};
    const std::vector<Source> sources = {
        {.url = "https://a.example/b", .title = "Bananas", .text = references[0], .date = "2025-05-31"}};
    const nlohmann::json params = {{"as_of", "2025-06-01"}};
    const MetricInput input{"Bananas contain potassium [1].", references, params, sources};
    // lexical_support scores the prediction as given: the "1" of "[1]" is a claim word (2 of 4); the citation
    // metrics remove citations from the claim first (2 of 3).
    EXPECT_EQ(find_metric("lexical_support")->compute(input), 0.5);
    EXPECT_EQ(find_metric("citation_recall_lexical")->compute(input), 1.0);
    EXPECT_EQ(find_metric("citation_precision_lexical")->compute(input), 1.0);
    EXPECT_EQ(find_metric("citation_out_of_range")->compute(input), 0.0);
    EXPECT_EQ(find_metric("uncited_sentence_ratio")->compute(input), 0.0);
    EXPECT_EQ(find_metric("citation_density")->compute(input), 100.0 / 3.0);
    EXPECT_EQ(find_metric("citation_duplicate_urls")->compute(input), 0.0);
    EXPECT_EQ(find_metric("domain_diversity")->compute(input), 1.0);
    EXPECT_EQ(find_metric("fresh_source_ratio")->compute(input), 1.0);
    EXPECT_EQ(find_metric("median_source_age_days")->compute(input), 1.0);
    EXPECT_EQ(find_metric("fact_recall")->compute(input), std::nullopt);    // the case expects no facts
    EXPECT_EQ(find_metric("source_recall")->compute(input), std::nullopt);  // nor sources
}

}  // namespace
}  // namespace evalpanel::metrics
