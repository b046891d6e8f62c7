#include "vision_options.hpp"

#include <gtest/gtest.h>

namespace evalpanel::plugins::openai_vision {
namespace {

using nlohmann::json;

const json kMinimal = {{"base_url", "http://127.0.0.1:8080/v1"}};

VisionOptions parsed(json options) {
    auto result = parse_options(options);
    if (auto* error = std::get_if<ToolError>(&result)) ADD_FAILURE() << error->message;
    return std::get_if<VisionOptions>(&result) ? std::get<VisionOptions>(result) : VisionOptions{};
}

std::string rejection(const json& options) {
    auto result = parse_options(options);
    const auto* error = std::get_if<ToolError>(&result);
    if (!error) {
        ADD_FAILURE() << "accepted " << options.dump();
        return "";
    }
    EXPECT_EQ(error->kind, ErrorKind::fatal);
    return error->message;
}

json with(json extra) {
    json options = kMinimal;
    options.update(extra);
    return options;
}

TEST(VisionOptions, DefaultsBesideTheRequiredBaseUrl) {
    const VisionOptions o = parsed(kMinimal);
    EXPECT_EQ(o.base_url, "http://127.0.0.1:8080/v1");
    EXPECT_EQ(o.model, std::nullopt);
    EXPECT_EQ(o.api_key, std::nullopt);
    EXPECT_EQ(o.temperature, 0);
    EXPECT_EQ(o.max_tokens, 512);
    EXPECT_EQ(o.max_side, 1536);
    EXPECT_EQ(o.image_format, ImageFormat::png);
    EXPECT_EQ(o.jpeg_quality, 90);
    EXPECT_TRUE(o.prompts.empty());
    EXPECT_FALSE(o.stream);
    EXPECT_EQ(o.request_timeout_s, 300);
}

TEST(VisionOptions, ReadsEveryKey) {
    const VisionOptions o = parsed({{"base_url", "https://api.example.com/v1/"},
                                    {"model", "SmolVLM2-2.2B-Instruct"},
                                    {"api_key", "sk-test"},
                                    {"temperature", 0.5},
                                    {"max_tokens", 64},
                                    {"max_side", 768},
                                    {"image_format", "jpeg"},
                                    {"jpeg_quality", 80},
                                    {"prompts", {{"ocr", "Read: {prompt}"}, {"vqa", "Q: {question}"}}},
                                    {"stream", true},
                                    {"request_timeout_s", 2.5}});
    EXPECT_EQ(o.base_url, "https://api.example.com/v1");  // trailing '/' dropped
    EXPECT_EQ(o.model, "SmolVLM2-2.2B-Instruct");
    EXPECT_EQ(o.api_key, "sk-test");
    EXPECT_EQ(o.temperature, 0.5);
    EXPECT_EQ(o.max_tokens, 64);
    EXPECT_EQ(o.max_side, 768);
    EXPECT_EQ(o.image_format, ImageFormat::jpeg);
    EXPECT_EQ(o.jpeg_quality, 80);
    EXPECT_EQ(o.prompts.at(Task::ocr), "Read: {prompt}");
    EXPECT_EQ(o.prompts.at(Task::vqa), "Q: {question}");
    EXPECT_TRUE(o.stream);
    EXPECT_EQ(o.request_timeout_s, 2.5);
}

TEST(VisionOptions, IntegerTemperatureFromYamlIsANumber) {
    EXPECT_EQ(parsed(with({{"temperature", 1}})).temperature, 1);
}

TEST(VisionOptions, EmptyApiKeyMeansNone) {  // ${env:UNSET} expands to ""
    EXPECT_EQ(parsed(with({{"api_key", ""}})).api_key, std::nullopt);
}

TEST(VisionOptions, UnknownKeyIsNamedWithTheKnownOnes) {
    EXPECT_EQ(rejection(with({{"max_size", 10}})),
              "unknown option 'max_size' for openai_vision (known: base_url, model, api_key, temperature, max_tokens, "
              "max_side, image_format, jpeg_quality, prompts, stream, request_timeout_s, max_pixels)");
}

TEST(VisionOptions, BaseUrlIsRequiredAndChecked) {
    EXPECT_NE(rejection(json::object()).find("needs 'base_url'"), std::string::npos);
    EXPECT_NE(rejection({{"base_url", "127.0.0.1:8080"}}).find("must start with http:// or https://"), std::string::npos);
    EXPECT_NE(rejection({{"base_url", "http://127.0.0.1:8080/v1/chat/completions"}}).find("adds /chat/completions itself"),
              std::string::npos);
    EXPECT_NE(rejection({{"base_url", 8080}}).find("'base_url' must be a non-empty string, got an integer"), std::string::npos);
}

TEST(VisionOptions, WrongTypesAndRangesNameTheKey) {
    EXPECT_EQ(rejection(with({{"max_tokens", "512"}})), "openai_vision option 'max_tokens' must be an integer in [1, 1048576], got a string");
    EXPECT_EQ(rejection(with({{"max_side", 8}})), "openai_vision option 'max_side' must be an integer in [16, 16384], got 8");
    EXPECT_EQ(rejection(with({{"max_side", 1536.5}})),
              "openai_vision option 'max_side' must be an integer in [16, 16384], got a fractional number");
    EXPECT_EQ(rejection(with({{"temperature", 3}})), "openai_vision option 'temperature' must be a number in [0, 2], got 3");
    EXPECT_EQ(rejection(with({{"temperature", "hot"}})), "openai_vision option 'temperature' must be a number in [0, 2], got a string");
    EXPECT_EQ(rejection(with({{"jpeg_quality", 101}})), "openai_vision option 'jpeg_quality' must be an integer in [1, 100], got 101");
    EXPECT_EQ(rejection(with({{"stream", "yes"}})), "openai_vision option 'stream' must be true or false, got a string");
    EXPECT_EQ(rejection(with({{"request_timeout_s", 0}})), "openai_vision option 'request_timeout_s' must be a number in (0, 86400], got 0");
    EXPECT_EQ(rejection(with({{"model", ""}})), "openai_vision option 'model' must be a non-empty string, got an empty string");
    EXPECT_NE(rejection(with({{"image_format", "webp"}})).find("'image_format' must be png or jpeg"), std::string::npos);
}

TEST(VisionOptions, ApiKeyOfTheWrongTypeIsRejectedWithoutQuotingIt) {
    const std::string message = rejection(with({{"api_key", {{"secret", "sk-leak"}}}}));
    EXPECT_EQ(message, "openai_vision option 'api_key' must be a string, got a map");
}

TEST(VisionOptions, PromptsAreAMapOfKnownTasksToTemplates) {
    EXPECT_EQ(rejection(with({{"prompts", {{"research", "x"}}}})), "openai_vision option 'prompts': unknown task 'research' (known: ocr, vqa)");
    EXPECT_EQ(rejection(with({{"prompts", {{"ocr", 3}}}})), "openai_vision option 'prompts.ocr' must be a non-empty string, got an integer");
    EXPECT_EQ(rejection(with({{"prompts", "x"}})),
              "openai_vision option 'prompts' must be a map of task (ocr, vqa) to prompt template, got a string");
}

TEST(VisionOptions, OptionsMustBeAMap) {
    EXPECT_EQ(rejection(json::array()), "openai_vision options must be a map, got a list");
}

TEST(VisionOptions, MaxPixelsDefaultsToAHundredMegapixelsAndIsRangeChecked) {
    EXPECT_EQ(parsed(kMinimal).max_pixels, 100'000'000u);
    EXPECT_EQ(parsed(with({{"max_pixels", 5'000'000'000LL}})).max_pixels, 5'000'000'000u);  // beyond int
    EXPECT_EQ(rejection(with({{"max_pixels", -1}})),
              "openai_vision option 'max_pixels' must be an integer in [1, 1000000000000], got -1");
    EXPECT_NE(rejection(with({{"max_pixels", 1.5}})).find("got a fractional number"), std::string::npos);
}

}  // namespace
}  // namespace evalpanel::plugins::openai_vision
