#include <gtest/gtest.h>

#include <evalpanel/http.hpp>

#include "chat_response.hpp"
#include "stream_assembler.hpp"

namespace evalpanel::plugins::perplexity {
namespace {

using nlohmann::json;

std::string chunk(const std::string& delta, const std::string& message, long long completion_tokens,
                  const std::string& object = "chat.completion.chunk", const char* finish = nullptr) {
    json choice = {{"index", 0}, {"delta", {{"role", "assistant"}, {"content", delta}}},
                   {"message", {{"role", "assistant"}, {"content", message}}}};
    choice["finish_reason"] = finish ? json(finish) : json();
    return json{{"id", "s1"}, {"model", "sonar"}, {"object", object},
                {"usage", {{"prompt_tokens", 5}, {"completion_tokens", completion_tokens}}},
                {"citations", {"https://a.example/"}},
                {"choices", json::array({choice})}}
        .dump();
}

void feed_all(StreamAssembler& a, const std::string& stream, std::size_t piece = 7) {
    http::SseParser parser;
    const auto sink = [&](const std::string& e, const std::string& d) { a.on_event(e, d); };
    for (std::size_t at = 0; at < stream.size(); at += piece) parser.feed(std::string_view(stream).substr(at, piece), sink);
    parser.finish(sink);
}

TEST(StreamAssembler, FullModeMessagesAreNotAddedUpAndTheLastUsageWins) {
    StreamAssembler a;
    const std::string s = "data: " + chunk("Hel", "Hel", 1) + "\n\n" + "data: " + chunk("lo [1].", "Hello [1].", 3) +
                          "\n\n" + "data: " + chunk("", "Hello [1].", 4, "chat.completion.done", "stop") + "\n\n";
    feed_all(a, s);
    EXPECT_TRUE(a.finished());
    EXPECT_FALSE(a.saw_done_marker());
    EXPECT_EQ(a.chunks(), 3);
    const json c = a.completion();
    EXPECT_EQ(c["choices"][0]["message"]["content"], "Hello [1].");
    EXPECT_EQ(c["usage"]["completion_tokens"], 4);
    EXPECT_EQ(c["choices"][0]["finish_reason"], "stop");
    EXPECT_EQ(c["citations"][0], "https://a.example/");
}

TEST(StreamAssembler, EveryLineTerminatorWorks) {
    for (const std::string end : {"\n", "\r\n", "\r"}) {
        StreamAssembler a;
        feed_all(a, "data: " + chunk("A", "A", 1) + end + end + "data: " + chunk("B", "AB", 2) + end + end + "data: [DONE]" + end + end, 5);
        EXPECT_TRUE(a.saw_done_marker());
        EXPECT_EQ(a.completion()["choices"][0]["message"]["content"], "AB");
    }
}

TEST(StreamAssembler, EventsAfterTheEndAreIgnored) {
    StreamAssembler a;
    a.on_event("message", "[DONE]");
    a.on_event("message", chunk("late", "late", 9));
    EXPECT_EQ(a.chunks(), 0);
}

TEST(StreamAssembler, ErrorEventsAndBrokenChunksAreErrors) {
    StreamAssembler a;
    a.on_event("message", R"({"error": {"message": "overloaded", "type": "server_error"}})");
    ASSERT_TRUE(a.error());
    EXPECT_EQ(a.error()->kind, ErrorKind::retryable);
    EXPECT_NE(a.error()->message.find("overloaded"), std::string::npos);
    StreamAssembler b;
    b.on_event("error", "boom");
    EXPECT_TRUE(b.error());
    StreamAssembler c;
    c.on_event("message", R"({"id": "x", "cho)");
    ASSERT_TRUE(c.error());
    EXPECT_NE(c.error()->message.find("not a JSON object"), std::string::npos);
}

TEST(StreamAssembler, OnlyMessagesWithoutDeltasStillGiveTheText) {
    StreamAssembler a;
    a.on_event("message", json{{"choices", {{{"message", {{"content", "Whole"}}}}}}}.dump());
    EXPECT_EQ(a.completion()["choices"][0]["message"]["content"], "Whole");
}

}  // namespace
}  // namespace evalpanel::plugins::perplexity
