#include "image_payload.hpp"

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>

#include "base64.hpp"
#include "fake_llama_server.hpp"
#include "test_images.hpp"

namespace evalpanel::plugins::openai_vision {
namespace {

using fakes::llama_server::base64_decode;

std::vector<std::uint8_t> bytes_of(const std::string& text) { return {text.begin(), text.end()}; }

cv::Mat decode_uri(const std::string& uri, const std::string& prefix) {
    EXPECT_EQ(uri.rfind(prefix, 0), 0u) << uri.substr(0, 40);
    const auto bytes = base64_decode(uri.substr(prefix.size()));
    EXPECT_TRUE(bytes);
    return bytes ? cv::imdecode(*bytes, cv::IMREAD_UNCHANGED) : cv::Mat();
}

TEST(Base64, MatchesRfc4648Vectors) {
    EXPECT_EQ(base64_encode(bytes_of("")), "");
    EXPECT_EQ(base64_encode(bytes_of("f")), "Zg==");
    EXPECT_EQ(base64_encode(bytes_of("fo")), "Zm8=");
    EXPECT_EQ(base64_encode(bytes_of("foo")), "Zm9v");
    EXPECT_EQ(base64_encode(bytes_of("foob")), "Zm9vYg==");
    EXPECT_EQ(base64_encode(bytes_of("fooba")), "Zm9vYmE=");
    EXPECT_EQ(base64_encode(bytes_of("foobar")), "Zm9vYmFy");
    EXPECT_EQ(base64_encode(std::vector<std::uint8_t>{0xfb, 0xff, 0xbf}), "+/+/");
}

TEST(FittedSize, ShrinksTheLongestSideToMaxSideKeepingTheAspectRatio) {
    EXPECT_EQ(fitted_size({3000, 1000}, 1536), cv::Size(1536, 512));
    EXPECT_EQ(fitted_size({1000, 3000}, 1536), cv::Size(512, 1536));
    EXPECT_EQ(fitted_size({2000, 2000}, 1536), cv::Size(1536, 1536));
    EXPECT_EQ(fitted_size({1001, 333}, 500), cv::Size(500, 166));  // 166.33 rounds down
    EXPECT_EQ(fitted_size({1000, 335}, 500), cv::Size(500, 168));  // 167.5 rounds up
}

TEST(FittedSize, NeverEnlargesAndKeepsAtLeastOnePixel) {
    EXPECT_EQ(fitted_size({800, 600}, 1536), cv::Size(800, 600));
    EXPECT_EQ(fitted_size({1536, 20}, 1536), cv::Size(1536, 20));
    EXPECT_EQ(fitted_size({5000, 2}, 100), cv::Size(100, 1));
}

TEST(DecodeToBgr, ColourComesBackAsItWas) {
    const cv::Mat original = test::pattern(40, 30);
    const auto decoded = decode_to_bgr(test::encode_png(original));
    ASSERT_TRUE(decoded);
    EXPECT_EQ(test::max_difference(*decoded, original), 0);
}

TEST(DecodeToBgr, GreyIsExpandedToThreeEqualChannels) {
    cv::Mat grey(4, 5, CV_8UC1);
    for (int i = 0; i < 20; ++i) grey.data[i] = static_cast<std::uint8_t>(i * 12);
    const auto decoded = decode_to_bgr(test::encode_png(grey));
    ASSERT_TRUE(decoded);
    ASSERT_EQ(decoded->type(), CV_8UC3);
    EXPECT_EQ(decoded->at<cv::Vec3b>(3, 4), cv::Vec3b(228, 228, 228));
}

TEST(DecodeToBgr, TransparencyBecomesWhitePaper) {
    cv::Mat bgra(1, 3, CV_8UC4);
    bgra.at<cv::Vec4b>(0, 0) = {0, 0, 0, 0};        // fully transparent black: white
    bgra.at<cv::Vec4b>(0, 1) = {0, 0, 0, 255};      // opaque black stays black
    bgra.at<cv::Vec4b>(0, 2) = {100, 0, 200, 128};  // half: blended toward white
    const auto decoded = decode_to_bgr(test::encode_png(bgra));
    ASSERT_TRUE(decoded);
    ASSERT_EQ(decoded->type(), CV_8UC3);
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 0), cv::Vec3b(255, 255, 255));
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 1), cv::Vec3b(0, 0, 0));
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 2), cv::Vec3b(177, 127, 227));  // (v*128 + 255*127 + 127) / 255
}

TEST(DecodeToBgr, SixteenBitSamplesAreNarrowed) {
    cv::Mat wide(1, 2, CV_16UC3, cv::Scalar(65535, 0, 32896));
    const auto decoded = decode_to_bgr(test::encode_png(wide));
    ASSERT_TRUE(decoded);
    ASSERT_EQ(decoded->type(), CV_8UC3);
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 1), cv::Vec3b(255, 0, 128));
}

// The JPEG with an EXIF APP1 segment right after SOI whose only entry is Orientation = `orientation`.
std::vector<std::uint8_t> with_exif_orientation(std::vector<std::uint8_t> jpeg, std::uint8_t orientation) {
    const std::vector<std::uint8_t> app1{
        0xFF, 0xE1, 0x00, 0x22,                          // APP1, length 34 (itself included)
        'E', 'x', 'i', 'f', 0, 0,                        // EXIF header
        'I', 'I', 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00,    // TIFF, little endian, IFD0 at offset 8
        0x01, 0x00,                                      // one entry
        0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00,  // tag 0x0112 Orientation, SHORT, count 1
        orientation, 0x00, 0x00, 0x00,                   // value
        0x00, 0x00, 0x00, 0x00};                         // no next IFD
    jpeg.insert(jpeg.begin() + 2, app1.begin(), app1.end());
    return jpeg;
}

TEST(DecodeToBgr, ExifOrientationIsApplied) {  // servers (stb_image) ignore it; a phone photo must arrive upright
    const auto rotated = decode_to_bgr(with_exif_orientation(test::encode_jpeg(test::pattern(40, 20)), 6));
    ASSERT_TRUE(rotated);
    EXPECT_EQ(rotated->size(), cv::Size(20, 40));
}

TEST(DecodeToBgr, EmptyOrGarbageIsNotAnImage) {
    EXPECT_FALSE(decode_to_bgr({}));
    EXPECT_FALSE(decode_to_bgr(bytes_of("this is not an image at all")));
    std::vector<std::uint8_t> cut = test::encode_png(test::pattern(50, 50));
    cut.resize(cut.size() / 3);
    EXPECT_FALSE(decode_to_bgr(cut));
}

TEST(MakePayload, PngIsLosslessAndSentAsAPngDataUri) {
    const cv::Mat original = test::pattern(64, 48);
    const auto payload = make_payload(test::encode_png(original), 1536, ImageFormat::png, 90);
    ASSERT_TRUE(payload);
    EXPECT_EQ(payload->original, cv::Size(64, 48));
    EXPECT_EQ(payload->sent, cv::Size(64, 48));
    EXPECT_STREQ(payload->mime, "image/png");
    const cv::Mat received = decode_uri(payload->data_uri, "data:image/png;base64,");
    EXPECT_EQ(test::max_difference(received, original), 0);
}

TEST(MakePayload, JpegIsCloseAndSentAsAJpegDataUri) {
    cv::Mat smooth(48, 64, CV_8UC3);
    for (int y = 0; y < 48; ++y)
        for (int x = 0; x < 64; ++x) smooth.at<cv::Vec3b>(y, x) = cv::Vec3b(x * 3, y * 4, 128);
    const auto payload = make_payload(test::encode_png(smooth), 1536, ImageFormat::jpeg, 95);
    ASSERT_TRUE(payload);
    EXPECT_STREQ(payload->mime, "image/jpeg");
    const cv::Mat received = decode_uri(payload->data_uri, "data:image/jpeg;base64,");
    const int difference = test::max_difference(received, smooth);
    EXPECT_GE(difference, 0);
    EXPECT_LE(difference, 12);
}

TEST(MakePayload, JpegQualityChangesTheBytes) {
    const std::vector<std::uint8_t> png = test::encode_png(test::pattern(64, 64));
    const auto low = make_payload(png, 1536, ImageFormat::jpeg, 10);
    const auto high = make_payload(png, 1536, ImageFormat::jpeg, 100);
    ASSERT_TRUE(low && high);
    EXPECT_LT(low->encoded_bytes, high->encoded_bytes);
}

TEST(MakePayload, LargeImagesAreShrunkWithAreaAveraging) {
    // 2x2 blocks of one value each: INTER_AREA at exactly half size gives those values back.
    cv::Mat blocks(40, 60, CV_8UC3);
    for (int y = 0; y < 40; ++y)
        for (int x = 0; x < 60; ++x) blocks.at<cv::Vec3b>(y, x) = cv::Vec3b((x / 2) * 8, (y / 2) * 12, 50);
    cv::Mat half(20, 30, CV_8UC3);
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 30; ++x) half.at<cv::Vec3b>(y, x) = cv::Vec3b(x * 8, y * 12, 50);
    const auto payload = make_payload(test::encode_png(blocks), 30, ImageFormat::png, 90);
    ASSERT_TRUE(payload);
    EXPECT_EQ(payload->sent, cv::Size(30, 20));
    EXPECT_EQ(test::max_difference(decode_uri(payload->data_uri, "data:image/png;base64,"), half), 0);
}

TEST(MakePayload, UndecodableInputHasNoPayload) {
    EXPECT_FALSE(make_payload(bytes_of("RIFF"), 1536, ImageFormat::png, 90));
}

}  // namespace
}  // namespace evalpanel::plugins::openai_vision
