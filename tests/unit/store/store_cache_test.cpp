// The response cache: what is put is got back; a missing or broken entry is a miss.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "store/store.hpp"
#include "temp_dir.hpp"

namespace evalpanel::store {
namespace {

using testing::TempDir;

TEST(StoreCache, PutThenGetAcrossConnections) {
    TempDir dir;
    {
        Store store = Store::open(dir.path() / "c.db");
        EXPECT_FALSE(store.cache_get("k1").has_value());
        store.cache_put("k1", {{"text", "TOTAL $12.50"}, {"latency_ms", 120.5}});
        store.cache_put("k1", {{"text", "replaced"}});
    }
    Store store = Store::open(dir.path() / "c.db");
    const auto hit = store.cache_get("k1");
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ((*hit)["text"], "replaced");
}

TEST(StoreCache, BrokenEntryIsAMiss) {
    TempDir dir;
    Store store = Store::open(dir.path() / "c.db");
    store.cache_put("k", {{"text", "x"}});
    {
        SQLite::Database db(dir.path() / "c.db", SQLite::OPEN_READWRITE);
        db.exec("UPDATE cache SET response = 'not json'");
    }
    EXPECT_FALSE(store.cache_get("k").has_value());
}

}  // namespace
}  // namespace evalpanel::store
