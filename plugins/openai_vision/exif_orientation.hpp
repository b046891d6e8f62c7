// The EXIF Orientation tag of a JPEG, read without decoding it, and its application to decoded pixels.
#pragma once

#include <cstdint>
#include <span>

#include <opencv2/core.hpp>

namespace evalpanel::plugins::openai_vision {

// Tag 0x0112 of IFD0 in the first APP1 "Exif\0\0" segment before the first scan, either byte order
// (II or MM): 1..8. 1 (upright) when the bytes are not a JPEG, there is no such tag, or it is malformed
// or out of range. Reads only within `jpeg`; never throws.
int jpeg_exif_orientation(std::span<const std::uint8_t> jpeg);

// `image` turned upright for orientation 1..8, the way OpenCV's IMREAD_COLOR does it: 2 flip left-right,
// 3 rotate 180, 4 flip top-bottom, 5 transpose, 6 rotate 90 clockwise, 7 transverse, 8 rotate 90
// counter-clockwise. Other values leave the image as it is.
cv::Mat apply_exif_orientation(const cv::Mat& image, int orientation);

}  // namespace evalpanel::plugins::openai_vision
