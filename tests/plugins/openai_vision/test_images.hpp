// Synthetic images whose every pixel is known, so a test can check what reached the server.
#pragma once

#include <cstdint>
#include <vector>

#include <opencv2/core.hpp>

namespace evalpanel::plugins::openai_vision::test {

// BGR, CV_8UC3: pixel (x, y) = ((x * 7 + y * 3) % 256, (x * 11) % 256, (y * 13) % 256). No two
// neighbours are equal, so a flipped, shifted or resized image never matches by accident.
cv::Mat pattern(int width, int height);

std::vector<std::uint8_t> encode_png(const cv::Mat& image);
std::vector<std::uint8_t> encode_jpeg(const cv::Mat& image, int quality = 95);

// Largest absolute per-sample difference; -1 when sizes or types differ.
int max_difference(const cv::Mat& a, const cv::Mat& b);

}  // namespace evalpanel::plugins::openai_vision::test
