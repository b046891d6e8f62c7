#include "test_images.hpp"

#include <opencv2/imgcodecs.hpp>

namespace evalpanel::plugins::openai_vision::test {

cv::Mat pattern(int width, int height) {
    cv::Mat image(height, width, CV_8UC3);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.at<cv::Vec3b>(y, x) = cv::Vec3b(static_cast<std::uint8_t>((x * 7 + y * 3) % 256),
                                                  static_cast<std::uint8_t>((x * 11) % 256),
                                                  static_cast<std::uint8_t>((y * 13) % 256));
    return image;
}

std::vector<std::uint8_t> encode_png(const cv::Mat& image) {
    std::vector<std::uint8_t> bytes;
    cv::imencode(".png", image, bytes);
    return bytes;
}

std::vector<std::uint8_t> encode_jpeg(const cv::Mat& image, int quality) {
    std::vector<std::uint8_t> bytes;
    cv::imencode(".jpg", image, bytes, {cv::IMWRITE_JPEG_QUALITY, quality});
    return bytes;
}

int max_difference(const cv::Mat& a, const cv::Mat& b) {
    if (a.size() != b.size() || a.type() != b.type()) return -1;
    cv::Mat diff;
    cv::absdiff(a, b, diff);
    double worst = 0;
    cv::minMaxLoc(diff.reshape(1), nullptr, &worst);
    return static_cast<int>(worst);
}

}  // namespace evalpanel::plugins::openai_vision::test
