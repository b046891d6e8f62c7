#include "metrics/citation_params.hpp"

#include <gtest/gtest.h>

#include "metrics/params.hpp"

namespace evalpanel::metrics {
namespace {

using nlohmann::json;

std::string error_of(auto&& call) {
    try {
        call();
    } catch (const MetricParamError& error) {
        return error.what();
    }
    return "(no error)";
}

TEST(CitationParams, DefaultsWhenAbsentOrNull) {
    EXPECT_EQ(support_threshold_param(json(), "lexical_support"), 0.5);
    EXPECT_EQ(support_threshold_param(json{{"threshold", nullptr}}, "lexical_support"), 0.5);
    const CitationJudgeOptions options = citation_judge_options(json::object(), "citation_recall_lexical");
    EXPECT_EQ(options.threshold, 0.5);
    EXPECT_EQ(options.at_most_citations, 3u);
    EXPECT_EQ(fact_threshold_param(json::object()), 0.8);
    EXPECT_EQ(freshness_options(json{{"as_of", "2025-06-01"}}, "fresh_source_ratio").max_age_days, 365.0);
}

TEST(CitationParams, ReadsValidValues) {
    const auto options = citation_judge_options(json{{"threshold", 1}, {"at_most_citations", 5}}, "x");
    EXPECT_EQ(options.threshold, 1.0);
    EXPECT_EQ(options.at_most_citations, 5u);
    EXPECT_EQ(fact_threshold_param(json{{"fact_threshold", 0}}), 0.0);
    const auto fresh = freshness_options(json{{"as_of", "2025-06-01T00:00:00Z"}, {"max_age_days", 30.5}}, "x");
    EXPECT_EQ(fresh.as_of, parse_source_date("2025-06-01"));
    EXPECT_EQ(fresh.max_age_days, 30.5);
}

TEST(CitationParams, RejectsThresholdsOfTheWrongTypeOrRange) {
    EXPECT_EQ(error_of([] { support_threshold_param(json{{"threshold", "0.5"}}, "lexical_support"); }),
              "lexical_support: parameter 'threshold' must be a number from 0 to 1, got \"0.5\"");
    EXPECT_EQ(error_of([] { support_threshold_param(json{{"threshold", 1.5}}, "lexical_support"); }),
              "lexical_support: parameter 'threshold' must be a number from 0 to 1, got 1.5");
    EXPECT_THROW(support_threshold_param(json{{"threshold", true}}, "m"), MetricParamError);
    EXPECT_THROW(support_threshold_param(json{{"threshold", -0.1}}, "m"), MetricParamError);
    EXPECT_EQ(error_of([] { fact_threshold_param(json{{"fact_threshold", json::array({0.8})}}); }),
              "fact_recall: parameter 'fact_threshold' must be a number from 0 to 1, got [0.8]");
    EXPECT_THROW(support_threshold_param(json::array(), "m"), MetricParamError);  // not a mapping
}

TEST(CitationParams, RejectsAtMostCitationsThatIsNotAPositiveInteger) {
    EXPECT_EQ(error_of([] { citation_judge_options(json{{"at_most_citations", 0}}, "citation_recall_lexical"); }),
              "citation_recall_lexical: parameter 'at_most_citations' must be an integer >= 1, got 0");
    for (const json& bad : {json(2.5), json(-1), json("3"), json(true), json(3.0)}) {
        EXPECT_THROW(citation_judge_options(json{{"at_most_citations", bad}}, "m"), MetricParamError) << bad.dump();
    }
}

// A missing as_of is an error, never "today".
TEST(CitationParams, AsOfIsRequiredAndMustBeAValidDate) {
    EXPECT_EQ(error_of([] { freshness_options(json::object(), "fresh_source_ratio"); }),
              "fresh_source_ratio: parameter 'as_of' is required (the date ages are measured to, e.g. "
              "\"2025-06-01\"; never today, so scores stay reproducible)");
    EXPECT_THROW(freshness_options(json(), "median_source_age_days", false), MetricParamError);
    EXPECT_THROW(freshness_options(json{{"as_of", nullptr}}, "m"), MetricParamError);
    EXPECT_EQ(error_of([] { freshness_options(json{{"as_of", "2023-02-29"}}, "fresh_source_ratio"); }),
              "fresh_source_ratio: parameter 'as_of' must be a valid date \"YYYY-MM-DD\" (or \"YYYY-MM\", "
              "\"YYYY\"), got \"2023-02-29\"");
    for (const json& bad : {json(20250601), json("today"), json("01/06/2025"), json(true)}) {
        EXPECT_THROW(freshness_options(json{{"as_of", bad}}, "m"), MetricParamError) << bad.dump();
    }
}

// Found by fuzzing the suite loader: a value that is not UTF-8 (a suite file may hold any bytes) made the
// message's json::dump() throw a type_error, which escaped the loader as a crash instead of a suite error.
TEST(CitationParams, AValueThatIsNotUtf8IsQuotedWithReplacementCharacters) {
    EXPECT_EQ(error_of([] { freshness_options(json{{"as_of", "20\xff" "5"}}, "fresh_source_ratio"); }),
              "fresh_source_ratio: parameter 'as_of' must be a valid date \"YYYY-MM-DD\" (or \"YYYY-MM\", "
              "\"YYYY\"), got \"20\xef\xbf\xbd" "5\"");
    EXPECT_THROW(bool_param(json{{"collapse_whitespace", "\xc3"}}, "cer", "collapse_whitespace", false),
                 MetricParamError);
}

TEST(CitationParams, RejectsMaxAgeDaysOfTheWrongTypeOrSign) {
    const json as_of = "2025-06-01";
    EXPECT_EQ(error_of([&] {
                  freshness_options(json{{"as_of", as_of}, {"max_age_days", "30"}}, "fresh_source_ratio");
              }),
              "fresh_source_ratio: parameter 'max_age_days' must be a number of days >= 0, got \"30\"");
    EXPECT_THROW(freshness_options(json{{"as_of", as_of}, {"max_age_days", -1}}, "m"), MetricParamError);
    EXPECT_THROW(freshness_options(json{{"as_of", as_of}, {"max_age_days", false}}, "m"), MetricParamError);
    // median_source_age_days does not read it (the registry refuses the name before this).
    EXPECT_NO_THROW(freshness_options(json{{"as_of", as_of}, {"max_age_days", "x"}}, "m", false));
}

}  // namespace
}  // namespace evalpanel::metrics
