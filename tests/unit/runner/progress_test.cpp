#include "runner/progress.hpp"

#include <cstdio>
#include <string>

#include <gtest/gtest.h>

namespace evalpanel::runner {
namespace {

std::string captured(bool live, std::size_t total, std::size_t steps) {
    char* buffer = nullptr;
    std::size_t size = 0;
    std::FILE* out = open_memstream(&buffer, &size);
    {
        StreamProgress progress(out, live);
        progress.begin("tess × receipts", total);
        for (std::size_t i = 1; i <= steps; ++i) progress.advance(i, 0);
        progress.end("done");
    }
    std::fclose(out);
    std::string text(buffer, size);
    std::free(buffer);
    return text;
}

TEST(Progress, FormatsDurations) {
    EXPECT_EQ(StreamProgress::format_duration(5), "0:05");
    EXPECT_EQ(StreamProgress::format_duration(65), "1:05");
    EXPECT_EQ(StreamProgress::format_duration(3723), "1:02:03");
    EXPECT_EQ(StreamProgress::format_duration(-1), "?");
}

TEST(Progress, PlainModePrintsAboutTenLinesWithoutControlCodes) {
    const std::string text = captured(false, 1000, 1000);
    std::size_t lines = 0;
    for (char c : text) lines += c == '\n';
    EXPECT_GE(lines, 10u);
    EXPECT_LE(lines, 13u);
    EXPECT_EQ(text.find('\r'), std::string::npos);
    EXPECT_NE(text.find("1000/1000"), std::string::npos);
    EXPECT_NE(text.find("ETA"), std::string::npos);
}

TEST(Progress, LiveModeRedrawsOneLine) {
    const std::string text = captured(true, 10, 10);
    EXPECT_NE(text.find('\r'), std::string::npos);
    EXPECT_NE(text.find("10/10"), std::string::npos);
}

}  // namespace
}  // namespace evalpanel::runner
