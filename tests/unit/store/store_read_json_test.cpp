// The read path's shortcuts for the commonest JSON (empty lists and objects, plain strings, lists of
// plain strings) must read exactly what the JSON parser would, and leave anything else to it.
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

class StoreReadJson : public ::testing::Test {
protected:
    TempDir dir;
    Store store = Store::open(dir / "evalpanel.db");
    std::int64_t run_id = store.begin_run(sample_run());

    ResultRecord read_back(const ResultRecord& written) {
        store.write_result(written);
        return store.results(run_id).at(0);
    }
    void tamper(const std::string& column, const std::string& text) {
        SQLite::Database db(dir / "evalpanel.db", SQLite::OPEN_READWRITE);
        SQLite::Statement update(db, "UPDATE results SET " + column + " = ?");
        update.bind(1, text);
        update.exec();
    }
};

TEST_F(StoreReadJson, TagsThatNeedEscapingReadBackAsWritten) {
    ResultRecord written = sample_result(run_id, "case-1");
    written.tags = {"quote\"d", "back\\slash", "a\",\"b", "line\nbreak", "", "tab\there", "plain"};
    EXPECT_EQ(read_back(written).tags, written.tags);
}

TEST_F(StoreReadJson, EmptyAndPlainTagListsReadBackAsWritten) {
    ResultRecord written = sample_result(run_id, "case-1");
    written.tags = {};
    EXPECT_EQ(read_back(written).tags, written.tags);
    written.tags = {"", ""};
    EXPECT_EQ(read_back(written).tags, written.tags);
    written.tags = {"ünïcødé", "x"};
    EXPECT_EQ(read_back(written).tags, written.tags);
}

TEST_F(StoreReadJson, ExpectedTextThatNeedsEscapingReadsBackAsWritten) {
    ResultRecord written = sample_result(run_id, "case-1");
    for (const std::string text : {"TOTAL \"$12.50\"", "C:\\path", "two\nlines", "", "plain"}) {
        written.expected = text;
        EXPECT_EQ(read_back(written).expected, written.expected) << text;
    }
}

TEST_F(StoreReadJson, EmptyContainersReadBackAsTheirOwnKind) {
    ResultRecord written = sample_result(run_id, "case-1");
    written.citations = nlohmann::json::array();
    written.usage = nlohmann::json::object();
    written.details = nlohmann::json::object();
    written.expected = nlohmann::json::array();
    const ResultRecord read = read_back(written);
    EXPECT_TRUE(read.citations.is_array() && read.citations.empty());
    EXPECT_TRUE(read.usage.is_object() && read.usage.empty());
    EXPECT_TRUE(read.details.is_object() && read.details.empty());
    EXPECT_TRUE(read.expected.is_array() && read.expected.empty());
}

TEST_F(StoreReadJson, AMalformedTagListIsRefusedNamingFileCaseAndColumn) {
    store.write_result(sample_result(run_id, "case-1"));
    tamper("tags", "[\"a\",\"b\"");
    try {
        store.results(run_id);
        FAIL() << "a malformed tags column was read";
    } catch (const std::runtime_error& error) {
        EXPECT_THAT(error.what(), HasSubstr("evalpanel.db"));
        EXPECT_THAT(error.what(), HasSubstr("case 'case-1'"));
        EXPECT_THAT(error.what(), HasSubstr("column tags"));
    }
}

TEST_F(StoreReadJson, ATagListOfNonStringsIsRefused) {
    store.write_result(sample_result(run_id, "case-1"));
    tamper("tags", "[1, 2]");
    EXPECT_THROW(store.results(run_id), std::runtime_error);
}

TEST_F(StoreReadJson, AStringWithARawControlCharacterIsLeftToTheParserWhichRefusesIt) {
    store.write_result(sample_result(run_id, "case-1"));
    tamper("expected", "\"two\nlines\"");
    EXPECT_THROW(store.results(run_id), std::runtime_error);
}

TEST_F(StoreReadJson, ScoresOfACaseWrittenAgainAfterOthersStayWithTheirCase) {
    ResultRecord first = sample_result(run_id, "case-a");
    first.case_index = 0;
    ResultRecord second = sample_result(run_id, "case-b");
    second.case_index = 1;
    second.scores = {{"cer", 0.5}};
    store.write_batch({first, second});
    first.scores = {{"cer", 0.25}, {"wer", 0.75}};
    store.write_result(first);
    const std::vector<ResultRecord> read = store.results(run_id);  // suite order: case-a, case-b
    ASSERT_EQ(read.size(), 2u);
    ASSERT_EQ(read[0].case_id, "case-a");
    ASSERT_EQ(read[0].scores.size(), 2u);
    EXPECT_EQ(read[0].scores[0].value, 0.25);
    EXPECT_EQ(read[0].scores[1].value, 0.75);
    ASSERT_EQ(read[1].scores.size(), 1u);
    EXPECT_EQ(read[1].scores[0].value, 0.5);
}

}  // namespace
}  // namespace evalpanel::store
