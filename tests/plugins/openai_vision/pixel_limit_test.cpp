// Decompression bombs: an image whose header claims more than max_pixels is refused before decoding,
// and before anything is sent; images within the limit go to the server as before.
#include <chrono>

#include <gtest/gtest.h>

#include "../../unit/sdk/crafted_images.hpp"
#include "fake_llama_server.hpp"
#include "test_images.hpp"
#include "vision_tool.hpp"

namespace evalpanel::plugins::openai_vision {
namespace {

using nlohmann::json;

class VisionPixelLimit : public ::testing::Test {
protected:
    std::unique_ptr<VisionTool> tool(json extra = json::object()) {
        json options = {{"base_url", server.base_url()}, {"request_timeout_s", 5}};
        options.update(extra);
        auto configured = std::make_unique<VisionTool>();
        if (auto error = configured->configure(options)) ADD_FAILURE() << error->message;
        return configured;
    }

    static Request ocr_case(std::vector<std::uint8_t> image) {
        Request request;
        request.case_id = "bomb";
        request.task = Task::ocr;
        request.image = std::move(image);
        request.image_name = "bomb.png";
        return request;
    }

    fakes::llama_server::FakeLlamaServer server;
};

TEST_F(VisionPixelLimit, AHundredThousandSquareHeaderIsRefusedAtOnceAndNothingIsSent) {
    const auto start = std::chrono::steady_clock::now();
    const Outcome outcome = tool()->call(ocr_case(testing::png_claiming(100'000, 100'000)));
    const auto elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_TRUE(std::holds_alternative<ToolError>(outcome));
    const ToolError& error = std::get<ToolError>(outcome);
    EXPECT_EQ(error.kind, ErrorKind::bad_input);
    EXPECT_EQ(error.message,
              "image bomb.png is 100000 x 100000 = 10000000000 pixels, above max_pixels (100000000)");
    EXPECT_LT(elapsed, std::chrono::milliseconds(500));
    EXPECT_TRUE(server.requests().empty());
}

TEST_F(VisionPixelLimit, AnImageAtTheLimitIsSentAndOnePixelLessRefusesIt) {
    const std::vector<std::uint8_t> png = test::encode_png(test::pattern(96, 64));
    const Outcome sent = tool({{"max_pixels", 96 * 64}})->call(ocr_case(png));
    EXPECT_TRUE(std::holds_alternative<Response>(sent)) << std::get<ToolError>(sent).message;
    EXPECT_EQ(server.requests().size(), 1u);
    const Outcome refused = tool({{"max_pixels", 96 * 64 - 1}})->call(ocr_case(png));
    ASSERT_TRUE(std::holds_alternative<ToolError>(refused));
    EXPECT_EQ(std::get<ToolError>(refused).message, "image bomb.png is 96 x 64 = 6144 pixels, above max_pixels (6143)");
    EXPECT_EQ(server.requests().size(), 1u);
}

}  // namespace
}  // namespace evalpanel::plugins::openai_vision
