#include "chat_request.hpp"

#include <gtest/gtest.h>

namespace evalpanel::plugins::openai_vision {
namespace {

Request ocr_case(std::string suite_prompt) {
    Request request;
    request.task = Task::ocr;
    request.prompt = std::move(suite_prompt);
    return request;
}

Request vqa_case(std::string question) {
    Request request;
    request.task = Task::vqa;
    request.question = std::move(question);
    request.prompt = "suite prompt";
    return request;
}

TEST(ChatRequest, OcrUsesTheSuitePromptElseTheBuiltInInstruction) {
    const VisionOptions options;
    EXPECT_EQ(render_prompt(options, ocr_case("Read the receipt.")), "Read the receipt.");
    EXPECT_EQ(render_prompt(options, ocr_case("")), "Transcribe all the text in this image. Answer with the text only.");
}

TEST(ChatRequest, VqaAsksForAShortAnswer) {
    EXPECT_EQ(render_prompt(VisionOptions{}, vqa_case("What is the total?")),
              "What is the total?\nAnswer with a single word or phrase.");
}

TEST(ChatRequest, ConfiguredTemplatesFillBothPlaceholdersOnce) {
    VisionOptions options;
    options.prompts[Task::vqa] = "<{prompt}> {question} / {question} {other}";
    options.prompts[Task::ocr] = "OCR: {prompt}";
    EXPECT_EQ(render_prompt(options, vqa_case("Q {prompt}?")), "<suite prompt> Q {prompt}? / Q {prompt}? {other}");
    EXPECT_EQ(render_prompt(options, ocr_case("")), "OCR: Transcribe all the text in this image. Answer with the text only.");
}

TEST(ChatRequest, BodyCarriesTextThenImageAndTheSamplingSettings) {
    VisionOptions options;
    options.max_tokens = 77;
    options.temperature = 0.25;
    const nlohmann::json body = chat_body(options, "the prompt", "data:image/png;base64,AAAA");
    EXPECT_FALSE(body.contains("model"));  // llama-server ignores it; absent unless configured
    EXPECT_EQ(body["max_tokens"], 77);
    EXPECT_EQ(body["temperature"], 0.25);
    EXPECT_EQ(body["stream"], false);
    EXPECT_FALSE(body.contains("stream_options"));
    const nlohmann::json expected_messages = nlohmann::json::parse(R"([{"role":"user","content":[
        {"type":"text","text":"the prompt"},
        {"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]}])");
    EXPECT_EQ(body["messages"], expected_messages);
}

TEST(ChatRequest, StreamingAsksForUsageAndModelIsSentWhenSet) {
    VisionOptions options;
    options.stream = true;
    options.model = "smolvlm2";
    const nlohmann::json body = chat_body(options, "p", "data:image/png;base64,AAAA");
    EXPECT_EQ(body["model"], "smolvlm2");
    EXPECT_EQ(body["stream"], true);
    EXPECT_EQ(body["stream_options"]["include_usage"], true);
}

}  // namespace
}  // namespace evalpanel::plugins::openai_vision
