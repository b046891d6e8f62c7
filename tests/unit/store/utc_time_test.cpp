#include <chrono>
#include <regex>

#include <gtest/gtest.h>

#include "store/store.hpp"

namespace evalpanel::store {
namespace {

using namespace std::chrono;

TEST(UtcTime, FormatsWithMillisecondsAndZ) {
    const sys_days day = year{2026} / November / 24;
    EXPECT_EQ(to_utc_iso8601(day + 16h + 0min + 0s + 123ms), "2026-11-24T16:00:00.123Z");
}

TEST(UtcTime, PadsEveryFieldToFixedWidth) {
    const sys_days day = year{2027} / January / 2;
    EXPECT_EQ(to_utc_iso8601(day + 3h + 4min + 5s + 6ms), "2027-01-02T03:04:05.006Z");
}

TEST(UtcTime, TruncatesBelowMilliseconds) {
    const sys_days day = year{2026} / December / 31;
    EXPECT_EQ(to_utc_iso8601(day + 23h + 59min + 59s + 999999us), "2026-12-31T23:59:59.999Z");
}

TEST(UtcTime, NowHasTheStoredShape) {
    EXPECT_TRUE(std::regex_match(now_utc_iso8601(), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")));
}

}  // namespace
}  // namespace evalpanel::store
