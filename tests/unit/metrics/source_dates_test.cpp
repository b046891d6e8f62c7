#include "metrics/source_dates.hpp"

#include <gtest/gtest.h>

#include "metrics/params.hpp"

namespace evalpanel::metrics {
namespace {

std::vector<Source> dated(std::initializer_list<const char*> dates) {
    std::vector<Source> sources;
    for (const char* date : dates) sources.push_back({.url = "", .title = "", .text = "", .date = date});
    return sources;
}

DayNumber day(const char* date) { return parse_source_date(date).value(); }

TEST(CitationSourceDates, ParsesTheThreeFormsAndIgnoresATimePart) {
    EXPECT_EQ(parse_source_date("1970-01-01"), 0);
    EXPECT_EQ(parse_source_date("2000-03-01"), 11017);
    EXPECT_EQ(parse_source_date("1969-12-31"), -1);
    EXPECT_EQ(parse_source_date("2025-05"), day("2025-05-01"));       // missing day: the 1st
    EXPECT_EQ(parse_source_date("2024"), day("2024-01-01"));          // missing month: January
    EXPECT_EQ(parse_source_date("2025-05-31T10:00:00Z"), day("2025-05-31"));
    EXPECT_EQ(parse_source_date("2025-05-31 23:59"), day("2025-05-31"));
    EXPECT_EQ(parse_source_date("2025-05T"), day("2025-05-01"));
    EXPECT_EQ(parse_source_date("2024 spring"), day("2024-01-01"));
    EXPECT_EQ(parse_source_date("2024-02-29"), day("2024-02-28") + 1);  // leap year
    EXPECT_EQ(day("2025-06-01") - day("2024"), 517);
}

// Guards calendar validation: impossible dates are undated, not rolled over.
TEST(CitationSourceDates, InvalidCalendarDatesAreUndated) {
    for (const char* text : {"2023-02-29", "1900-02-29", "2025-04-31", "2025-13", "2025-00", "2025-01-00", "0000",
                             "0000-01-01"}) {
        EXPECT_EQ(parse_source_date(text), std::nullopt) << text;
    }
}

TEST(CitationSourceDates, OtherFormatsAreUndated) {
    for (const char* text : {"", "25", "2025-5-31", "2025/05/31", "May 2025", "2025-05-31Z", "2025-05-", " 2025",
                             "2025-05-31t10", "20250531", "\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x95"}) {
        EXPECT_EQ(parse_source_date(text), std::nullopt) << text;
    }
}

// METRICS.md §10.5 table.
TEST(FreshSourceRatio, WorkedExamples) {
    const DayNumber as_of = day("2025-06-01");
    EXPECT_EQ(fresh_source_ratio(dated({"2025-01-01", "2020-01-01"}), as_of, 365), 0.5);
    EXPECT_EQ(fresh_source_ratio(dated({"2025-05"}), as_of, 30), 0.0);  // 31 days
    EXPECT_EQ(fresh_source_ratio(dated({""}), as_of, 365), std::nullopt);
}

TEST(FreshSourceRatio, BoundaryFutureAndUndated) {
    const DayNumber as_of = day("2025-06-01");
    EXPECT_EQ(fresh_source_ratio(dated({"2025-05"}), as_of, 31), 1.0);  // age <= max: inclusive
    EXPECT_EQ(fresh_source_ratio(dated({"2026-01-01"}), as_of, 0), 1.0);  // future: negative age, fresh
    // Undated sources leave the denominator: 1 fresh of 2 dated.
    EXPECT_EQ(fresh_source_ratio(dated({"2025-05-31", "2023-02-29", "soon", "2010"}), as_of, 365), 0.5);
    EXPECT_EQ(fresh_source_ratio(dated({}), as_of, 365), std::nullopt);
}

TEST(MedianSourceAgeDays, WorkedExamples) {
    const DayNumber as_of = day("2025-06-01");
    EXPECT_EQ(median_source_age_days(dated({"2025-05-31", "2025-05-01"}), as_of), 16.0);
    EXPECT_EQ(median_source_age_days(dated({"2025-06-01", "2024", "2025-05-22"}), as_of), 10.0);
}

TEST(MedianSourceAgeDays, EvenOddFutureAndUndated) {
    const DayNumber as_of = day("2025-06-01");
    EXPECT_EQ(median_source_age_days(dated({"2025-05-31"}), as_of), 1.0);
    EXPECT_EQ(median_source_age_days(dated({"2025-05-31", "2025-05-30"}), as_of), 1.5);  // mean of middles
    EXPECT_EQ(median_source_age_days(dated({"2025-06-11", "2025-05-31", "x", "2025-05-29", "2020"}), as_of), 2.0);
    EXPECT_EQ(median_source_age_days(dated({"2025-06-11"}), as_of), -10.0);
    EXPECT_EQ(median_source_age_days(dated({"2025-06-11", "2025-06-02"}), as_of), -5.5);
    EXPECT_EQ(median_source_age_days(dated({"", "2023-02-29"}), as_of), std::nullopt);
}

TEST(CitationSourceDates, RegistryEntriesNeedAsOf) {
    const std::vector<std::string> references;
    const auto sources = dated({"2025-01-01", "2020-01-01"});
    const nlohmann::json params = {{"as_of", "2025-06-01"}};
    const MetricInput input{"", references, params, sources};
    EXPECT_EQ(fresh_source_ratio_metric(input), 0.5);
    EXPECT_EQ(median_source_age_days_metric(input), 1064.5);
    const nlohmann::json month = {{"as_of", "2025-06-01"}, {"max_age_days", 2000}};
    EXPECT_EQ(fresh_source_ratio_metric({"", references, month, sources}), 1.0);
    const nlohmann::json none = nlohmann::json::object();
    EXPECT_THROW(fresh_source_ratio_metric({"", references, none, sources}), MetricParamError);
    EXPECT_THROW(median_source_age_days_metric({"", references, none, sources}), MetricParamError);
}

}  // namespace
}  // namespace evalpanel::metrics
