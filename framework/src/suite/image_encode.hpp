// Generated pages (generate:) become PNG or JPEG bytes through Leptonica rather than OpenCV's imgcodecs:
// Debian's imgcodecs links GDAL, GDCM and OpenEXR, about 140 shared libraries that every evalpanel command
// would load at start for the sake of this one encoder (~60 ms; docs/performance.md).
#pragma once

#include <cstdint>
#include <vector>

#include <opencv2/core.hpp>

namespace evalpanel::suite::detail {

// A CV_8UC1 (grey) or CV_8UC3 (BGR) image as PNG: lossless, zlib level 9. Throws std::runtime_error
// when the image has another type or the encoder fails.
std::vector<std::uint8_t> encode_png(const cv::Mat& image);

// The same image as a baseline (not progressive) JPEG of quality 1..100; grey stays one channel.
std::vector<std::uint8_t> encode_jpeg(const cv::Mat& image, int quality);

}  // namespace evalpanel::suite::detail
