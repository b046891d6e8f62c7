#include "image_decode.hpp"

#include <climits>
#include <cstddef>
#include <exception>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace evalpanel::plugins::tesseract_ocr {
namespace {

// 16 -> 8 bits by dropping the low byte, as libpng's png_set_strip_16 does for Leptonica. OpenCV's
// convertTo(1/256) would round instead and shift some levels by one.
cv::Mat high_byte(const cv::Mat& wide) {
    cv::Mat narrow(wide.size(), CV_MAKETYPE(CV_8U, wide.channels()));
    const int values_per_row = wide.cols * wide.channels();
    for (int y = 0; y < wide.rows; ++y) {
        const auto* in = wide.ptr<std::uint16_t>(y);
        auto* out = narrow.ptr<std::uint8_t>(y);
        for (int i = 0; i < values_per_row; ++i) out[i] = static_cast<std::uint8_t>(in[i] >> 8);
    }
    return narrow;
}

cv::Mat to_8bit(const cv::Mat& image) {
    switch (image.depth()) {
        case CV_8U:
            return image;
        case CV_16U:
            return high_byte(image);
        case CV_32F:
        case CV_64F: {  // HDR / EXR style: samples in [0, 1]
            cv::Mat narrow;
            image.convertTo(narrow, CV_8U, 255.0);
            return narrow;
        }
        default: {
            cv::Mat narrow;
            image.convertTo(narrow, CV_8U);
            return narrow;
        }
    }
}

// Blends one sample over white exactly as Leptonica's pixBlendWithGrayMask does for pixRemoveAlpha:
// a float fraction, double arithmetic, truncation. Exact integer arithmetic differs by one level on
// most partly transparent pixels, which was enough to change Tesseract's reading of 17 of 133 images.
std::uint8_t over_white(int sample, int alpha) {
    if (alpha == 0) return 255;
    const float fraction = static_cast<float>(alpha / 255.);
    return static_cast<std::uint8_t>(static_cast<int>((1.0 - fraction) * 255 + fraction * sample));
}

// Returns grey for grey+alpha input and BGR for BGRA input.
cv::Mat composite_on_white(const cv::Mat& with_alpha) {
    const int colours = with_alpha.channels() - 1;
    cv::Mat flat(with_alpha.size(), CV_MAKETYPE(CV_8U, colours));
    for (int y = 0; y < with_alpha.rows; ++y) {
        const auto* in = with_alpha.ptr<std::uint8_t>(y);
        auto* out = flat.ptr<std::uint8_t>(y);
        for (int x = 0; x < with_alpha.cols; ++x, in += colours + 1, out += colours)
            for (int c = 0; c < colours; ++c) out[c] = over_white(in[c], in[colours]);
    }
    return flat;
}

cv::Mat to_grey_or_rgb(const cv::Mat& image) {
    cv::Mat flat = (image.channels() == 2 || image.channels() == 4) ? composite_on_white(image) : image;
    if (flat.channels() == 1) return flat.isContinuous() ? flat : flat.clone();
    cv::Mat rgb;
    cv::cvtColor(flat, rgb, cv::COLOR_BGR2RGB);  // always a fresh, continuous buffer
    return rgb;
}

}  // namespace

std::optional<cv::Mat> decode_for_ocr(std::span<const std::uint8_t> encoded) {
    if (encoded.empty() || encoded.size() > static_cast<std::size_t>(INT_MAX)) return std::nullopt;
    try {
        // imdecode only reads the buffer; the const_cast is for cv::Mat's constructor signature.
        const cv::Mat wrapped(1, static_cast<int>(encoded.size()), CV_8UC1,
                              const_cast<std::uint8_t*>(encoded.data()));
        const cv::Mat decoded = cv::imdecode(wrapped, cv::IMREAD_UNCHANGED);
        if (decoded.empty() || decoded.channels() > 4) return std::nullopt;
        return to_grey_or_rgb(to_8bit(decoded));
    } catch (const std::exception&) {  // cv::Exception from a corrupt stream some decoders throw on
        return std::nullopt;
    }
}

}  // namespace evalpanel::plugins::tesseract_ocr
