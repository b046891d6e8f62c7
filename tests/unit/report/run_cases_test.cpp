#include "report/run_cases.hpp"

#include <gtest/gtest.h>

namespace evalpanel::report {
namespace {

store::ResultRecord result(const std::string& id, std::int64_t index, const std::string& status, double latency,
                           std::optional<double> cost, std::optional<double> cer) {
    store::ResultRecord r;
    r.case_id = id;
    r.case_index = index;
    r.status = status;
    r.latency_ms = latency;
    r.cost_usd = cost;
    r.error = status == "ok" ? "" : status + ": it failed";
    r.attempts = status == "ok" ? 1 : 3;
    r.scores = {{"cer", cer}};
    return r;
}

TEST(RunCases, GathersWhatTheVerdictAndTheReportsNeedBeyondTheSummary) {
    std::vector<store::ResultRecord> results = {
        result("late", 5, "ok", 50, 0.0, 0.5),
        result("first", 1, "ok", 10, std::nullopt, 0.25),
        result("broken", 0, "timeout", 900, 0.002, std::nullopt),
        result("tie", 1, "ok", 99, 0.004, 1.0),
    };
    results[3].cached = true;
    const RunCases cases = collect_run_cases(results);
    EXPECT_EQ(cases.answered_latencies_ms, (std::vector<double>{50, 10, 99}));  // cached answers too
    EXPECT_EQ(cases.first_answer_ms, 10);  // lowest case index; on a tie the case met first
    EXPECT_EQ(cases.first_answer_case_index, 1);
    EXPECT_EQ(cases.metric_values.at("cer"), (std::vector<double>{0.5, 0.25, 1.0}));  // undefined left out
    EXPECT_DOUBLE_EQ(cases.cost_sum_usd, 0.006);
    EXPECT_EQ(cases.cases_with_cost, 3u);
    EXPECT_TRUE(cases.any_priced_case);
    ASSERT_EQ(cases.failed.size(), 1u);
    EXPECT_EQ(cases.failed[0].case_id, "broken");
    EXPECT_EQ(cases.failed[0].status, "timeout");
    EXPECT_EQ(cases.failed[0].error, "timeout: it failed");
    EXPECT_EQ(cases.failed[0].attempts, 3);
    EXPECT_EQ(cases.failed[0].latency_ms, 900);
}

TEST(RunCases, ZeroCostsDoNotMakeAToolPaidAndNoAnswerHasNoFirstAnswer) {
    const RunCases cases = collect_run_cases({result("a", 0, "error", 1, 0.0, std::nullopt)});
    EXPECT_FALSE(cases.any_priced_case);
    EXPECT_EQ(cases.cases_with_cost, 1u);
    EXPECT_FALSE(cases.first_answer_ms.has_value());
    EXPECT_TRUE(cases.answered_latencies_ms.empty());
}

}  // namespace
}  // namespace evalpanel::report
