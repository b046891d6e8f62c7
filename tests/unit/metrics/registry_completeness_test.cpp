// Every metric METRICS.md defines for computation (§1-§8, §10) is registered under its id, with the
// direction a CI gate needs. (§9's model-judged metrics are documented only.)
#include <gtest/gtest.h>

#include "metrics/metric.hpp"

namespace evalpanel::metrics {
namespace {

TEST(RegistryCompleteness, EveryComputedMetricOfTheSpecIsRegisteredWithItsDirection) {
    const std::vector<std::pair<const char*, bool>> spec = {
        {"levenshtein", false}, {"cer", false}, {"wer", false}, {"vqa_accuracy", true}, {"anls", true},
        {"relaxed_accuracy", true}, {"ocrbench", true}, {"ocrbench_hme", true}, {"exact_match", true},
        {"token_f1", true}, {"lexical_support", true}, {"citation_recall_lexical", true},
        {"citation_precision_lexical", true}, {"citation_out_of_range", false}, {"uncited_sentence_ratio", false},
        {"citation_density", true}, {"citation_duplicate_urls", false}, {"domain_diversity", true},
        {"fresh_source_ratio", true}, {"median_source_age_days", false}, {"fact_recall", true},
        {"source_recall", true}};
    for (const auto& [id, higher_is_better] : spec) {
        const MetricDef* def = find_metric(id);
        ASSERT_NE(def, nullptr) << id;
        EXPECT_EQ(def->higher_is_better, higher_is_better) << id;
    }
    EXPECT_EQ(all_metrics().size(), spec.size());
}

TEST(RegistryCompleteness, CitationMetricsReadSourcesWhereInputsComeAsOneList) {
    EXPECT_TRUE(find_metric("citation_recall_lexical")->references_are_sources);
    EXPECT_TRUE(find_metric("source_recall")->references_are_sources);
    EXPECT_FALSE(find_metric("lexical_support")->references_are_sources);  // its reference is a passage
    EXPECT_FALSE(find_metric("fact_recall")->references_are_sources);
    EXPECT_FALSE(find_metric("anls")->references_are_sources);
}

}  // namespace
}  // namespace evalpanel::metrics
