// Decompression bombs: an image whose header claims more than max_pixels is refused before decoding,
// at once and without the memory its pixels would take; images within the limit are read as before.
#include <sys/resource.h>

#include <chrono>

#include <gtest/gtest.h>

#include "../../unit/sdk/crafted_images.hpp"
#include "tesseract_tool.hpp"
#include "test_images.hpp"

namespace evalpanel::plugins::tesseract_ocr {
namespace {

using nlohmann::json;

Request request_for(std::vector<std::uint8_t> image) {
    Request request;
    request.case_id = "bomb";
    request.image = std::move(image);
    request.image_name = "bomb.png";
    return request;
}

std::unique_ptr<TesseractTool> configured(const json& options = json::object()) {
    auto tool = std::make_unique<TesseractTool>();
    if (auto error = tool->configure(options)) ADD_FAILURE() << error->message;
    return tool;
}

long peak_rss_kib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

TEST(TesseractPixelLimit, AHundredThousandSquareHeaderIsRefusedAtOnceWithLittleMemory) {
    auto tool = configured();
    const long rss_before = peak_rss_kib();
    const auto start = std::chrono::steady_clock::now();
    const Outcome outcome = tool->call(request_for(testing::png_claiming(100'000, 100'000)));
    const auto elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_TRUE(std::holds_alternative<ToolError>(outcome));
    const ToolError& error = std::get<ToolError>(outcome);
    EXPECT_EQ(error.kind, ErrorKind::bad_input);
    EXPECT_EQ(error.message,
              "image bomb.png is 100000 x 100000 = 10000000000 pixels, above max_pixels (100000000)");
    EXPECT_LT(elapsed, std::chrono::milliseconds(500));
    EXPECT_LT(peak_rss_kib() - rss_before, 16 * 1024);  // the pixels would be 10 GB
}

TEST(TesseractPixelLimit, AnImageAtTheLimitIsReadAndOnePixelLessRefusesIt) {
    const cv::Mat text = test::render_text("Invoice 2024-113");
    const std::vector<std::uint8_t> png = test::encode_png(text);
    const auto pixels = static_cast<long long>(text.cols) * text.rows;
    const Outcome read = configured({{"max_pixels", pixels}})->call(request_for(png));
    ASSERT_TRUE(std::holds_alternative<Response>(read)) << std::get<ToolError>(read).message;
    EXPECT_EQ(std::get<Response>(read).text, "Invoice 2024-113");
    const Outcome refused = configured({{"max_pixels", pixels - 1}})->call(request_for(png));
    ASSERT_TRUE(std::holds_alternative<ToolError>(refused));
    EXPECT_NE(std::get<ToolError>(refused).message.find("above max_pixels (" + std::to_string(pixels - 1) + ")"),
              std::string::npos);
}

}  // namespace
}  // namespace evalpanel::plugins::tesseract_ocr
