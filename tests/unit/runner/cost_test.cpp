#include "runner/cost.hpp"

#include <gtest/gtest.h>

namespace evalpanel::runner {
namespace {

// sonar-deep-research list prices (API-NOTES A8): $2 / $8 per M input / output, $2 per M citation,
// $3 per M reasoning, $5 per 1,000 searches.
const nlohmann::json kDeepResearch = {{"free", false},          {"input_per_mtok", 2.0},    {"output_per_mtok", 8.0},
                                      {"citation_per_mtok", 2.0}, {"reasoning_per_mtok", 3.0}, {"per_1k_searches", 5.0},
                                      {"per_request", 0.0}};

TEST(Cost, SumsEveryPricedPartOfTheUsage) {
    Usage usage;
    usage.input_tokens = 1000;
    usage.output_tokens = 2000;
    usage.citation_tokens = 3000;
    usage.reasoning_tokens = 100000;
    usage.search_queries = 20;
    // 0.002 + 0.016 + 0.006 + 0.3 + 0.1
    EXPECT_NEAR(*case_cost_usd(kDeepResearch, usage), 0.424, 1e-12);
}

TEST(Cost, RequestFeeIsAddedOnce) {
    nlohmann::json sonar = {{"free", false}, {"input_per_mtok", 1.0}, {"output_per_mtok", 1.0}, {"per_request", 0.005}};
    Usage usage;
    usage.input_tokens = 500;
    usage.output_tokens = 500;
    EXPECT_NEAR(*case_cost_usd(sonar, usage), 0.006, 1e-12);
}

TEST(Cost, FreeToolsCostNothingAndUnpricedUsageIsNotMeasured) {
    Usage usage;
    usage.input_tokens = 10;
    EXPECT_EQ(*case_cost_usd({{"free", true}}, usage), 0.0);
    EXPECT_EQ(*case_cost_usd(nlohmann::json::object(), usage), 0.0);  // runs stored without pricing: free plugins
    EXPECT_FALSE(case_cost_usd(kDeepResearch, Usage{}).has_value());
    // Priced per request only: no usage needed.
    EXPECT_EQ(*case_cost_usd({{"free", false}, {"per_request", 0.25}}, Usage{}), 0.25);
}

}  // namespace
}  // namespace evalpanel::runner

namespace evalpanel::runner {
namespace {

TEST(Cost, MatchesThePricingDocsExample) {
    // API-NOTES A8: sonar, 9 prompt + 384 completion tokens, low search context: $0.005393.
    const nlohmann::json sonar_low = {{"free", false}, {"input_per_mtok", 1.0}, {"output_per_mtok", 1.0}, {"per_request", 0.005}};
    Usage usage;
    usage.input_tokens = 9;
    usage.output_tokens = 384;
    EXPECT_NEAR(*case_cost_usd(sonar_low, usage), 0.005393, 1e-12);
}

}  // namespace
}  // namespace evalpanel::runner
