// The lean reads: Store::for_each_case (what aggregation streams) and Store::run_counts (`evalpanel runs`).
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "sample_records.hpp"
#include "store/store.hpp"
#include "temp_dir.hpp"

namespace evalpanel::store {
namespace {

using testing::sample_result;
using testing::sample_run;
using testing::TempDir;

// A CaseRow's views die with the callback: this is what a test may keep of one.
struct SeenCase {
    std::string case_id;
    std::int64_t case_index = 0;
    std::vector<std::string> tags;
    std::string status;
    double latency_ms = 0;
    int attempts = 0;
    std::string error;
    bool cached = false;
    std::optional<double> cost_usd;
    std::vector<ScoreRecord> scores;
};

class StoreScan : public ::testing::Test {
protected:
    TempDir dir;
    Store store = Store::open(dir / "evalpanel.db");
    std::int64_t run_id = store.begin_run(sample_run());

    std::vector<SeenCase> scan(std::int64_t run) {
        std::vector<SeenCase> seen;
        store.for_each_case(run, [&](const CaseRow& row) {
            seen.push_back({std::string(row.case_id), row.case_index, row.tags, std::string(row.status), row.latency_ms,
                            row.attempts, std::string(row.error), row.cached, row.cost_usd, row.scores});
        });
        return seen;
    }
};

TEST_F(StoreScan, StreamsTheCasesOfResultsInTheSameOrderWithTheSameFigures) {
    std::vector<ResultRecord> batch;
    for (const auto& [id, index] : std::vector<std::pair<std::string, int>>{{"z", 2}, {"a", 0}, {"m", 1}}) {
        ResultRecord r = sample_result(run_id, id);
        r.case_index = index;
        batch.push_back(r);
    }
    batch[0].status = "timeout";
    batch[0].error = "timeout: no answer in 30 s";
    batch[0].cost_usd = std::nullopt;
    batch[1].scores = {};                       // a case without scores still comes
    batch[2].scores = {{"wer", std::nullopt}, {"cer", 0.5}};
    batch[2].tags = {"other"};
    store.write_batch(batch);
    store.write_result(sample_result(store.begin_run(sample_run()), "another run"));

    const std::vector<ResultRecord> records = store.results(run_id);
    const std::vector<SeenCase> seen = scan(run_id);
    ASSERT_EQ(seen.size(), records.size());
    for (std::size_t i = 0; i < seen.size(); ++i) {
        const ResultRecord& r = records[i];
        EXPECT_EQ(seen[i].case_id, r.case_id);
        EXPECT_EQ(seen[i].case_index, r.case_index);
        EXPECT_EQ(seen[i].tags, r.tags);
        EXPECT_EQ(seen[i].status, r.status);
        EXPECT_EQ(seen[i].latency_ms, r.latency_ms);
        EXPECT_EQ(seen[i].attempts, r.attempts);
        EXPECT_EQ(seen[i].error, r.error);
        EXPECT_EQ(seen[i].cached, r.cached);
        EXPECT_EQ(seen[i].cost_usd, r.cost_usd);
        ASSERT_EQ(seen[i].scores.size(), r.scores.size()) << r.case_id;
        for (std::size_t k = 0; k < r.scores.size(); ++k) {
            EXPECT_EQ(seen[i].scores[k].metric, r.scores[k].metric);
            EXPECT_EQ(seen[i].scores[k].value, r.scores[k].value);
        }
    }
    EXPECT_EQ(seen[0].case_id, "a");
    EXPECT_TRUE(seen[0].scores.empty());
    EXPECT_EQ(seen[1].scores[0].metric, "wer");
    EXPECT_EQ(seen[2].status, "timeout");
    EXPECT_TRUE(scan(9999).empty());
}

TEST_F(StoreScan, AMalformedTagListIsRefusedNamingFileCaseAndColumn) {
    store.write_result(sample_result(run_id, "bad-tags"));
    {
        SQLite::Database db(dir / "evalpanel.db", SQLite::OPEN_READWRITE);
        db.exec("UPDATE results SET tags = '[1, 2'");
    }
    try {
        scan(run_id);
        FAIL() << "expected std::runtime_error";
    } catch (const std::runtime_error& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find((dir / "evalpanel.db").string()), std::string::npos) << message;
        EXPECT_NE(message.find("case 'bad-tags'"), std::string::npos) << message;
        EXPECT_NE(message.find("tags"), std::string::npos) << message;
    }
}

TEST_F(StoreScan, RunCountsCountStatusesAndAverageEachMetricInSql) {
    ResultRecord a = sample_result(run_id, "a");
    a.case_index = 0;
    a.scores = {{"cer", 0.2}, {"wer", std::nullopt}};
    ResultRecord b = sample_result(run_id, "b");
    b.case_index = 1;
    b.status = "error";
    b.scores = {{"cer", 0.4}, {"wer", std::nullopt}};
    ResultRecord c = sample_result(run_id, "c");
    c.case_index = 2;
    c.scores = {{"cer", 0.6}, {"wer", 1.0}};
    store.write_batch({a, b, c});
    const std::int64_t empty_run = store.begin_run(sample_run());

    const auto counts = store.run_counts();
    EXPECT_FALSE(counts.contains(empty_run));
    const RunCounts& run = counts.at(run_id);
    EXPECT_EQ(run.cases(), 3);
    EXPECT_EQ(run.by_status.at("ok"), 2);
    EXPECT_EQ(run.by_status.at("error"), 1);
    ASSERT_EQ(run.metrics.size(), 2u);
    EXPECT_EQ(run.metrics[0].metric, "cer");
    EXPECT_NEAR(*run.metrics[0].mean, 0.4, 1e-12);
    EXPECT_EQ(run.metrics[0].scored, 3);
    EXPECT_EQ(run.metrics[1].metric, "wer");
    EXPECT_EQ(*run.metrics[1].mean, 1.0);  // undefined values are not zeros
    EXPECT_EQ(run.metrics[1].scored, 1);
}

}  // namespace
}  // namespace evalpanel::store
