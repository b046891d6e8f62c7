// Generated pages are encoded by Leptonica (suite/image_encode.hpp); OpenCV's own decoder reads them back
// here, so the bytes are what any other reader would see.
#include "suite/image_encode.hpp"

#include <stdexcept>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

namespace evalpanel::suite::detail {
namespace {

cv::Mat gradient(int type) {
    cv::Mat image(37, 53, type);  // odd sizes: rows are not a whole number of 32-bit words
    for (int y = 0; y < image.rows; ++y) {
        for (int x = 0; x < image.cols; ++x) {
            if (type == CV_8UC1) {
                image.at<std::uint8_t>(y, x) = static_cast<std::uint8_t>((x * 5 + y * 3) % 256);
            } else {
                image.at<cv::Vec3b>(y, x) = {static_cast<std::uint8_t>(x * 4), static_cast<std::uint8_t>(y * 6),
                                             static_cast<std::uint8_t>((x + y) * 2)};
            }
        }
    }
    return image;
}

cv::Mat decode(const std::vector<std::uint8_t>& bytes) {
    return cv::imdecode(bytes, cv::IMREAD_UNCHANGED);
}

TEST(ImageEncode, PngIsLosslessForGreyAndColour) {
    for (const int type : {CV_8UC1, CV_8UC3}) {
        const cv::Mat image = gradient(type);
        const std::vector<std::uint8_t> png = encode_png(image);
        ASSERT_GE(png.size(), 8u);
        EXPECT_EQ(png[1], 'P');
        const cv::Mat back = decode(png);
        ASSERT_EQ(back.type(), type);  // grey stays one channel; BGR comes back in BGR order
        EXPECT_EQ(cv::norm(back, image, cv::NORM_INF), 0) << "type " << type;
    }
}

TEST(ImageEncode, PngBytesAreTheSameEveryTime) {
    const cv::Mat image = gradient(CV_8UC1);
    EXPECT_EQ(encode_png(image), encode_png(image));
}

TEST(ImageEncode, JpegIsCloseKeepsGreyAndFollowsTheQuality) {
    const cv::Mat grey = gradient(CV_8UC1);
    const std::vector<std::uint8_t> good = encode_jpeg(grey, 95);
    ASSERT_GE(good.size(), 3u);
    EXPECT_EQ(good[0], 0xFF);
    EXPECT_EQ(good[1], 0xD8);
    const cv::Mat back = decode(good);
    ASSERT_EQ(back.type(), CV_8UC1);
    EXPECT_LT(cv::norm(back, grey, cv::NORM_L1) / static_cast<double>(grey.total()), 3.0);
    EXPECT_LT(encode_jpeg(grey, 10).size(), good.size());
    const cv::Mat colour = gradient(CV_8UC3);
    const cv::Mat colour_back = decode(encode_jpeg(colour, 95));
    ASSERT_EQ(colour_back.type(), CV_8UC3);
    EXPECT_LT(cv::norm(colour_back, colour, cv::NORM_L1) / static_cast<double>(colour.total() * 3), 6.0);
}

TEST(ImageEncode, OtherImageTypesAreRefused) {
    EXPECT_THROW(encode_png(cv::Mat(4, 4, CV_16UC1, cv::Scalar(0))), std::runtime_error);
    EXPECT_THROW(encode_jpeg(cv::Mat(4, 4, CV_8UC4, cv::Scalar(0)), 90), std::runtime_error);
    EXPECT_THROW(encode_png(cv::Mat()), std::runtime_error);
}

}  // namespace
}  // namespace evalpanel::suite::detail
