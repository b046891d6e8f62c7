#include "image_decode.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include "test_images.hpp"

namespace evalpanel::plugins::tesseract_ocr {
namespace {

std::vector<std::uint8_t> png_of(const cv::Mat& image) {
    return test::encode_png(image);
}

TEST(ImageDecode, GreyStaysGrey) {
    const auto decoded = decode_for_ocr(png_of(cv::Mat(4, 5, CV_8UC1, cv::Scalar(77))));
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->type(), CV_8UC1);
    EXPECT_EQ(decoded->at<std::uint8_t>(2, 3), 77);
}

TEST(ImageDecode, ColourBecomesRgbInThatOrder) {
    const auto decoded = decode_for_ocr(png_of(cv::Mat(3, 3, CV_8UC3, cv::Scalar(10, 20, 30))));  // B, G, R
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->type(), CV_8UC3);
    EXPECT_TRUE(decoded->isContinuous());
    EXPECT_EQ(decoded->at<cv::Vec3b>(1, 1), cv::Vec3b(30, 20, 10));
}

TEST(ImageDecode, SixteenBitKeepsTheHighByte) {
    const auto decoded = decode_for_ocr(png_of(cv::Mat(2, 2, CV_16UC1, cv::Scalar(0x12FF))));
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->type(), CV_8UC1);
    EXPECT_EQ(decoded->at<std::uint8_t>(0, 0), 0x12);  // not 0x13, as rounding would give
}

TEST(ImageDecode, TransparencyIsCompositedOnWhite) {
    cv::Mat bgra(1, 3, CV_8UC4);
    bgra.at<cv::Vec4b>(0, 0) = {0, 0, 0, 0};    // transparent black
    bgra.at<cv::Vec4b>(0, 1) = {0, 0, 0, 255};  // opaque black
    bgra.at<cv::Vec4b>(0, 2) = {0, 0, 0, 1};    // almost transparent black
    const auto decoded = decode_for_ocr(png_of(bgra));
    ASSERT_TRUE(decoded);
    ASSERT_EQ(decoded->type(), CV_8UC3);
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 0), cv::Vec3b(255, 255, 255));
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 1), cv::Vec3b(0, 0, 0));
    // Leptonica's float arithmetic truncates (1 - 1/255) * 255 to 253, where exact integers give 254.
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 2), cv::Vec3b(253, 253, 253));
}

TEST(ImageDecode, EmptyOrGarbageIsNotAnImage) {
    EXPECT_FALSE(decode_for_ocr({}));
    const std::vector<std::uint8_t> garbage{'n', 'o', 't', ' ', 'a', 'n', ' ', 'i', 'm', 'a', 'g', 'e'};
    EXPECT_FALSE(decode_for_ocr(garbage));
    auto truncated = png_of(cv::Mat(40, 40, CV_8UC1, cv::Scalar(9)));
    truncated.resize(30);
    EXPECT_FALSE(decode_for_ocr(truncated));
}

}  // namespace
}  // namespace evalpanel::plugins::tesseract_ocr
