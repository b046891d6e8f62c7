#include <gtest/gtest.h>

#include "chat_response.hpp"
#include "think_strip.hpp"

namespace evalpanel::plugins::perplexity {
namespace {

using nlohmann::json;

json sample_completion() {
    return json::parse(R"({
      "id": "702738a1-c1e0-4a7f-b9ab-0f6fe1b13514", "model": "sonar-deep-research", "created": 1770768226,
      "usage": {"prompt_tokens": 19, "completion_tokens": 1543, "total_tokens": 1562, "citation_tokens": 8817,
                "num_search_queries": 18, "reasoning_tokens": 73997,
                "cost": {"input_tokens_cost": 0.00004, "total_cost": 0.34201}},
      "citations": ["https://b.example/2", "https://www.a.example/1/"],
      "search_results": [
        {"title": "A", "url": "https://a.example/1", "date": null, "last_updated": "2025-06-02", "snippet": "sa", "source": "web"},
        {"title": "B", "url": "https://b.example/2", "date": "2025-03-01", "last_updated": "2025-06-02", "snippet": "sb"}],
      "object": "chat.completion",
      "choices": [{"index": 0, "finish_reason": "stop",
                   "message": {"role": "assistant", "content": "<think>plan</think>\n\nAnswer [1][2]."}}]
    })");
}

Response parse_ok(const json& completion) {
    auto parsed = parse_completion(completion, "test");
    EXPECT_TRUE(std::holds_alternative<Response>(parsed)) << std::get<ToolError>(parsed).message;
    return std::holds_alternative<Response>(parsed) ? std::get<Response>(parsed) : Response{};
}

ToolError parse_error(const json& completion) {
    auto parsed = parse_completion(completion, "test");
    EXPECT_TRUE(std::holds_alternative<ToolError>(parsed));
    return std::holds_alternative<ToolError>(parsed) ? std::get<ToolError>(parsed) : ToolError{};
}

TEST(ThinkStrip, RemovesTheBlockAndCountsIt) {
    const StrippedAnswer s = strip_think("<think>abc</think>\n\nThe answer.");
    EXPECT_EQ(s.answer, "The answer.");
    EXPECT_EQ(s.think_chars, 3u);
    EXPECT_EQ(s.think_blocks, 1);
    EXPECT_FALSE(s.think_unclosed);
}

TEST(ThinkStrip, UnclosedBlockCutByMaxTokensLeavesNoAnswer) {
    const StrippedAnswer s = strip_think("<think>I should search for");
    EXPECT_EQ(s.answer, "");
    EXPECT_EQ(s.think_chars, 19u);
    EXPECT_TRUE(s.think_unclosed);
}

TEST(ThinkStrip, SeveralBlocksAndNone) {
    const StrippedAnswer s = strip_think("A <think>x</think>B<think>yy</think> C");
    EXPECT_EQ(s.answer, "A B C");
    EXPECT_EQ(s.think_chars, 3u);
    EXPECT_EQ(s.think_blocks, 2);
    EXPECT_EQ(strip_think("Plain [1].").answer, "Plain [1].");
}

TEST(ChatResponse, AnswerUsageAndCostAreReadExactly) {
    const Response r = parse_ok(sample_completion());
    EXPECT_EQ(r.text, "Answer [1][2].");
    EXPECT_EQ(r.usage.input_tokens, 19);
    EXPECT_EQ(r.usage.output_tokens, 1543);
    EXPECT_EQ(r.usage.citation_tokens, 8817);
    EXPECT_EQ(r.usage.reasoning_tokens, 73997);
    EXPECT_EQ(r.usage.search_queries, 18);
    ASSERT_TRUE(r.reported_cost_usd);
    EXPECT_DOUBLE_EQ(*r.reported_cost_usd, 0.34201);
    EXPECT_EQ(r.raw["think_chars"], 4);
    EXPECT_EQ(r.raw["finish_reason"], "stop");
    EXPECT_EQ(r.raw["id"], "702738a1-c1e0-4a7f-b9ab-0f6fe1b13514");
    EXPECT_EQ(r.raw["usage"]["total_tokens"], 1562);
}

TEST(ChatResponse, CitationsKeepTheApiOrderAndTakeDetailsFromTheMatchingSearchResult) {
    const Response r = parse_ok(sample_completion());
    ASSERT_EQ(r.citations.size(), 2u);
    EXPECT_EQ(r.citations[0].url, "https://b.example/2");  // [1] is citations[0], not search_results[0]
    EXPECT_EQ(r.citations[0].title, "B");
    EXPECT_EQ(r.citations[0].date, "2025-03-01");
    EXPECT_EQ(r.citations[0].snippet, "sb");
    EXPECT_EQ(r.citations[1].url, "https://www.a.example/1/");  // the URL as cited; matched loosely
    EXPECT_EQ(r.citations[1].title, "A");
    EXPECT_EQ(r.citations[1].date, "2025-06-02");  // no date: last_updated
    EXPECT_EQ(r.raw["search_results"][0]["last_updated"], "2025-06-02");
}

TEST(ChatResponse, WithoutCitationsTheSearchResultsAreTheSources) {
    json c = sample_completion();
    c.erase("citations");
    const Response r = parse_ok(c);
    ASSERT_EQ(r.citations.size(), 2u);
    EXPECT_EQ(r.citations[0].url, "https://a.example/1");
}

TEST(ChatResponse, OptionalFieldsMayBeAbsentOrNull) {
    json c = sample_completion();
    c.erase("citations");
    c.erase("search_results");
    c["usage"] = {{"prompt_tokens", 6}, {"completion_tokens", 1}, {"total_tokens", 7}, {"citation_tokens", nullptr},
                  {"reasoning_tokens", 12.0}};
    const Response r = parse_ok(c);
    EXPECT_TRUE(r.citations.empty());
    EXPECT_EQ(r.usage.input_tokens, 6);
    EXPECT_FALSE(r.usage.citation_tokens);
    EXPECT_FALSE(r.usage.search_queries);
    EXPECT_EQ(r.usage.reasoning_tokens, 12);
    EXPECT_FALSE(r.reported_cost_usd);
    c.erase("usage");
    EXPECT_FALSE(parse_ok(c).usage.input_tokens);
}

TEST(ChatResponse, ContentAsTextPartsIsJoined) {
    json c = sample_completion();
    c["choices"][0]["message"]["content"] = json::array({{{"type", "text"}, {"text", "A "}}, {{"type", "text"}, {"text", "B"}}});
    EXPECT_EQ(parse_ok(c).text, "A B");
}

TEST(ChatResponse, WrongShapeSaysWhatWasWrong) {
    EXPECT_NE(parse_error(json::array()).message.find("expected a chat completion object, got a list"), std::string::npos);
    json no_choices = sample_completion();
    no_choices.erase("choices");
    const ToolError e = parse_error(no_choices);
    EXPECT_EQ(e.kind, ErrorKind::bad_input);
    EXPECT_NE(e.message.find("no `choices`"), std::string::npos) << e.message;
    json empty = sample_completion();
    empty["choices"] = json::array();
    EXPECT_NE(parse_error(empty).message.find("non-empty list"), std::string::npos);
    json no_content = sample_completion();
    no_content["choices"][0]["message"].erase("content");
    EXPECT_NE(parse_error(no_content).message.find("choices[0].message.content` is missing"), std::string::npos);
    json number = sample_completion();
    number["choices"][0]["message"]["content"] = 5;
    EXPECT_NE(parse_error(number).message.find("must be text, got a number"), std::string::npos);
}

TEST(ChatResponse, ABodyThatIsNotJsonIsRetryable) {
    auto parsed = parse_completion_body(R"({"id": "x", "choi)", "POST /chat/completions");
    ASSERT_TRUE(std::holds_alternative<ToolError>(parsed));
    EXPECT_EQ(std::get<ToolError>(parsed).kind, ErrorKind::retryable);
    EXPECT_NE(std::get<ToolError>(parsed).message.find("not JSON"), std::string::npos);
}

}  // namespace
}  // namespace evalpanel::plugins::perplexity
