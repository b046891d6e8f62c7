#include "runner/result_writer.hpp"

#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "../store/sample_records.hpp"
#include "../store/temp_dir.hpp"

namespace evalpanel::runner {
namespace {

using store::testing::sample_result;
using store::testing::sample_run;

class ResultWriterTest : public ::testing::Test {
protected:
    store::testing::TempDir dir;
    store::Store store = store::Store::open(dir / "evalpanel.db");
    std::int64_t run_id = store.begin_run(sample_run());
    std::mutex store_mutex;
    std::atomic<int> commits{0}, stored{0}, failures{0};
    std::string failure;

    ResultWriter::OnStored count_commits() {
        return [this](const std::vector<store::ResultRecord>& results) {
            ++commits;
            stored += static_cast<int>(results.size());
        };
    }
    ResultWriter::OnFailure keep_failure() {
        return [this](const std::string& message) {
            ++failures;
            failure = message;
        };
    }
};

TEST_F(ResultWriterTest, EveryResultFromManyThreadsIsStoredOnce) {
    {
        ResultWriter writer(store, store_mutex, count_commits(), keep_failure());
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < 250; ++i) writer.submit(sample_result(run_id, std::to_string(t) + "-" + std::to_string(i)), std::nullopt);
            });
        }
        for (auto& thread : threads) thread.join();
    }  // the destructor flushes
    EXPECT_EQ(stored.load(), 1000);
    EXPECT_EQ(failures.load(), 0);
    std::lock_guard lock(store_mutex);
    EXPECT_EQ(store.results(run_id).size(), 1000u);
}

TEST_F(ResultWriterTest, ResultsThatArriveWhileACommitWaitsShareTheNextCommit) {
    ResultWriter writer(store, store_mutex, count_commits(), keep_failure());
    {
        std::lock_guard hold(store_mutex);  // the store is busy: results pile up behind it
        for (int i = 0; i < 100; ++i) writer.submit(sample_result(run_id, "c" + std::to_string(i)), std::nullopt);
    }
    writer.flush();
    EXPECT_EQ(stored.load(), 100);
    EXPECT_LE(commits.load(), 2);  // at most the one that was taken before the store was held, then the rest
}

TEST_F(ResultWriterTest, CacheEntriesAreWrittenWithTheirResults) {
    {
        ResultWriter writer(store, store_mutex, count_commits(), keep_failure());
        writer.submit(sample_result(run_id, "c1"), store::CacheEntry{"key-1", {{"text", "answer"}}});
    }
    EXPECT_EQ(store.cache_get("key-1"), nlohmann::json({{"text", "answer"}}));
}

TEST_F(ResultWriterTest, AFailedCommitIsReportedOnceAndLaterResultsAreDropped) {
    ResultWriter writer(store, store_mutex, count_commits(), keep_failure());
    writer.submit(sample_result(4242, "orphan"), std::nullopt);  // no run 4242: the commit fails
    writer.flush();
    writer.submit(sample_result(run_id, "after"), std::nullopt);
    writer.flush();
    EXPECT_EQ(failures.load(), 1);
    EXPECT_NE(failure.find("case 'orphan' of run 4242"), std::string::npos) << failure;
    EXPECT_EQ(stored.load(), 0);
    std::lock_guard lock(store_mutex);
    EXPECT_TRUE(store.results(run_id).empty());
}

}  // namespace
}  // namespace evalpanel::runner
