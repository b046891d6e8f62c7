// Runs: begin, finish, listing and batches.
#include <regex>
#include <stdexcept>

#include <gtest/gtest.h>

#include "sample_records.hpp"
#include "store/store.hpp"
#include "temp_dir.hpp"

namespace evalpanel::store {
namespace {

using testing::sample_run;
using testing::TempDir;

const std::regex utc_time(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)");

class StoreRuns : public ::testing::Test {
protected:
    TempDir dir;
    Store store = Store::open(dir / "evalpanel.db");
};

TEST_F(StoreRuns, BeginRunStoresEveryFieldAsRunning) {
    const RunRecord written = sample_run();
    const std::int64_t id = store.begin_run(written);
    const std::optional<RunRecord> read = store.run(id);
    ASSERT_TRUE(read.has_value());
    EXPECT_EQ(read->id, id);
    EXPECT_EQ(read->batch, written.batch);
    EXPECT_EQ(read->started_at, written.started_at);
    EXPECT_EQ(read->finished_at, "");
    EXPECT_EQ(read->status, "running");
    EXPECT_EQ(read->suite_name, written.suite_name);
    EXPECT_EQ(read->suite_path, written.suite_path);
    EXPECT_EQ(read->suite_hash, written.suite_hash);
    EXPECT_EQ(read->task, written.task);
    EXPECT_EQ(read->tool, written.tool);
    EXPECT_EQ(read->plugin, written.plugin);
    EXPECT_EQ(read->plugin_version, written.plugin_version);
    EXPECT_EQ(read->tool_config, written.tool_config);
    EXPECT_EQ(read->evalpanel_version, written.evalpanel_version);
    EXPECT_EQ(read->cases_total, written.cases_total);
    EXPECT_EQ(read->metrics, written.metrics);
    EXPECT_EQ(read->tool_kind, written.tool_kind);
    EXPECT_EQ(read->pricing, written.pricing);
    EXPECT_EQ(read->shard, written.shard);
}

TEST_F(StoreRuns, BeginRunIgnoresTheCallersStatusAndFillsAMissingStartTime) {
    RunRecord run = sample_run();
    run.status = "finished";
    run.finished_at = "2020-01-01T00:00:00.000Z";
    run.started_at = "";
    const RunRecord read = *store.run(store.begin_run(run));
    EXPECT_EQ(read.status, "running");
    EXPECT_EQ(read.finished_at, "");
    EXPECT_TRUE(std::regex_match(read.started_at, utc_time)) << read.started_at;
}

TEST_F(StoreRuns, FinishRunSetsStatusAndFinishTime) {
    const std::int64_t id = store.begin_run(sample_run());
    store.finish_run(id, "interrupted");
    const RunRecord read = *store.run(id);
    EXPECT_EQ(read.status, "interrupted");
    EXPECT_TRUE(std::regex_match(read.finished_at, utc_time)) << read.finished_at;
}

TEST_F(StoreRuns, FinishRunRefusesAnUnknownStatus) {
    const std::int64_t id = store.begin_run(sample_run());
    EXPECT_THROW(store.finish_run(id, "running"), std::invalid_argument);
    EXPECT_THROW(store.finish_run(id, "done"), std::invalid_argument);
    EXPECT_EQ(store.run(id)->status, "running");
}

TEST_F(StoreRuns, FinishRunRefusesAnUnknownRun) {
    try {
        store.finish_run(77, "finished");
        FAIL() << "expected std::runtime_error";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("no run 77"), std::string::npos) << error.what();
    }
}

TEST_F(StoreRuns, RunOfAnUnknownIdIsEmpty) { EXPECT_FALSE(store.run(12345).has_value()); }

TEST_F(StoreRuns, RunsAreListedOldestFirst) {
    const std::int64_t a = store.begin_run(sample_run("b1", "tesseract"));
    const std::int64_t b = store.begin_run(sample_run("b1", "smolvlm2-2b"));
    const std::int64_t c = store.begin_run(sample_run("b2", "tesseract"));
    const std::vector<RunRecord> runs = store.runs();
    ASSERT_EQ(runs.size(), 3U);
    EXPECT_EQ(runs[0].id, a);
    EXPECT_EQ(runs[1].id, b);
    EXPECT_EQ(runs[2].id, c);
    EXPECT_LT(a, b);
    EXPECT_LT(b, c);
}

TEST_F(StoreRuns, LatestBatchIsTheBatchOfTheNewestRun) {
    store.begin_run(sample_run("old", "tesseract"));
    const std::int64_t first = store.begin_run(sample_run("new", "tesseract"));
    store.begin_run(sample_run("other", "tesseract"));
    const std::int64_t second = store.begin_run(sample_run("new", "smolvlm2-2b"));  // newest: batch "new"
    const std::vector<RunRecord> batch = store.latest_batch();
    ASSERT_EQ(batch.size(), 2U);
    EXPECT_EQ(batch[0].id, first);
    EXPECT_EQ(batch[1].id, second);
}

TEST_F(StoreRuns, LatestBatchOfAnEmptyStoreIsEmpty) { EXPECT_TRUE(store.latest_batch().empty()); }

TEST_F(StoreRuns, ASecondStoreOnTheSameFileReadsWhatTheFirstWrote) {
    const std::int64_t id = store.begin_run(sample_run());
    store.write_result(testing::sample_result(id, "case-1"));
    Store second = Store::open(dir / "evalpanel.db");
    ASSERT_EQ(second.runs().size(), 1U);
    EXPECT_EQ(second.runs()[0].id, id);
    ASSERT_EQ(second.results(id).size(), 1U);
    EXPECT_EQ(second.results(id)[0].case_id, "case-1");
    // and the other way round, while both stay open
    second.finish_run(id, "finished");
    EXPECT_EQ(store.run(id)->status, "finished");
}

}  // namespace
}  // namespace evalpanel::store

namespace evalpanel::store {
namespace {

TEST(StoreReopen, ReopenedRunIsRunningAgainAndKeepsItsResults) {
    testing::TempDir dir;
    Store store = Store::open(dir.path() / "r.db");
    const std::int64_t id = store.begin_run(testing::sample_run());
    store.write_result(testing::sample_result(id, "a"));
    store.finish_run(id, "interrupted");
    store.reopen_run(id);
    EXPECT_EQ(store.run(id)->status, "running");
    EXPECT_EQ(store.run(id)->finished_at, "");
    EXPECT_EQ(store.results(id).size(), 1U);
    EXPECT_THROW(store.reopen_run(id + 100), std::runtime_error);
}

}  // namespace
}  // namespace evalpanel::store
