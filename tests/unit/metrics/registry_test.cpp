#include "metrics/metric.hpp"

#include <set>

#include <gtest/gtest.h>

#include "metrics/params.hpp"

namespace evalpanel::metrics {
namespace {

TEST(Registry, ListsEachImplementedMetricOnceWithItsDirection) {
    const std::vector<std::pair<std::string, bool>> expected = {
        {"levenshtein", false}, {"cer", false}, {"wer", false}, {"exact_match", true}, {"token_f1", true}};
    std::set<std::string> ids;
    for (const MetricDef& def : all_metrics()) {
        EXPECT_TRUE(ids.insert(def.id).second) << "duplicate id " << def.id;
        EXPECT_NE(def.compute, nullptr) << def.id;
    }
    for (const auto& [id, higher_is_better] : expected) {
        const MetricDef* def = find_metric(id);
        ASSERT_NE(def, nullptr) << id;
        EXPECT_EQ(def->id, id);
        EXPECT_EQ(def->higher_is_better, higher_is_better) << id;
    }
}

TEST(Registry, DeclaresAcceptedParams) {
    EXPECT_EQ(find_metric("cer")->params, std::vector<std::string>{"collapse_whitespace"});
    EXPECT_EQ(find_metric("wer")->params, std::vector<std::string>{"collapse_whitespace"});
    EXPECT_TRUE(find_metric("levenshtein")->params.empty());
    EXPECT_TRUE(find_metric("exact_match")->params.empty());
    EXPECT_TRUE(find_metric("token_f1")->params.empty());
}

TEST(Registry, UnknownIdIsNotFound) {
    EXPECT_EQ(find_metric("bleu"), nullptr);
    EXPECT_EQ(find_metric("CER"), nullptr);  // ids are case-sensitive
    EXPECT_EQ(find_metric(""), nullptr);
}

TEST(Registry, ComputesThroughTheEntry) {
    const std::vector<std::string> references = {"hello world"};
    const nlohmann::json params = nlohmann::json::object();
    const MetricInput input{"helo world", references, params};
    EXPECT_EQ(find_metric("levenshtein")->compute(input), 1.0);
    EXPECT_EQ(find_metric("cer")->compute(input), 0.09090909090909091);
    EXPECT_EQ(find_metric("wer")->compute(input), 0.5);
    EXPECT_EQ(find_metric("exact_match")->compute(input), 0.0);
    EXPECT_EQ(find_metric("token_f1")->compute(input), 0.5);
}

TEST(ValidateParams, AcceptsKnownParamsOfTheRightType) {
    EXPECT_NO_THROW(validate_params(*find_metric("cer"), nlohmann::json{{"collapse_whitespace", true}}));
    EXPECT_NO_THROW(validate_params(*find_metric("wer"), nlohmann::json::object()));
    EXPECT_NO_THROW(validate_params(*find_metric("exact_match"), nlohmann::json()));
}

TEST(ValidateParams, RejectsAnUnknownNameAndSaysWhatIsAccepted) {
    try {
        validate_params(*find_metric("wer"), nlohmann::json{{"collapse_spaces", true}});
        FAIL() << "expected MetricParamError";
    } catch (const MetricParamError& error) {
        EXPECT_STREQ(error.what(), "wer: unknown parameter 'collapse_spaces' (accepted: collapse_whitespace)");
    }
    try {
        validate_params(*find_metric("token_f1"), nlohmann::json{{"threshold", 0.5}});
        FAIL() << "expected MetricParamError";
    } catch (const MetricParamError& error) {
        EXPECT_STREQ(error.what(), "token_f1: unknown parameter 'threshold' (accepted: none)");
    }
}

TEST(ValidateParams, RejectsAWrongType) {
    EXPECT_THROW(validate_params(*find_metric("cer"), nlohmann::json{{"collapse_whitespace", "true"}}),
                 MetricParamError);
    EXPECT_THROW(validate_params(*find_metric("cer"), nlohmann::json::array({1, 2})), MetricParamError);
}

}  // namespace
}  // namespace evalpanel::metrics
