// Runs the real engine on images rendered here; needs Tesseract's eng traineddata (tesseract-ocr-eng).
#include "tesseract_tool.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "test_images.hpp"

namespace evalpanel::plugins::tesseract_ocr {
namespace {

using nlohmann::json;
using test::encode_png;
using test::render_text;

Request request_for(std::vector<std::uint8_t> image, std::string name = "test.png") {
    Request request;
    request.case_id = name;
    request.image = std::move(image);
    request.image_name = std::move(name);
    return request;
}

Response expect_response(const Outcome& outcome) {
    if (const auto* error = std::get_if<ToolError>(&outcome)) {
        ADD_FAILURE() << "ToolError (" << to_string(error->kind) << "): " << error->message;
        return {};
    }
    return std::get<Response>(outcome);
}

ToolError expect_error(const Outcome& outcome) {
    if (std::get_if<Response>(&outcome)) {
        ADD_FAILURE() << "expected a ToolError, got text '" << std::get<Response>(outcome).text << "'";
        return {};
    }
    return std::get<ToolError>(outcome);
}

std::unique_ptr<TesseractTool> configured(const json& options = json::object()) {
    auto tool = std::make_unique<TesseractTool>();
    if (auto error = tool->configure(options)) ADD_FAILURE() << error->message;
    return tool;
}

const std::string kInvoice = "Invoice 2024-113";

TEST(TesseractTool, DescribesItselfAsAFreeLocalOcrTool) {
    const ToolInfo info = TesseractTool().describe();
    EXPECT_EQ(info.name, "tesseract_ocr");
    EXPECT_EQ(info.version.rfind("0.1.0 (tesseract 5.", 0), 0u) << info.version;
    EXPECT_EQ(info.kind, ToolKind::local);
    EXPECT_EQ(info.tasks, std::vector<Task>{Task::ocr});
    EXPECT_TRUE(info.pricing.free);
}

TEST(TesseractTool, ReadsACleanLineExactly) {
    const Response response =
        expect_response(configured()->call(request_for(encode_png(render_text(kInvoice)))));
    EXPECT_EQ(response.text, kInvoice);
    ASSERT_TRUE(response.confidence);
    EXPECT_GE(*response.confidence, 0);
    EXPECT_LE(*response.confidence, 100);
    EXPECT_GT(*response.confidence, 50);  // clean print: Tesseract is sure
}

TEST(TesseractTool, KeepsInternalLineBreaksAndTrimsTheTrailingOnes) {
    const Response response =
        expect_response(configured()->call(request_for(encode_png(render_text(kInvoice + "\nTotal 12.50")))));
    EXPECT_EQ(response.text, kInvoice + "\nTotal 12.50");
}

TEST(TesseractTool, ConfigureRejectsUnknownKeysAndBadPsm) {
    TesseractTool tool;
    const auto unknown = tool.configure({{"foo", 1}});
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->kind, ErrorKind::fatal);
    EXPECT_NE(unknown->message.find("unknown option 'foo'"), std::string::npos);
    const auto bad_psm = tool.configure({{"psm", 99}});
    ASSERT_TRUE(bad_psm);
    EXPECT_NE(bad_psm->message.find("'psm'"), std::string::npos);
    EXPECT_EQ(tool.init_count(), 0);  // options are checked before the engine is touched
}

TEST(TesseractTool, MissingLanguageIsFatalAndSaysWhatToInstall) {
    TesseractTool tool;
    const auto error = tool.configure({{"lang", "xqz"}});
    ASSERT_TRUE(error);
    EXPECT_EQ(error->kind, ErrorKind::fatal);
    EXPECT_NE(error->message.find("'xqz'"), std::string::npos) << error->message;
    EXPECT_NE(error->message.find("install tesseract-ocr-xqz"), std::string::npos) << error->message;
    EXPECT_EQ(expect_error(tool.call(request_for(encode_png(render_text(kInvoice))))).kind, ErrorKind::fatal);
}

TEST(TesseractTool, UnknownTesseractVariableIsFatalAndNamed) {
    const auto error = TesseractTool().configure({{"variables", {{"no_such_variable_xyz", "1"}}}});
    ASSERT_TRUE(error);
    EXPECT_NE(error->message.find("no_such_variable_xyz"), std::string::npos);
}

TEST(TesseractTool, VariablesReachTheEngine) {
    auto tool = configured({{"variables", {{"tessedit_char_whitelist", "0123456789-"}}}});
    const Response response = expect_response(tool->call(request_for(encode_png(render_text(kInvoice)))));
    EXPECT_EQ(response.text.find("Invoice"), std::string::npos) << response.text;
    EXPECT_NE(response.text.find("2024-113"), std::string::npos) << response.text;
}

TEST(TesseractTool, ConfigureTwiceIsRefused) {
    auto tool = configured();
    EXPECT_TRUE(tool->configure(json::object()));
    EXPECT_EQ(tool->init_count(), 1);
}

TEST(TesseractTool, CallBeforeConfigureIsFatal) {
    TesseractTool tool;
    EXPECT_EQ(expect_error(tool.call(request_for(encode_png(render_text(kInvoice))))).kind, ErrorKind::fatal);
}

TEST(TesseractTool, EmptyAndCorruptBytesAreBadInputAndTheEngineGoesOn) {
    auto tool = configured();
    const ToolError empty = expect_error(tool->call(request_for({}, "generated:empty")));
    EXPECT_EQ(empty.kind, ErrorKind::bad_input);
    EXPECT_EQ(empty.message, "could not decode image generated:empty (0 bytes)");

    auto corrupt = encode_png(render_text(kInvoice));
    corrupt.resize(corrupt.size() / 3);
    const ToolError bad = expect_error(tool->call(request_for(corrupt, "broken.png")));
    EXPECT_EQ(bad.kind, ErrorKind::bad_input);
    EXPECT_EQ(bad.message,
              "could not decode image broken.png (" + std::to_string(corrupt.size()) + " bytes)");

    EXPECT_EQ(expect_response(tool->call(request_for(encode_png(render_text(kInvoice))))).text, kInvoice);
    EXPECT_EQ(tool->init_count(), 1);
}

TEST(TesseractTool, InitialisesOnceForManyCases) {
    auto tool = configured();
    EXPECT_EQ(tool->init_count(), 1);
    for (const std::string text : {"Alpha 101", "Bravo 202", "Charlie 303"})
        EXPECT_EQ(expect_response(tool->call(request_for(encode_png(render_text(text))))).text, text);
    EXPECT_EQ(tool->init_count(), 1);
}

TEST(TesseractTool, ReadsSixteenBitImages) {
    cv::Mat wide;
    render_text(kInvoice).convertTo(wide, CV_16U, 257.0);
    EXPECT_EQ(expect_response(configured()->call(request_for(encode_png(wide)))).text, kInvoice);
}

TEST(TesseractTool, ReadsTransparentImagesAsInkOnWhite) {
    // Black everywhere; only alpha carries the text. Read without compositing, it is a black page.
    const cv::Mat grey = render_text(kInvoice);
    const cv::Mat black = cv::Mat::zeros(grey.size(), CV_8U);
    cv::Mat bgra;
    cv::merge(std::vector<cv::Mat>{black, black, black, 255 - grey}, bgra);
    EXPECT_EQ(expect_response(configured()->call(request_for(encode_png(bgra)))).text, kInvoice);
}

TEST(TesseractTool, ReadsColourImages) {
    const cv::Mat grey = render_text(kInvoice);
    cv::Mat bgr;
    cv::merge(std::vector<cv::Mat>{grey, grey * 0.5 + 100, grey}, bgr);
    EXPECT_EQ(expect_response(configured()->call(request_for(encode_png(bgr)))).text, kInvoice);
}

TEST(TesseractTool, ResolutionComesFromTheImageThenTheDefaultThenTheEstimate) {
    const auto plain = encode_png(render_text(kInvoice));
    const auto declared = test::with_phys(plain, 11811, 1);  // 300 dpi

    const Response estimated = expect_response(configured()->call(request_for(plain)));
    EXPECT_EQ(estimated.raw["dpi_source"], "estimated");
    EXPECT_TRUE(estimated.raw["dpi"].is_null());

    auto with_default = configured({{"dpi", 150}});
    const Response defaulted = expect_response(with_default->call(request_for(plain)));
    EXPECT_EQ(defaulted.raw["dpi_source"], "default");
    EXPECT_EQ(defaulted.raw["dpi"], 150);

    const Response from_image = expect_response(with_default->call(request_for(declared)));
    EXPECT_EQ(from_image.raw["dpi_source"], "image");
    EXPECT_EQ(from_image.raw["dpi"], 300);
    EXPECT_EQ(from_image.text, kInvoice);
}

TEST(TesseractTool, ImplausibleDeclaredResolutionFallsBackToTheDefault) {
    // 10 dpi: Tesseract would not believe it either.
    const auto declared = test::with_phys(encode_png(render_text(kInvoice)), 394, 1);
    const Response response = expect_response(configured({{"dpi", 300}})->call(request_for(declared)));
    EXPECT_EQ(response.raw["dpi_source"], "default");
    EXPECT_EQ(response.raw["dpi"], 300);
}

TEST(TesseractTool, PageSegmentationModeIsApplied) {
    auto tool = configured({{"psm", 7}});  // a single text line
    const Response response = expect_response(tool->call(request_for(encode_png(render_text(kInvoice)))));
    EXPECT_EQ(response.text, kInvoice);
    EXPECT_EQ(response.raw["psm"], 7);
}

}  // namespace
}  // namespace evalpanel::plugins::tesseract_ocr
