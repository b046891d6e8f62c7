// Version 6 rebuilt the results and scores tables: a version 5 database must come through with every
// result, every score, each case's score order and the replace-a-case behaviour intact.
#include <string>

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "store/schema.hpp"
#include "store/store.hpp"
#include "temp_dir.hpp"

namespace evalpanel::store {
namespace {

using testing::TempDir;

// A database as version 5 left it: one run, two cases written out of suite order, scores in an order
// that is neither alphabetical nor the same in both cases, one undefined score, one case without scores.
void build_version5_database(const std::filesystem::path& file) {
    SQLite::Database db(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (int version = 1; version <= 5; ++version) db.exec(std::string(migration_sql(version)));
    db.exec("PRAGMA user_version = 5");
    db.exec("INSERT INTO runs (batch, started_at, status, suite_name, suite_path, suite_hash, task, tool, plugin, "
            "plugin_version, tool_config, evalpanel_version, cases_total, metrics) VALUES ('b', "
            "'2026-01-01T00:00:00.000Z', 'finished', 's', 'p', 'h', 'ocr', 't', 'pl', '1', '{}', '0.1.0', 3, '{}')");
    db.exec("INSERT INTO results (run_id, case_id, case_index, tags, expected, status, output, confidence, citations, "
            "usage, cost_usd, latency_ms, attempts, error, finished_at, cached, details) VALUES "
            "(1, 'second', 1, '[\"x\"]', '\"B\"', 'ok', 'b', 0.5, '[]', '{\"input_tokens\":3}', 0.25, 20, 1, '', 't', 1, '{}'), "
            "(1, 'first', 0, '[]', '\"A\"', 'error', '', NULL, '[]', '{}', NULL, 10, 2, 'http: 500', 't', 0, '{}'), "
            "(1, 'bare', 2, '[]', '\"C\"', 'ok', 'c', NULL, '[]', '{}', NULL, 30, 1, '', 't', 0, '{}')");
    db.exec("INSERT INTO scores (run_id, case_id, metric, value) VALUES "
            "(1, 'second', 'wer', 0.5), (1, 'second', 'cer', 0.25), "
            "(1, 'first', 'cer', 1.0), (1, 'first', 'exact_match', NULL), (1, 'first', 'wer', 1.0)");
}

TEST(StoreMigration, Version5ResultsAndScoresSurviveInOrder) {
    TempDir dir;
    const auto file = dir / "evalpanel.db";
    build_version5_database(file);
    Store store = Store::open(file);
    ASSERT_EQ(store.schema_version(), 6);
    const std::vector<ResultRecord> results = store.results(1);
    ASSERT_EQ(results.size(), 3u);
    EXPECT_EQ(results[0].case_id, "first");  // suite order, as before
    EXPECT_EQ(results[0].status, "error");
    EXPECT_EQ(results[0].error, "http: 500");
    EXPECT_EQ(results[0].attempts, 2);
    ASSERT_EQ(results[0].scores.size(), 3u);
    EXPECT_EQ(results[0].scores[0].metric, "cer");
    EXPECT_EQ(results[0].scores[1].metric, "exact_match");
    EXPECT_FALSE(results[0].scores[1].value.has_value());
    EXPECT_EQ(results[0].scores[2].metric, "wer");
    EXPECT_EQ(results[1].case_id, "second");
    EXPECT_EQ(results[1].tags, std::vector<std::string>{"x"});
    EXPECT_EQ(results[1].usage, nlohmann::json({{"input_tokens", 3}}));
    EXPECT_EQ(results[1].cost_usd, 0.25);
    EXPECT_TRUE(results[1].cached);
    ASSERT_EQ(results[1].scores.size(), 2u);
    EXPECT_EQ(results[1].scores[0].metric, "wer");  // the order written, not the dictionary's
    EXPECT_EQ(results[1].scores[0].value, 0.5);
    EXPECT_EQ(results[1].scores[1].metric, "cer");
    EXPECT_EQ(results[2].case_id, "bare");
    EXPECT_TRUE(results[2].scores.empty());
}

TEST(StoreMigration, AMigratedCaseWrittenAgainLosesItsOldScores) {
    TempDir dir;
    const auto file = dir / "evalpanel.db";
    build_version5_database(file);
    Store store = Store::open(file);
    ResultRecord again = store.results(1)[0];
    again.scores = {{"anls", 0.75}};
    store.write_result(again);
    const std::vector<ResultRecord> results = store.results(1);
    ASSERT_EQ(results.size(), 3u);
    ASSERT_EQ(results[0].scores.size(), 1u);
    EXPECT_EQ(results[0].scores[0].metric, "anls");
    SQLite::Database db(file, SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM scores").getInt(), 3);  // 2 of 'second' + 1
}

}  // namespace
}  // namespace evalpanel::store
