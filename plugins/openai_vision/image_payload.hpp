// Encoded image bytes -> the data URI a vision chat server receives.
//
// Decoded with Leptonica (not OpenCV's imgcodecs, whose Debian build drags ~140 shared libraries into
// every worker), flattened to 8-bit BGR (transparency composited on white, grey expanded, 16-bit narrowed
// to the high byte, a JPEG's EXIF orientation applied as OpenCV's IMREAD_COLOR did), shrunk with OpenCV's
// INTER_AREA so the longest side fits max_side (never enlarged), and re-encoded with Leptonica as PNG or
// JPEG: the formats every server decodes (llama.cpp's stb_image has no WebP).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include <opencv2/core.hpp>

#include "vision_options.hpp"

namespace evalpanel::plugins::openai_vision {

// 8-bit, 3-channel BGR pixels, or nullopt when the bytes are empty or not an image Leptonica decodes.
// Never throws; prints nothing for bytes that are not an image or a PNG cut short (libpng and libjpeg,
// under Leptonica, may still print a line for a damaged PNG or JPEG stream).
std::optional<cv::Mat> decode_to_bgr(std::span<const std::uint8_t> encoded);

// The size an image of `size` is sent at: the longest side at most max_side, aspect ratio kept
// (rounded, at least 1 pixel), never larger than the original.
cv::Size fitted_size(cv::Size size, int max_side);

struct ImagePayload {
    std::string data_uri;        // data:image/png;base64,...
    cv::Size original;           // as decoded
    cv::Size sent;               // after resizing
    std::size_t encoded_bytes = 0;  // the PNG/JPEG before base64
    const char* mime = "";
};

// nullopt when the image cannot be decoded or re-encoded.
std::optional<ImagePayload> make_payload(std::span<const std::uint8_t> encoded, int max_side,
                                         ImageFormat format, int jpeg_quality);

}  // namespace evalpanel::plugins::openai_vision
