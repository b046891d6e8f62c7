#include "chat_response.hpp"

#include <gtest/gtest.h>

namespace evalpanel::plugins::openai_vision {
namespace {

Response response_of(const Outcome& outcome) {
    if (const auto* error = std::get_if<ToolError>(&outcome)) {
        ADD_FAILURE() << "error: " << error->message;
        return {};
    }
    return std::get<Response>(outcome);
}

ToolError error_of(const Outcome& outcome) {
    if (!std::holds_alternative<ToolError>(outcome)) {
        ADD_FAILURE() << "answered " << std::get<Response>(outcome).text;
        return {};
    }
    return std::get<ToolError>(outcome);
}

// API-NOTES B2, verbatim.
constexpr const char* kLlamaServerBody = R"({"choices": [{"finish_reason": "stop", "index": 0,
              "message": {"role": "assistant", "content": "STOP"}}],
 "created": 1757141666, "model": "smolvlm2",
 "system_fingerprint": "b6400-abcdef12", "object": "chat.completion",
 "usage": {"completion_tokens": 2, "prompt_tokens": 112, "total_tokens": 114,
           "prompt_tokens_details": {"cached_tokens": 0}},
 "id": "chatcmpl-ecQULm0WqPrftUqjPZO1CFYeDjGZNbDu",
 "timings": {"cache_n": 0, "prompt_n": 112, "prompt_ms": 30.9, "prompt_per_token_ms": 0.28,
             "prompt_per_second": 3600.1, "predicted_n": 2, "predicted_ms": 25.2,
             "predicted_per_token_ms": 12.6, "predicted_per_second": 79.3}})";

TEST(StripThink, RemovesTheBlockAndCountsIt) {
    const ThinkSplit split = strip_think("<think>abc</think>\n\nSTOP");
    EXPECT_EQ(split.text, "STOP");
    EXPECT_EQ(split.think_chars, 18u);
    EXPECT_TRUE(split.think_closed);
}

TEST(StripThink, KeepsTextOnBothSides) {
    EXPECT_EQ(strip_think("Answer: <think>hmm</think> 42").text, "Answer:  42");
}

TEST(StripThink, AnUnclosedBlockIsAllThinking) {  // cut by max_tokens (API-NOTES C3)
    const ThinkSplit split = strip_think("<think>still going");
    EXPECT_EQ(split.text, "");
    EXPECT_EQ(split.think_chars, 18u);
    EXPECT_FALSE(split.think_closed);
}

TEST(StripThink, PlainTextIsOnlyTrimmed) {
    const ThinkSplit split = strip_think("  hello\n");
    EXPECT_EQ(split.text, "hello");
    EXPECT_EQ(split.think_chars, 0u);
}

TEST(ReadChatCompletion, LlamaServerAnswerUsageAndTimings) {
    const Response r = response_of(read_chat_completion(kLlamaServerBody));
    EXPECT_EQ(r.text, "STOP");
    EXPECT_EQ(r.usage.input_tokens, 112);
    EXPECT_EQ(r.usage.output_tokens, 2);
    EXPECT_EQ(r.usage.reasoning_tokens, std::nullopt);
    EXPECT_EQ(r.raw["timings"]["prompt_per_second"], 3600.1);
    EXPECT_EQ(r.raw["timings"]["predicted_per_second"], 79.3);
    EXPECT_EQ(r.raw["timings"]["prompt_n"], 112);
    EXPECT_EQ(r.raw["finish_reason"], "stop");
    EXPECT_EQ(r.raw["model"], "smolvlm2");
    EXPECT_EQ(r.raw["streamed"], false);
}

TEST(ReadChatCompletion, WithoutTimingsOrUsageAsVllmOrOllama) {
    const Response r = response_of(read_chat_completion(R"({"choices":[{"message":{"content":"A"}}]})"));
    EXPECT_EQ(r.text, "A");
    EXPECT_EQ(r.usage.input_tokens, std::nullopt);
    EXPECT_FALSE(r.raw.contains("timings"));
}

TEST(ReadChatCompletion, ThinkBlockAndReasoningTokens) {
    const Response r = response_of(read_chat_completion(
        R"({"choices":[{"message":{"content":"<think>long thought</think>Paris","reasoning_content":"xyz"}}],
            "usage":{"prompt_tokens":5,"completion_tokens":9,"completion_tokens_details":{"reasoning_tokens":7}}})"));
    EXPECT_EQ(r.text, "Paris");
    EXPECT_EQ(r.raw["think_chars"], 27);
    EXPECT_EQ(r.raw["reasoning_chars"], 3);
    EXPECT_EQ(r.usage.reasoning_tokens, 7);
}

TEST(ReadChatCompletion, NullContentIsAnEmptyAnswer) {
    EXPECT_EQ(response_of(read_chat_completion(R"({"choices":[{"message":{"content":null}}]})")).text, "");
}

TEST(ReadChatCompletion, MalformedJsonSaysSo) {
    const ToolError e = error_of(read_chat_completion(R"({"choices":[{"message":{"content":"ST)"));
    EXPECT_EQ(e.kind, ErrorKind::retryable);
    EXPECT_NE(e.message.find("not valid JSON"), std::string::npos) << e.message;
}

TEST(ReadChatCompletion, WrongShapeSaysWhatIsMissing) {
    EXPECT_NE(error_of(read_chat_completion(R"({"result":"x"})")).message.find("no choices[0]"), std::string::npos);
    EXPECT_NE(error_of(read_chat_completion(R"({"choices":[]})")).message.find("no choices[0]"), std::string::npos);
    EXPECT_NE(error_of(read_chat_completion(R"({"choices":[{"text":"x"}]})")).message.find("no choices[0].message"),
              std::string::npos);
    EXPECT_NE(error_of(read_chat_completion(R"({"choices":[{"message":{"content":[1]}}]})")).message.find("not a string"),
              std::string::npos);
    EXPECT_EQ(error_of(read_chat_completion(R"([1,2])")).kind, ErrorKind::fatal);
}

TEST(ReadChatCompletion, AnErrorEnvelopeWithStatus200IsAnError) {
    const ToolError e = error_of(read_chat_completion(R"({"error":{"code":503,"message":"Loading model"}})"));
    EXPECT_EQ(e.kind, ErrorKind::retryable);
    EXPECT_NE(e.message.find("still loading"), std::string::npos);
}

// The B3 sequence: role delta, content deltas, finish chunk, usage chunk with timings, [DONE].
TEST(StreamReader, ConcatenatesDeltasAndTakesUsageFromTheLastChunk) {
    StreamReader reader;
    reader.on_event("", R"({"choices":[{"index":0,"delta":{"role":"assistant","content":null}}],"model":"m"})");
    reader.on_event("", R"({"choices":[{"index":0,"delta":{"content":"Hel"}}],"usage":{"prompt_tokens":1,"completion_tokens":1}})");
    reader.on_event("", R"({"choices":[{"index":0,"delta":{"content":"lo"}}],"usage":{"prompt_tokens":1,"completion_tokens":2}})");
    reader.on_event("", R"({"choices":[{"index":0,"finish_reason":"stop","delta":{}}]})");
    reader.on_event("", R"({"choices":[],"usage":{"prompt_tokens":40,"completion_tokens":3},
                         "timings":{"prompt_per_second":100.5,"predicted_per_second":20.25}})");
    reader.on_event("", "[DONE]");
    reader.on_event("", R"({"choices":[{"index":0,"delta":{"content":"after done"}}]})");
    const Response r = response_of(reader.finish());
    EXPECT_EQ(r.text, "Hello");
    EXPECT_EQ(r.usage.input_tokens, 40);  // the last one, not a sum
    EXPECT_EQ(r.usage.output_tokens, 3);
    EXPECT_EQ(r.raw["timings"]["prompt_per_second"], 100.5);
    EXPECT_EQ(r.raw["timings"]["predicted_per_second"], 20.25);
    EXPECT_EQ(r.raw["finish_reason"], "stop");
    EXPECT_EQ(r.raw["streamed"], true);
    EXPECT_FALSE(r.raw.contains("stream_ended_without_done"));
}

TEST(StreamReader, EndsCleanlyWithoutDoneAndStripsThinkAcrossDeltas) {
    StreamReader reader;
    for (const char* piece : {"<thi", "nk>x</th", "ink>", "ok"})
        reader.on_event("", nlohmann::json{{"choices", {{{"delta", {{"content", piece}}}}}}}.dump());
    const Response r = response_of(reader.finish());
    EXPECT_EQ(r.text, "ok");
    EXPECT_EQ(r.raw["think_chars"], 16);
    EXPECT_EQ(r.raw["stream_ended_without_done"], true);
}

TEST(StreamReader, AnErrorEventMakesTheAnswerAnError) {
    StreamReader reader;
    reader.on_event("", R"({"choices":[{"delta":{"content":"par"}}]})");
    reader.on_event("", R"({"error":{"code":500,"message":"boom","type":"server_error"}})");
    const ToolError e = error_of(reader.finish());
    EXPECT_EQ(e.kind, ErrorKind::retryable);
    EXPECT_NE(e.message.find("error inside the stream"), std::string::npos) << e.message;
    EXPECT_NE(e.message.find("boom"), std::string::npos) << e.message;
}

TEST(StreamReader, AnErrorEventForAModelWithoutVisionIsFatal) {
    StreamReader reader;
    reader.on_event("error", R"({"error":{"message":"image input is not supported - hint: ... mmproj"}})");
    EXPECT_EQ(error_of(reader.finish()).kind, ErrorKind::fatal);
}

TEST(StreamReader, ABrokenEventOrNoEventIsAnError) {
    StreamReader broken;
    broken.on_event("", R"({"choices":[{"delta":{"content":"cut)");
    EXPECT_NE(error_of(broken.finish()).message.find("not a JSON object"), std::string::npos);
    const StreamReader nothing;
    EXPECT_NE(error_of(nothing.finish()).message.find("without a single chunk"), std::string::npos);
}

}  // namespace
}  // namespace evalpanel::plugins::openai_vision
