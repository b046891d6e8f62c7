// Results and scores: round trips, replacement, ordering, atomicity.
#include <cmath>
#include <limits>
#include <stdexcept>

#include <SQLiteCpp/Database.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sample_records.hpp"
#include "store/store.hpp"
#include "temp_dir.hpp"

namespace evalpanel::store {
namespace {

using ::testing::HasSubstr;
using testing::sample_result;
using testing::sample_run;
using testing::TempDir;

class StoreResults : public ::testing::Test {
protected:
    TempDir dir;
    Store store = Store::open(dir / "evalpanel.db");
    std::int64_t run_id = store.begin_run(sample_run());

    ResultRecord only_result() {
        const std::vector<ResultRecord> results = store.results(run_id);
        if (results.size() != 1) {
            throw std::logic_error("expected one result, found " + std::to_string(results.size()));
        }
        return results[0];
    }
    std::int64_t count(const std::string& sql) {
        SQLite::Database db(dir / "evalpanel.db", SQLite::OPEN_READONLY);
        return db.execAndGet(sql).getInt64();
    }
};

void expect_same_scores(const std::vector<ScoreRecord>& read, const std::vector<ScoreRecord>& written) {
    ASSERT_EQ(read.size(), written.size());
    for (std::size_t i = 0; i < read.size(); ++i) {
        EXPECT_EQ(read[i].metric, written[i].metric) << i;
        EXPECT_EQ(read[i].value, written[i].value) << written[i].metric;
    }
}

void expect_same_result(const ResultRecord& read, const ResultRecord& written) {
    EXPECT_EQ(read.run_id, written.run_id);
    EXPECT_EQ(read.case_id, written.case_id);
    EXPECT_EQ(read.case_index, written.case_index);
    EXPECT_EQ(read.cached, written.cached);
    EXPECT_EQ(read.details, written.details);
    EXPECT_EQ(read.tags, written.tags);
    EXPECT_EQ(read.expected, written.expected);
    EXPECT_EQ(read.status, written.status);
    EXPECT_EQ(read.output, written.output);
    EXPECT_EQ(read.confidence, written.confidence);
    EXPECT_EQ(read.citations, written.citations);
    EXPECT_EQ(read.usage, written.usage);
    EXPECT_EQ(read.cost_usd, written.cost_usd);
    EXPECT_EQ(read.latency_ms, written.latency_ms);
    EXPECT_EQ(read.attempts, written.attempts);
    EXPECT_EQ(read.error, written.error);
    expect_same_scores(read.scores, written.scores);
}

TEST_F(StoreResults, RoundTripsEveryField) {
    const ResultRecord written = sample_result(run_id, "receipt-001");
    store.write_result(written);
    expect_same_result(only_result(), written);
}

TEST_F(StoreResults, RoundTripsNullsAndAnErrorResult) {
    ResultRecord written = sample_result(run_id, "vqa-3");
    written.status = "timeout";
    written.error = "timeout: no answer in 900 s";
    written.output = "";
    written.confidence = std::nullopt;
    written.cost_usd = std::nullopt;
    written.tags = {};
    written.expected = nlohmann::json::array({"42", "forty-two"});
    written.citations = nlohmann::json::array();
    written.usage = nlohmann::json::object();
    written.scores = {{"anls", std::nullopt}, {"exact_match", 0.0}, {"latency", std::nullopt}};
    store.write_result(written);
    expect_same_result(only_result(), written);
}

TEST_F(StoreResults, StoresHostileAndUnicodeTextVerbatim) {
    ResultRecord written = sample_result(run_id, "'; DROP TABLE runs; --");
    written.output = "Robert'); DROP TABLE results;-- \"quoted\" `back` \\ \t\r\n € 你好 😀 ﷽";
    written.error = "bad_input: it's \"odd\" ? :name @x $y";
    written.tags = {"'; DROP TABLE scores; --", "ünïcødé", "emoji😀"};
    written.expected = "Größe: 12,50 €";
    written.citations = nlohmann::json::array({{{"title", "«quotes» and 'apostrophes'"}}});
    written.scores = {{"metric'; --", 1.0}};
    store.write_result(written);
    expect_same_result(only_result(), written);
    EXPECT_EQ(store.runs().size(), 1U);  // the tables are all still there
}

TEST_F(StoreResults, StoresInvalidUtf8OutputBytesVerbatim) {
    ResultRecord written = sample_result(run_id, "binary-ish");
    written.output = std::string("\x01\x02\xff\xfe\x80 raw \x7f end", 16);
    store.write_result(written);
    EXPECT_EQ(only_result().output, written.output);
}

TEST_F(StoreResults, ReplacesInvalidUtf8InJsonColumnsInsteadOfLosingTheCase) {
    ResultRecord written = sample_result(run_id, "bad-citation");
    written.citations = nlohmann::json::array({{{"title", std::string("caf\xe9")}}});
    store.write_result(written);
    EXPECT_EQ(only_result().citations[0]["title"], "caf\xEF\xBF\xBD");  // U+FFFD
}

TEST_F(StoreResults, ANanScoreReadsBackAsUndefined) {
    ResultRecord written = sample_result(run_id, "nan");
    written.scores = {{"cer", std::numeric_limits<double>::quiet_NaN()}, {"wer", 0.25}};
    store.write_result(written);
    const ResultRecord read = only_result();
    ASSERT_EQ(read.scores.size(), 2U);
    EXPECT_FALSE(read.scores[0].value.has_value());
    EXPECT_EQ(read.scores[1].value, 0.25);
}

TEST_F(StoreResults, WritingACaseAgainReplacesItAndAllItsScores) {
    store.write_result(sample_result(run_id, "case-1"));
    ResultRecord again = sample_result(run_id, "case-1");
    again.output = "second attempt";
    again.attempts = 3;
    again.scores = {{"cer", 0.0}};  // wer and exact_match must not survive from the first write
    store.write_result(again);
    expect_same_result(only_result(), again);
    EXPECT_EQ(count("SELECT count(*) FROM results"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM scores"), 1);
}

TEST_F(StoreResults, ResultsComeBackInSuiteOrderWhateverTheOrderWritten) {
    // Concurrent workers finish cases out of order; reads follow the suite (case_index), then writes.
    const std::vector<std::pair<const char*, std::int64_t>> written = {{"zeta", 2}, {"alpha", 0}, {"mid", 1}, {"tie", 1}};
    for (const auto& [id, index] : written) {
        ResultRecord r = sample_result(run_id, id);
        r.case_index = index;
        store.write_result(r);
    }
    const std::vector<ResultRecord> results = store.results(run_id);
    ASSERT_EQ(results.size(), 4U);
    EXPECT_EQ(results[0].case_id, "alpha");
    EXPECT_EQ(results[1].case_id, "mid");
    EXPECT_EQ(results[2].case_id, "tie");
    EXPECT_EQ(results[3].case_id, "zeta");
    EXPECT_EQ(results[3].case_index, 2);
}

TEST_F(StoreResults, ScoresStayInTheOrderWritten) {
    ResultRecord written = sample_result(run_id, "c");
    written.scores = {{"wer", 0.1}, {"cer", 0.2}, {"anls", 0.3}};
    store.write_result(written);
    expect_same_scores(only_result().scores, written.scores);
}

TEST_F(StoreResults, ResultsOfOneRunDoNotMixWithAnother) {
    const std::int64_t other_run = store.begin_run(sample_run());
    store.write_result(sample_result(run_id, "shared-id"));
    ResultRecord other = sample_result(other_run, "shared-id");
    other.output = "other run";
    other.scores = {{"cer", 1.0}};
    store.write_result(other);
    expect_same_result(only_result(), sample_result(run_id, "shared-id"));
    ASSERT_EQ(store.results(other_run).size(), 1U);
    expect_same_result(store.results(other_run)[0], other);
    EXPECT_TRUE(store.results(9999).empty());
}

TEST_F(StoreResults, AFailedWriteLeavesNothingBehind) {
    store.write_result(sample_result(run_id, "kept"));
    ResultRecord broken = sample_result(run_id, "kept");
    broken.output = "must not replace the stored one";
    broken.scores = {{"cer", 0.1}, {"cer", 0.2}};  // the same metric twice violates the scores key
    EXPECT_THROW(store.write_result(broken), std::runtime_error);
    expect_same_result(only_result(), sample_result(run_id, "kept"));
    EXPECT_EQ(count("SELECT count(*) FROM scores"), 3);
}

TEST_F(StoreResults, AMetricScoredTwiceIsRefusedNamingCaseAndMetric) {
    ResultRecord broken = sample_result(run_id, "twice");
    broken.scores = {{"cer", 0.1}, {"wer", 0.5}, {"cer", 0.2}};
    try {
        store.write_result(broken);
        FAIL() << "expected std::runtime_error";
    } catch (const std::runtime_error& error) {
        EXPECT_THAT(error.what(), HasSubstr("case 'twice' of run " + std::to_string(run_id)));
        EXPECT_THAT(error.what(), HasSubstr("metric 'cer' twice"));
    }
    EXPECT_EQ(count("SELECT count(*) FROM results"), 0);
}

TEST_F(StoreResults, AMetricNameAddedByAFailedWriteIsNotRememberedWithAStaleId) {
    // The failed batch adds "first_new" to the dictionary, then rolls back; the next write must not
    // reuse that id from the connection's cache, or its scores would read back under another name.
    ResultRecord adds_name = sample_result(run_id, "adds-name");
    adds_name.scores = {{"first_new", 0.1}};
    const ResultRecord orphan = sample_result(4242, "orphan");  // no such run: the batch fails after adds-name
    EXPECT_THROW(store.write_batch({adds_name, orphan}), std::runtime_error);
    EXPECT_EQ(count("SELECT count(*) FROM metric_names WHERE name = 'first_new'"), 0);
    ResultRecord kept = sample_result(run_id, "kept");
    kept.scores = {{"second_new", 0.2}, {"first_new", 0.3}};
    store.write_result(kept);
    expect_same_scores(only_result().scores, kept.scores);
    const Store fresh = Store::open(dir / "evalpanel.db");  // and as another connection reads them
    expect_same_scores(fresh.results(run_id).at(0).scores, kept.scores);
}

TEST_F(StoreResults, ResultsWrittenByAnotherConnectionReadBackWithTheirMetricNames) {
    Store other = Store::open(dir / "evalpanel.db");
    store.write_result(sample_result(run_id, "mine"));  // this connection caches cer, wer, exact_match
    ResultRecord theirs = sample_result(run_id, "theirs");
    theirs.scores = {{"anls", 0.9}, {"cer", 0.1}};
    other.write_result(theirs);
    const std::vector<ResultRecord> read = store.results(run_id);
    ASSERT_EQ(read.size(), 2u);
    expect_same_scores(read[1].scores, theirs.scores);
}

TEST_F(StoreResults, AResultForAnUnknownRunIsRefusedNamingFileAndRun) {
    try {
        store.write_result(sample_result(4242, "orphan"));
        FAIL() << "expected std::runtime_error";
    } catch (const std::runtime_error& error) {
        EXPECT_THAT(error.what(), HasSubstr((dir / "evalpanel.db").string()));
        EXPECT_THAT(error.what(), HasSubstr("case 'orphan' of run 4242"));
        EXPECT_THAT(error.what(), HasSubstr("does not exist"));
    }
    EXPECT_EQ(count("SELECT count(*) FROM results"), 0);
}

TEST_F(StoreResults, AnUnknownResultStatusIsRefused) {
    ResultRecord written = sample_result(run_id, "c");
    written.status = "okay";
    EXPECT_THROW(store.write_result(written), std::invalid_argument);
    EXPECT_TRUE(store.results(run_id).empty());
}

TEST_F(StoreResults, ABatchIsStoredWholeWithItsCacheEntries) {
    std::vector<ResultRecord> batch;
    for (int i = 0; i < 3; ++i) batch.push_back(sample_result(run_id, "c" + std::to_string(i)));
    store.write_batch(batch, {CacheEntry{"k1", {{"text", "cached answer"}}}});
    const auto read = store.results(run_id);
    ASSERT_EQ(read.size(), 3u);
    for (std::size_t i = 0; i < read.size(); ++i) expect_same_result(read[i], batch[i]);
    EXPECT_EQ(store.cache_get("k1"), nlohmann::json({{"text", "cached answer"}}));
}

TEST_F(StoreResults, ABatchWithOneBadRecordWritesNothingAndNamesThatCase) {
    store.write_result(sample_result(run_id, "kept"));
    std::vector<ResultRecord> batch = {sample_result(run_id, "new-1"), sample_result(run_id, "new-2")};
    batch[1].scores = {{"cer", 0.1}, {"cer", 0.2}};  // violates the scores key, after new-1 went in
    try {
        store.write_batch(batch, {CacheEntry{"k", {{"text", "x"}}}});
        FAIL() << "expected std::runtime_error";
    } catch (const std::runtime_error& error) {
        EXPECT_THAT(error.what(), HasSubstr("case 'new-2' of run"));
    }
    expect_same_result(only_result(), sample_result(run_id, "kept"));
    EXPECT_FALSE(store.cache_get("k").has_value());

    batch[1] = sample_result(run_id, "new-2");
    batch[1].status = "okay";  // checked before anything is written
    EXPECT_THROW(store.write_batch(batch), std::invalid_argument);
    EXPECT_EQ(count("SELECT count(*) FROM results"), 1);
}

}  // namespace
}  // namespace evalpanel::store
