// Opening: creation, connection settings, migrations and every way a file can be refused.
#include <fstream>
#include <stdexcept>
#include <string>

#include <SQLiteCpp/Database.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "sample_records.hpp"
#include "store/schema.hpp"
#include "store/store.hpp"
#include "temp_dir.hpp"

namespace evalpanel::store {
namespace {

using ::testing::HasSubstr;
using testing::sample_result;
using testing::sample_run;
using testing::TempDir;

constexpr std::chrono::milliseconds short_timeout{100};

// The message of the std::runtime_error `open` throws; fails the test when it throws nothing.
template <typename Open>
std::string open_error(Open open) {
    try {
        open();
    } catch (const std::runtime_error& error) {
        return error.what();
    }
    ADD_FAILURE() << "expected std::runtime_error";
    return "";
}

int user_version(const std::filesystem::path& file) {
    SQLite::Database db(file, SQLite::OPEN_READONLY);
    return db.execAndGet("PRAGMA user_version").getInt();
}

TEST(StoreOpen, CreatesAMissingFileAtTheCurrentSchemaVersion) {
    TempDir dir;
    const auto file = dir / "evalpanel.db";
    {
        Store store = Store::open(file);
        EXPECT_EQ(store.schema_version(), Store::current_schema_version());
        EXPECT_EQ(Store::current_schema_version(), 6);
    }
    EXPECT_TRUE(std::filesystem::exists(file));
    EXPECT_EQ(user_version(file), 6);
}

TEST(StoreOpen, CreatesEveryTableOfTheDesign) {
    TempDir dir;
    const auto file = dir / "evalpanel.db";
    Store::open(file);
    SQLite::Database db(file, SQLite::OPEN_READONLY);
    for (const char* table : {"runs", "results", "scores", "metric_names", "cache", "votes"}) {
        EXPECT_TRUE(db.tableExists(table)) << table;
    }
    SQLite::Statement index(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?");
    index.bind(1, "results_in_suite_order");
    ASSERT_TRUE(index.executeStep());
    EXPECT_EQ(index.getColumn(0).getInt(), 1);
}

TEST(StoreOpen, SwitchesToWalAndTurnsOnForeignKeys) {
    TempDir dir;
    const auto file = dir / "evalpanel.db";
    Store store = Store::open(file);
    // journal_mode=WAL is stored in the file, so another connection sees it.
    SQLite::Database db(file, SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
    // foreign_keys is per connection; it shows as a refused result for a run that does not exist.
    EXPECT_THROW(store.write_result(sample_result(9999, "orphan")), std::runtime_error);
}

TEST(StoreOpen, ReopeningKeepsTheDataAndTheVersion) {
    TempDir dir;
    const auto file = dir / "evalpanel.db";
    std::int64_t id = 0;
    {
        Store store = Store::open(file);
        id = store.begin_run(sample_run());
    }
    Store store = Store::open(file);
    EXPECT_EQ(store.schema_version(), Store::current_schema_version());
    ASSERT_EQ(store.runs().size(), 1U);
    EXPECT_EQ(store.runs()[0].id, id);
}

TEST(StoreOpen, MigratesAVersion1DatabaseKeepingItsRuns) {
    TempDir dir;
    const auto file = dir / "evalpanel.db";
    {
        // A database as version 1 left it, with one run in it.
        SQLite::Database db(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec(std::string(migration_sql(1)));
        db.exec("PRAGMA user_version = 1");
        db.exec("INSERT INTO runs (batch, started_at, status, suite_name, suite_path, suite_hash, task, tool, plugin, "
                "plugin_version, tool_config, evalpanel_version, cases_total, metrics) VALUES ('b', "
                "'2026-01-01T00:00:00.000Z', 'finished', 's', 'p', 'h', 'ocr', 't', 'pl', '1', '{}', '0.1.0', 3, '{}')");
    }
    Store store = Store::open(file);
    EXPECT_EQ(store.schema_version(), Store::current_schema_version());
    ASSERT_EQ(store.runs().size(), 1U);
    EXPECT_EQ(store.runs()[0].tool, "t");
    EXPECT_EQ(store.runs()[0].tool_kind, "");
    EXPECT_EQ(store.runs()[0].pricing, nlohmann::json::object());
}

TEST(StoreOpen, MigratesAnEmptyExistingFile) {
    TempDir dir;
    const auto file = dir / "evalpanel.db";
    std::ofstream(file).close();  // zero bytes: a valid, empty SQLite database at version 0
    Store store = Store::open(file);
    EXPECT_EQ(store.schema_version(), Store::current_schema_version());
}

TEST(StoreOpen, RefusesANewerSchemaWithTheUpgradeMessage) {
    TempDir dir;
    const auto file = dir / "evalpanel.db";
    {
        SQLite::Database db(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA user_version = 99");
    }
    EXPECT_EQ(open_error([&] { Store::open(file); }),
              file.string() + " has schema version 99; this evalpanel knows up to " +
                  std::to_string(Store::current_schema_version()) + ": upgrade evalpanel");
    EXPECT_EQ(user_version(file), 99);  // and left the file alone
}

TEST(StoreOpen, RefusesAFileThatIsNotSqliteNamingIt) {
    TempDir dir;
    const auto file = dir / "notes.txt";
    std::ofstream(file) << "These are my notes, not a database. They are long enough to fill a header page.\n";
    const std::string message = open_error([&] { Store::open(file); });
    EXPECT_THAT(message, HasSubstr(file.string()));
    EXPECT_THAT(message, HasSubstr("not an SQLite database"));
}

TEST(StoreOpen, RefusesAMissingDirectoryNamingTheFile) {
    TempDir dir;
    const auto file = dir / "no-such-dir" / "evalpanel.db";
    const std::string message = open_error([&] { Store::open(file); });
    EXPECT_THAT(message, HasSubstr(file.string()));
    EXPECT_THAT(message, HasSubstr("cannot be opened"));
}

TEST(StoreOpen, RefusesAReadOnlyFileNamingIt) {
    if (geteuid() == 0) {
        GTEST_SKIP() << "running as root, which writes through chmod 0444; ReadOnlyUri covers the same refusal";
    }
    TempDir dir;
    const auto file = dir / "evalpanel.db";
    Store::open(file);
    std::filesystem::permissions(file, std::filesystem::perms::owner_read | std::filesystem::perms::group_read |
                                           std::filesystem::perms::others_read);
    const std::string message = open_error([&] { Store::open(file); });
    EXPECT_THAT(message, HasSubstr(file.string()));
    EXPECT_THAT(message, HasSubstr("read-only"));
}

TEST(StoreOpen, RefusesAReadOnlyUriNamingIt) {
    TempDir dir;
    const auto file = dir / "evalpanel.db";
    Store::open(file);
    const std::string uri = "file:" + file.string() + "?mode=ro";
    const std::string message = open_error([&] { Store::open(uri); });
    EXPECT_THAT(message, HasSubstr(file.string()));
    EXPECT_THAT(message, HasSubstr("read-only"));
}

TEST(StoreOpen, RefusesADatabaseLockedByAnotherConnectionNamingIt) {
    TempDir dir;
    const auto file = dir / "evalpanel.db";
    SQLite::Database other(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("BEGIN EXCLUSIVE");  // a fresh file is not in WAL mode yet: this blocks readers too
    const std::string message = open_error([&] { Store::open(file, short_timeout); });
    EXPECT_THAT(message, HasSubstr(file.string()));
    EXPECT_THAT(message, HasSubstr("locked"));
}

TEST(StoreOpen, OpensWhileAnotherConnectionIsWriting) {
    TempDir dir;
    const auto file = dir / "evalpanel.db";
    Store first = Store::open(file);
    first.begin_run(sample_run());
    SQLite::Database other(file, SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    Store second = Store::open(file, short_timeout);  // an up-to-date schema needs no write lock
    EXPECT_EQ(second.runs().size(), 1U);
    other.exec("ROLLBACK");
}

TEST(StoreOpen, AWriteBlockedByAnotherWriterFailsNamingTheFileAndCase) {
    TempDir dir;
    const auto file = dir / "evalpanel.db";
    Store store = Store::open(file, short_timeout);
    const std::int64_t run_id = store.begin_run(sample_run());
    SQLite::Database other(file, SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    const std::string message = open_error([&] { store.write_result(sample_result(run_id, "case-7")); });
    EXPECT_THAT(message, HasSubstr(file.string()));
    EXPECT_THAT(message, HasSubstr("case 'case-7'"));
    EXPECT_THAT(message, HasSubstr("locked"));
    other.exec("ROLLBACK");
    store.write_result(sample_result(run_id, "case-7"));  // the failed write left the Store usable
    EXPECT_EQ(store.results(run_id).size(), 1U);
}

TEST(StoreOpen, AMovedStoreKeepsWorking) {
    TempDir dir;
    Store first = Store::open(dir / "a.db");
    Store second = Store::open(dir / "b.db");
    second.begin_run(sample_run());
    first = std::move(second);
    EXPECT_EQ(first.runs().size(), 1U);
}

}  // namespace
}  // namespace evalpanel::store
