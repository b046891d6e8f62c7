// The Tool against the loopback fake llama-server: what reaches the server, and what comes back.
#include "vision_tool.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include <opencv2/imgcodecs.hpp>

#include "fake_llama_server.hpp"
#include "test_images.hpp"

namespace evalpanel::plugins::openai_vision {
namespace {

using fakes::llama_server::Fault;
using fakes::llama_server::FakeLlamaServer;
using FakeOptions = fakes::llama_server::Options;
using fakes::llama_server::ReceivedRequest;
using nlohmann::json;

constexpr const char* kSecret = "sk-test-0123456789";

FakeOptions without_vision() {
    FakeOptions options;
    options.vision = false;
    return options;
}

FakeOptions context_of(long long n_ctx) {
    FakeOptions options;
    options.n_ctx = n_ctx;
    return options;
}

FakeOptions requiring_key(std::string key) {
    FakeOptions options;
    options.api_key = std::move(key);
    return options;
}

class VisionToolTest : public ::testing::Test {
protected:
    // A configured tool pointed at `server`, with short timeouts and any extra options.
    std::unique_ptr<VisionTool> tool_for(const FakeLlamaServer& fake, json extra = json::object()) {
        json options = {{"base_url", fake.base_url()}, {"request_timeout_s", 5}};
        options.update(extra);
        auto tool = std::make_unique<VisionTool>();
        if (auto error = tool->configure(options)) ADD_FAILURE() << error->message;
        return tool;
    }

    static Request ocr_case(const std::vector<std::uint8_t>& image) {
        Request request;
        request.case_id = "case-1";
        request.task = Task::ocr;
        request.image = image;
        request.image_name = "generated:case-1";
        return request;
    }

    static Response response_of(const Outcome& outcome) {
        if (const auto* error = std::get_if<ToolError>(&outcome)) {
            ADD_FAILURE() << to_string(error->kind) << ": " << error->message;
            return {};
        }
        return std::get<Response>(outcome);
    }

    static ToolError error_of(const Outcome& outcome) {
        if (!std::holds_alternative<ToolError>(outcome)) {
            ADD_FAILURE() << "answered '" << std::get<Response>(outcome).text << "'";
            return {};
        }
        return std::get<ToolError>(outcome);
    }

    FakeLlamaServer server;
    const cv::Mat image = test::pattern(96, 64);
};

TEST_F(VisionToolTest, PngArrivesPixelForPixel) {
    auto tool = tool_for(server);
    const Response r = response_of(tool->call(ocr_case(test::encode_png(image))));
    EXPECT_EQ(r.text, "STOP");
    const ReceivedRequest sent = server.last_chat().value();
    ASSERT_EQ(sent.images.size(), 1u);
    EXPECT_EQ(sent.images[0].mime, "image/png");
    EXPECT_EQ(sent.images[0].width, 96);
    EXPECT_EQ(sent.images[0].height, 64);
    EXPECT_EQ(sent.images[0].channels, 3);
    EXPECT_EQ(test::max_difference(sent.images[0].pixels, image), 0);
}

TEST_F(VisionToolTest, JpegInputIsReencodedAsLosslessPngOfTheDecodedPixels) {
    auto tool = tool_for(server);
    const std::vector<std::uint8_t> jpeg = test::encode_jpeg(image);
    ASSERT_TRUE(std::holds_alternative<Response>(tool->call(ocr_case(jpeg))));
    const ReceivedRequest sent = server.last_chat().value();
    EXPECT_EQ(sent.images.at(0).mime, "image/png");
    EXPECT_EQ(test::max_difference(sent.images.at(0).pixels, cv::imdecode(jpeg, cv::IMREAD_COLOR)), 0);
}

TEST_F(VisionToolTest, JpegFormatArrivesCloseToTheOriginal) {
    cv::Mat smooth(64, 96, CV_8UC3);
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 96; ++x) smooth.at<cv::Vec3b>(y, x) = cv::Vec3b(x * 2, y * 3, 200 - x);
    auto tool = tool_for(server, {{"image_format", "jpeg"}, {"jpeg_quality", 95}});
    ASSERT_TRUE(std::holds_alternative<Response>(tool->call(ocr_case(test::encode_png(smooth)))));
    const ReceivedRequest sent = server.last_chat().value();
    EXPECT_EQ(sent.images.at(0).mime, "image/jpeg");
    EXPECT_EQ(sent.images.at(0).channels, 3);
    const int difference = test::max_difference(sent.images.at(0).pixels, smooth);
    EXPECT_GE(difference, 0);
    EXPECT_LE(difference, 12);
}

TEST_F(VisionToolTest, ResizingRespectsMaxSideAndAspectRatio) {
    auto tool = tool_for(server, {{"max_side", 300}});
    const Response r = response_of(tool->call(ocr_case(test::encode_png(test::pattern(900, 450)))));
    const ReceivedRequest sent = server.last_chat().value();
    EXPECT_EQ(sent.images.at(0).width, 300);
    EXPECT_EQ(sent.images.at(0).height, 150);
    EXPECT_EQ(r.raw["image"]["original_width"], 900);
    EXPECT_EQ(r.raw["image"]["sent_width"], 300);
    EXPECT_EQ(r.raw["image"]["sent_height"], 150);

    ASSERT_TRUE(std::holds_alternative<Response>(tool->call(ocr_case(test::encode_png(test::pattern(120, 500))))));
    EXPECT_EQ(server.last_chat()->images.at(0).width, 72);
    EXPECT_EQ(server.last_chat()->images.at(0).height, 300);
}

TEST_F(VisionToolTest, SmallImagesAreNeverUpscaled) {
    auto tool = tool_for(server, {{"max_side", 4096}});
    ASSERT_TRUE(std::holds_alternative<Response>(tool->call(ocr_case(test::encode_png(image)))));
    EXPECT_EQ(server.last_chat()->images.at(0).width, 96);
    EXPECT_EQ(server.last_chat()->images.at(0).height, 64);
}

TEST_F(VisionToolTest, TransparentBackgroundArrivesWhite) {
    cv::Mat bgra(8, 8, CV_8UC4, cv::Scalar(0, 0, 0, 0));
    bgra.at<cv::Vec4b>(4, 4) = {0, 0, 0, 255};
    auto tool = tool_for(server);
    ASSERT_TRUE(std::holds_alternative<Response>(tool->call(ocr_case(test::encode_png(bgra)))));
    const cv::Mat pixels = server.last_chat()->images.at(0).pixels;
    ASSERT_EQ(pixels.type(), CV_8UC3);
    EXPECT_EQ(pixels.at<cv::Vec3b>(0, 0), cv::Vec3b(255, 255, 255));
    EXPECT_EQ(pixels.at<cv::Vec3b>(4, 4), cv::Vec3b(0, 0, 0));
}

TEST_F(VisionToolTest, RequestCarriesPromptAndSettingsAsConfigured) {
    auto tool = tool_for(server, {{"model", "smolvlm2"}, {"temperature", 0.2}, {"max_tokens", 33}});
    Request request = ocr_case(test::encode_png(image));
    request.task = Task::vqa;
    request.question = "What colour is the sign?";
    ASSERT_TRUE(std::holds_alternative<Response>(tool->call(request)));
    const ReceivedRequest sent = server.last_chat().value();
    EXPECT_EQ(sent.path, "/v1/chat/completions");
    EXPECT_EQ(sent.json["model"], "smolvlm2");
    EXPECT_EQ(sent.json["temperature"], 0.2);
    EXPECT_EQ(sent.json["max_tokens"], 33);
    EXPECT_EQ(sent.json["stream"], false);
    const json& content = sent.json["messages"][0]["content"];
    EXPECT_EQ(sent.json["messages"][0]["role"], "user");
    EXPECT_EQ(content[0]["type"], "text");
    EXPECT_EQ(content[0]["text"], "What colour is the sign?\nAnswer with a single word or phrase.");
    EXPECT_EQ(content[1]["type"], "image_url");
    EXPECT_EQ(sent.authorization, "");  // no api_key configured, no header
}

TEST_F(VisionToolTest, OcrPromptComesFromTheSuiteOrATemplate) {
    auto plain = tool_for(server);
    Request request = ocr_case(test::encode_png(image));
    request.prompt = "Read the receipt.";
    ASSERT_TRUE(std::holds_alternative<Response>(plain->call(request)));
    EXPECT_EQ(server.last_chat()->prompt, "Read the receipt.");

    auto templated = tool_for(server, {{"prompts", {{"ocr", "OCR task. {prompt}"}}}});
    ASSERT_TRUE(std::holds_alternative<Response>(templated->call(request)));
    EXPECT_EQ(server.last_chat()->prompt, "OCR task. Read the receipt.");
}

TEST_F(VisionToolTest, AnswerUsageAndTimingsAreParsed) {
    server.set_answer([](const ReceivedRequest& r) { return "seen " + std::to_string(r.images.at(0).width); });
    auto tool = tool_for(server);
    const Response r = response_of(tool->call(ocr_case(test::encode_png(image))));
    const ReceivedRequest sent = server.last_chat().value();
    EXPECT_EQ(r.text, "seen 96");
    EXPECT_EQ(r.usage.input_tokens, sent.prompt_tokens);
    EXPECT_EQ(r.usage.output_tokens, sent.completion_tokens);
    EXPECT_GT(*r.usage.input_tokens, 64);
    EXPECT_EQ(r.raw["timings"]["prompt_per_second"], 4000.0);
    EXPECT_EQ(r.raw["timings"]["predicted_per_second"], 80.0);
    EXPECT_EQ(r.raw["timings"]["prompt_n"], sent.prompt_tokens);
    EXPECT_EQ(r.raw["finish_reason"], "stop");
}

TEST_F(VisionToolTest, ThinkBlockIsStrippedAndMeasured) {
    server.set_answer([](const ReceivedRequest&) { return "<think>The image shows a sign.</think>\nSTOP"; });
    auto tool = tool_for(server);
    const Response r = response_of(tool->call(ocr_case(test::encode_png(image))));
    EXPECT_EQ(r.text, "STOP");
    EXPECT_EQ(r.raw["think_chars"], 38);
}

TEST_F(VisionToolTest, ThinkingCutByMaxTokensLeavesAnEmptyAnswer) {
    server.set_answer([](const ReceivedRequest&) { return "<think>" + std::string(400, 'a') + "</think>answer"; });
    auto tool = tool_for(server, {{"max_tokens", 10}});
    const Response r = response_of(tool->call(ocr_case(test::encode_png(image))));
    EXPECT_EQ(r.text, "");
    EXPECT_EQ(r.raw["think_truncated"], true);
    EXPECT_EQ(r.raw["finish_reason"], "length");
}

TEST_F(VisionToolTest, StreamingConcatenatesDeltasAndTakesUsageFromTheLastChunk) {
    server.set_answer([](const ReceivedRequest&) { return "TOTAL $12.50 paid in cash"; });
    auto tool = tool_for(server, {{"stream", true}});
    const Response r = response_of(tool->call(ocr_case(test::encode_png(image))));
    const ReceivedRequest sent = server.last_chat().value();
    EXPECT_TRUE(sent.stream);
    EXPECT_EQ(sent.json["stream_options"]["include_usage"], true);
    EXPECT_EQ(r.text, "TOTAL $12.50 paid in cash");
    EXPECT_EQ(r.usage.input_tokens, sent.prompt_tokens);
    EXPECT_EQ(r.usage.output_tokens, sent.completion_tokens);
    EXPECT_EQ(r.raw["timings"]["predicted_per_second"], 80.0);
    EXPECT_EQ(r.raw["streamed"], true);
}

TEST_F(VisionToolTest, StreamingStripsThinkSplitAcrossDeltas) {
    server.set_answer([](const ReceivedRequest&) { return "<think>a b c</think>42"; });
    auto tool = tool_for(server, {{"stream", true}});
    EXPECT_EQ(response_of(tool->call(ocr_case(test::encode_png(image)))).text, "42");
}

TEST_F(VisionToolTest, StreamRequestAnsweredWithOneJsonBodyIsReadAsSuch) {
    FakeOptions options;
    options.honour_stream = false;
    FakeLlamaServer plain(options);
    plain.set_answer([](const ReceivedRequest&) { return "whole"; });
    auto tool = tool_for(plain, {{"stream", true}});
    const Response r = response_of(tool->call(ocr_case(test::encode_png(image))));
    EXPECT_EQ(r.text, "whole");
    EXPECT_EQ(r.raw["streamed"], false);
    EXPECT_EQ(r.usage.input_tokens, plain.last_chat()->prompt_tokens);
}

TEST_F(VisionToolTest, ErrorEventInsideAStreamIsAnError) {
    server.set_fault(Fault::stream_error);
    auto tool = tool_for(server, {{"stream", true}});
    const ToolError e = error_of(tool->call(ocr_case(test::encode_png(image))));
    EXPECT_EQ(e.kind, ErrorKind::retryable);
    EXPECT_NE(e.message.find("error inside the stream"), std::string::npos) << e.message;
}

TEST_F(VisionToolTest, ErrorStatusWhileStreamingIsReadFromTheBody) {
    server.set_fault(Fault::no_vision);
    auto tool = tool_for(server, {{"stream", true}});
    const ToolError e = error_of(tool->call(ocr_case(test::encode_png(image))));
    EXPECT_EQ(e.kind, ErrorKind::fatal);
    EXPECT_NE(e.message.find("--mmproj"), std::string::npos) << e.message;
}

TEST_F(VisionToolTest, ModelWithoutVisionIsFatalNotRetried) {
    FakeLlamaServer blind(without_vision());
    auto tool = tool_for(blind);
    const ToolError e = error_of(tool->call(ocr_case(test::encode_png(image))));
    EXPECT_EQ(e.kind, ErrorKind::fatal);
    EXPECT_EQ(e.message.rfind("the model has no vision projector: start llama-server with --mmproj", 0), 0u) << e.message;
    EXPECT_EQ(blind.chat_count(), 1u);  // one request: the plugin itself never retries
}

TEST_F(VisionToolTest, ImageTheServerCannotDecodeIsBadInput) {
    server.set_fault(Fault::undecodable_image);
    auto tool = tool_for(server);
    const ToolError e = error_of(tool->call(ocr_case(test::encode_png(image))));
    EXPECT_EQ(e.kind, ErrorKind::bad_input);
    EXPECT_EQ(e.message.rfind("the server could not decode the image (WebP is not supported; evalpanel sends PNG/JPEG)", 0), 0u)
        << e.message;
}

TEST_F(VisionToolTest, ContextOverflowSaysWhatToChange) {
    FakeLlamaServer small(context_of(100));
    auto tool = tool_for(small);
    const ToolError e = error_of(tool->call(ocr_case(test::encode_png(image))));
    EXPECT_EQ(e.kind, ErrorKind::bad_input);
    const long long need = small.last_chat()->prompt_tokens;
    EXPECT_EQ(e.message, "image + prompt need " + std::to_string(need) +
                             " tokens, the context holds 100: raise --ctx-size or lower max_side");
}

TEST_F(VisionToolTest, ApiKeyIsSentAsBearer) {
    FakeLlamaServer guarded(requiring_key(kSecret));
    auto tool = tool_for(guarded, {{"api_key", kSecret}});
    ASSERT_TRUE(std::holds_alternative<Response>(tool->call(ocr_case(test::encode_png(image)))));
    EXPECT_EQ(guarded.last_chat()->authorization, std::string("Bearer ") + kSecret);
}

TEST_F(VisionToolTest, WrongApiKeyIsFatalAndTheKeyIsInNoMessage) {
    FakeLlamaServer guarded(requiring_key("the-right-key"));
    guarded.set_fault(Fault::loading);  // 401 comes first (API-NOTES C15)
    auto tool = tool_for(guarded, {{"api_key", kSecret}});
    const ToolError e = error_of(tool->call(ocr_case(test::encode_png(image))));
    EXPECT_EQ(e.kind, ErrorKind::fatal);
    EXPECT_NE(e.message.find("check api_key"), std::string::npos) << e.message;
    EXPECT_EQ(e.message.find(kSecret), std::string::npos);
}

TEST_F(VisionToolTest, ApiKeyQuotedBackByAServerIsRedacted) {
    // A gateway that echoes the credential in its error: the plugin must not pass it on.
    FakeLlamaServer echo(requiring_key("other"));
    auto tool = tool_for(echo, {{"api_key", "Invalid"}});  // the fake's own 401 text contains "Invalid"
    const ToolError e = error_of(tool->call(ocr_case(test::encode_png(image))));
    EXPECT_EQ(e.message.find("Invalid"), std::string::npos) << e.message;
    EXPECT_NE(e.message.find("[api_key]"), std::string::npos) << e.message;
}

TEST_F(VisionToolTest, RateLimitedWithRetryAfter) {
    server.set_fault(Fault::rate_limited);
    auto tool = tool_for(server);
    const ToolError e = error_of(tool->call(ocr_case(test::encode_png(image))));
    EXPECT_EQ(e.kind, ErrorKind::rate_limited);
    EXPECT_EQ(e.retry_after_s, 7.0);
}

TEST_F(VisionToolTest, LoadingModelIsRetryable) {
    server.set_fault(Fault::loading);
    auto tool = tool_for(server);
    const ToolError e = error_of(tool->call(ocr_case(test::encode_png(image))));
    EXPECT_EQ(e.kind, ErrorKind::retryable);
    EXPECT_EQ(e.message.rfind("the server is still loading the model", 0), 0u) << e.message;
}

TEST_F(VisionToolTest, OtherServerErrorsAreRetryable) {
    server.set_fault(Fault::server_error);
    auto tool = tool_for(server);
    const ToolError e = error_of(tool->call(ocr_case(test::encode_png(image))));
    EXPECT_EQ(e.kind, ErrorKind::retryable);
    EXPECT_NE(e.message.find("500 internal fake failure"), std::string::npos) << e.message;
}

TEST_F(VisionToolTest, MalformedAndWronglyShapedAnswersSaySo) {
    auto tool = tool_for(server);
    server.set_fault(Fault::malformed_json);
    EXPECT_NE(error_of(tool->call(ocr_case(test::encode_png(image)))).message.find("not valid JSON"), std::string::npos);
    server.set_fault(Fault::wrong_shape);
    EXPECT_NE(error_of(tool->call(ocr_case(test::encode_png(image)))).message.find("no choices[0]"), std::string::npos);
}

TEST_F(VisionToolTest, SlowServerIsATimeout) {
    server.set_fault(Fault::slow);  // 2 s
    auto tool = tool_for(server, {{"request_timeout_s", 0.3}});
    const auto start = std::chrono::steady_clock::now();
    const ToolError e = error_of(tool->call(ocr_case(test::encode_png(image))));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(e.kind, ErrorKind::retryable);
    EXPECT_NE(e.message.find("within 0.3 s (request_timeout_s)"), std::string::npos) << e.message;
    EXPECT_LT(seconds, 1.5);
}

TEST_F(VisionToolTest, NoServerIsConnectionRefused) {
    std::string base_url;
    {
        FakeLlamaServer gone;
        base_url = gone.base_url();
    }
    auto tool = std::make_unique<VisionTool>();
    ASSERT_FALSE(tool->configure({{"base_url", base_url}, {"request_timeout_s", 2}}));
    const ToolError e = error_of(tool->call(ocr_case(test::encode_png(image))));
    EXPECT_EQ(e.kind, ErrorKind::retryable);
    EXPECT_EQ(e.message, "no server at " + base_url + " (connection refused): start llama-server, see plugins/openai_vision/README.md");
}

TEST_F(VisionToolTest, UndecodableOrMissingImageIsBadInputAndNothingIsSent) {
    auto tool = tool_for(server);
    const std::string garbage = "definitely not an image";
    const ToolError e = error_of(tool->call(ocr_case({garbage.begin(), garbage.end()})));
    EXPECT_EQ(e.kind, ErrorKind::bad_input);
    EXPECT_EQ(e.message, "could not decode image generated:case-1 (23 bytes)");
    EXPECT_EQ(error_of(tool->call(ocr_case({}))).kind, ErrorKind::bad_input);
    EXPECT_EQ(server.chat_count(), 0u);
}

TEST_F(VisionToolTest, VqaWithoutQuestionIsBadInput) {
    auto tool = tool_for(server);
    Request request = ocr_case(test::encode_png(image));
    request.task = Task::vqa;
    EXPECT_EQ(error_of(tool->call(request)).kind, ErrorKind::bad_input);
}

TEST_F(VisionToolTest, DescribeIsLocalUntilARemoteBaseUrlIsConfigured) {
    VisionTool fresh;
    const ToolInfo info = fresh.describe();
    EXPECT_EQ(info.name, "openai_vision");
    EXPECT_EQ(info.kind, ToolKind::local);
    EXPECT_EQ(info.tasks, (std::vector<Task>{Task::ocr, Task::vqa}));
    EXPECT_TRUE(info.pricing.free);

    VisionTool hosted;
    ASSERT_FALSE(hosted.configure({{"base_url", "https://api.example.com/v1"}}));
    EXPECT_EQ(hosted.describe().kind, ToolKind::remote);
    EXPECT_EQ(tool_for(server)->describe().kind, ToolKind::local);
}

TEST(KindOf, LoopbackHostsAreLocal) {
    EXPECT_EQ(kind_of("http://127.0.0.1:8080/v1"), ToolKind::local);
    EXPECT_EQ(kind_of("http://localhost:11434/v1"), ToolKind::local);
    EXPECT_EQ(kind_of("http://LOCALHOST/v1"), ToolKind::local);
    EXPECT_EQ(kind_of("http://[::1]:8000/v1"), ToolKind::local);
    EXPECT_EQ(kind_of("http://user:pw@127.0.0.1:8080/v1"), ToolKind::local);
    EXPECT_EQ(kind_of("http://192.168.1.20:8080/v1"), ToolKind::remote);
    EXPECT_EQ(kind_of("https://localhost.example.com/v1"), ToolKind::remote);
}

TEST_F(VisionToolTest, UnknownOptionIsRejectedAtConfigure) {
    VisionTool tool;
    const auto error = tool.configure({{"base_url", server.base_url()}, {"maxside", 100}});
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind, ErrorKind::fatal);
    EXPECT_NE(error->message.find("unknown option 'maxside'"), std::string::npos);
    EXPECT_EQ(error_of(tool.call(ocr_case(test::encode_png(image)))).kind, ErrorKind::fatal);
}

}  // namespace
}  // namespace evalpanel::plugins::openai_vision
