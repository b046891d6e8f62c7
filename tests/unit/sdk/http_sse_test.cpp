// SseParser: WHATWG event-stream rules, whatever the chunking.
#include <evalpanel/http.hpp>

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace evalpanel::http {
namespace {

using Events = std::vector<std::pair<std::string, std::string>>;

// Feeds `stream` cut at the given offsets, then finishes.
Events parse(std::string_view stream, const std::vector<std::size_t>& cuts = {}, bool finish = true) {
    Events events;
    const auto on_event = [&](const std::string& event, const std::string& data) { events.emplace_back(event, data); };
    SseParser parser;
    std::size_t from = 0;
    for (const std::size_t cut : cuts) {
        parser.feed(stream.substr(from, cut - from), on_event);
        from = cut;
    }
    parser.feed(stream.substr(from), on_event);
    if (finish) parser.finish(on_event);
    return events;
}

Events parse_byte_by_byte(std::string_view stream) {
    std::vector<std::size_t> cuts;
    for (std::size_t i = 1; i < stream.size(); ++i) cuts.push_back(i);
    return parse(stream, cuts);
}

TEST(SseParser, DispatchesOnBlankLine) {
    const Events events = parse("data: {\"a\":1}\n\ndata: {\"a\":2}\n\n", {}, false);
    EXPECT_EQ(events, (Events{{"message", "{\"a\":1}"}, {"message", "{\"a\":2}"}}));
}

TEST(SseParser, EventFieldNamesTheEventAndResetsAfterDispatch) {
    const Events events = parse("event: done\ndata: x\n\ndata: y\n\n", {}, false);
    EXPECT_EQ(events, (Events{{"done", "x"}, {"message", "y"}}));
}

TEST(SseParser, MultipleDataLinesJoinWithNewline) {
    EXPECT_EQ(parse("data: one\ndata: two\ndata:\ndata: four\n\n", {}, false),
              (Events{{"message", "one\ntwo\n\nfour"}}));
}

TEST(SseParser, OnlyOneLeadingSpaceIsStripped) {
    EXPECT_EQ(parse("data:  two spaces\n\ndata:none\n\n", {}, false),
              (Events{{"message", " two spaces"}, {"message", "none"}}));
}

TEST(SseParser, CommentsAndUnknownFieldsAreIgnored) {
    EXPECT_EQ(parse(": keep-alive\n\n:ping\nid: 7\nretry: 100\nfoo: bar\ndata: x\n\n", {}, false),
              (Events{{"message", "x"}}));
}

TEST(SseParser, BlankLineWithoutDataDispatchesNothing) {
    EXPECT_TRUE(parse("event: lonely\n\n\n\n", {}, false).empty());
    // ...and the lonely event name does not leak into the next event.
    EXPECT_EQ(parse("event: lonely\n\ndata: x\n\n", {}, false), (Events{{"message", "x"}}));
}

TEST(SseParser, FieldWithoutColonIsAFieldWithEmptyValue) {
    EXPECT_EQ(parse("data\n\n", {}, false), (Events{{"message", ""}}));
}

TEST(SseParser, DoneIsDeliveredLikeAnyOtherEvent) {
    EXPECT_EQ(parse("data: {\"x\":1}\n\ndata: [DONE]\n\n", {}, false),
              (Events{{"message", "{\"x\":1}"}, {"message", "[DONE]"}}));
}

TEST(SseParser, AllThreeLineEndingsWork) {
    const Events expected{{"message", "a\nb"}, {"e", "c"}};
    EXPECT_EQ(parse("data: a\ndata: b\n\nevent: e\ndata: c\n\n", {}, false), expected);
    EXPECT_EQ(parse("data: a\r\ndata: b\r\n\r\nevent: e\r\ndata: c\r\n\r\n", {}, false), expected);
    EXPECT_EQ(parse("data: a\rdata: b\r\revent: e\rdata: c\r\r", {}, true), expected);
    EXPECT_EQ(parse("data: a\r\ndata: b\n\revent: e\rdata: c\n\r\n", {}, false), expected);
}

// The same stream cut at every possible place, "\r\n" split between chunks included, gives the same events.
TEST(SseParser, AnyChunkingGivesTheSameEvents) {
    const std::string stream =
        ": hello\r\nevent: chunk\r\ndata: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\r\n\r\n"
        "data: line1\r\ndata: line2\r\n\r\ndata: [DONE]\r\n\r\n";
    const Events expected{{"chunk", "{\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}"},
                          {"message", "line1\nline2"},
                          {"message", "[DONE]"}};
    EXPECT_EQ(parse(stream), expected);
    EXPECT_EQ(parse_byte_by_byte(stream), expected);
    for (std::size_t cut = 1; cut < stream.size(); ++cut) EXPECT_EQ(parse(stream, {cut}), expected) << "cut at " << cut;
    for (std::size_t cut = 1; cut + 1 < stream.size(); ++cut)
        EXPECT_EQ(parse(stream, {cut, cut + 1}), expected) << "cuts at " << cut << ", " << cut + 1;
}

TEST(SseParser, CrLfSplitAcrossChunksIsOneLineEnd) {
    // "data: a\r" | "\n" | "\r" | "\n": two line ends, so exactly one event with data "a" — not an
    // extra blank line from the '\n' that completes the first "\r\n".
    EXPECT_EQ(parse("data: a\r\ndata: b\r\n\r\n", {8}, false), (Events{{"message", "a\nb"}}));
    EXPECT_EQ(parse("data: a\r\n\r\n", {8, 9, 10}, false), (Events{{"message", "a"}}));
}

TEST(SseParser, EventIsDispatchedAsSoonAsItsBlankLineArrives) {
    Events events;
    const auto on_event = [&](const std::string& event, const std::string& data) { events.emplace_back(event, data); };
    SseParser parser;
    parser.feed("data: a\r\n\r", on_event);  // the trailing '\r' already ends the blank line
    EXPECT_EQ(events, (Events{{"message", "a"}}));
    parser.feed("\ndata: b\r\n\r\n", on_event);
    EXPECT_EQ(events, (Events{{"message", "a"}, {"message", "b"}}));
}

TEST(SseParser, FinishDeliversAnUnterminatedEvent) {
    EXPECT_EQ(parse("data: {\"x\":1}\n\ndata: tail"), (Events{{"message", "{\"x\":1}"}, {"message", "tail"}}));
    EXPECT_EQ(parse("data: tail\n"), (Events{{"message", "tail"}}));
    EXPECT_TRUE(parse("data: tail", {}, false).empty());
    EXPECT_TRUE(parse(": only a comment").empty());
}

TEST(SseParser, FinishResetsTheParser) {
    Events events;
    const auto on_event = [&](const std::string& event, const std::string& data) { events.emplace_back(event, data); };
    SseParser parser;
    parser.feed("event: e\ndata: x", on_event);
    parser.finish(on_event);
    parser.feed("data: y\n\n", on_event);
    EXPECT_EQ(events, (Events{{"e", "x"}, {"message", "y"}}));
}

}  // namespace
}  // namespace evalpanel::http
