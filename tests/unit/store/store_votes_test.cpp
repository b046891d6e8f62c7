// Community votes: counted per tool, validated, kept across connections.
#include <gtest/gtest.h>

#include "store/store.hpp"
#include "temp_dir.hpp"

namespace evalpanel::store {
namespace {

using testing::TempDir;

TEST(StoreVotes, CountsUpAndDownPerTool) {
    TempDir dir;
    Store store = Store::open(dir.path() / "v.db");
    EXPECT_TRUE(store.vote_counts().empty());
    store.add_vote("tesseract", "up", "");
    store.add_vote("tesseract", "up", "fast");
    store.add_vote("tesseract", "down", "misses rotated text");
    store.add_vote("smolvlm2", "down", "");
    const auto counts = store.vote_counts();
    ASSERT_EQ(counts.size(), 2u);
    EXPECT_EQ(counts.at("tesseract").up, 2);
    EXPECT_EQ(counts.at("tesseract").down, 1);
    EXPECT_EQ(counts.at("smolvlm2").up, 0);
    EXPECT_EQ(counts.at("smolvlm2").down, 1);
    Store again = Store::open(dir.path() / "v.db");
    EXPECT_EQ(again.vote_counts().at("tesseract").up, 2);
}

TEST(StoreVotes, OnlyUpOrDown) {
    TempDir dir;
    Store store = Store::open(dir.path() / "v.db");
    EXPECT_THROW(store.add_vote("t", "sideways", ""), std::invalid_argument);
    EXPECT_TRUE(store.vote_counts().empty());
}

}  // namespace
}  // namespace evalpanel::store
