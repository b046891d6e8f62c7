// Encoded image bytes -> the 8-bit pixel buffer Tesseract's raw SetImage() takes.
//
// The aim is the pixels the `tesseract` command would see for the same file through Leptonica, so that
// the plugin and the command read the same text:
//   - 16-bit samples keep their high byte (Leptonica reads PNG with libpng's strip-16, not scale-16);
//   - transparency is composited on white (Tesseract's own SetImage(Pix*) does that for PNG);
//   - colour stays colour, in RGB order: Tesseract converts to grey with its own weights, which differ
//     from OpenCV's, so converting here would change what it thresholds;
//   - palettes are expanded; EXIF orientation is not applied (Leptonica does not apply it either).
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include <opencv2/core.hpp>

namespace evalpanel::plugins::tesseract_ocr {

// CV_8UC1 (grey) or CV_8UC3 (RGB, continuous), or nullopt when the bytes are empty or not an image
// OpenCV can decode. Never throws.
std::optional<cv::Mat> decode_for_ocr(std::span<const std::uint8_t> encoded);

}  // namespace evalpanel::plugins::tesseract_ocr
