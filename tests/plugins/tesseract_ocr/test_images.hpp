// Images built in the test itself: rendered text, and the header bytes that declare a resolution.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace evalpanel::plugins::tesseract_ocr::test {

// Black text on white, large and clean, one line per '\n'. CV_8UC1.
cv::Mat render_text(const std::string& text, double scale = 1.5);

std::vector<std::uint8_t> encode_png(const cv::Mat& image);
std::vector<std::uint8_t> encode_jpeg(const cv::Mat& image);

// The PNG with a pHYs chunk (pixels per unit, unit 1 = metre, 0 = aspect only) inserted after IHDR.
std::vector<std::uint8_t> with_phys(std::vector<std::uint8_t> png, std::uint32_t per_unit, std::uint8_t unit);

// The JPEG (as OpenCV writes it: JFIF APP0 first) with its density unit and both densities replaced.
std::vector<std::uint8_t> with_jfif_density(std::vector<std::uint8_t> jpeg, std::uint8_t unit,
                                            std::uint16_t density);

// The JPEG with a dummy APP1 (EXIF-like) segment inserted before its JFIF APP0.
std::vector<std::uint8_t> with_app1_first(std::vector<std::uint8_t> jpeg);

}  // namespace evalpanel::plugins::tesseract_ocr::test
