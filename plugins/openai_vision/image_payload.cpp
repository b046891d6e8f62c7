#include "image_payload.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <exception>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "base64.hpp"

namespace evalpanel::plugins::openai_vision {
namespace {

cv::Mat to_8bit(const cv::Mat& image) {
    if (image.depth() == CV_8U) return image;
    cv::Mat narrow;
    const double scale = image.depth() == CV_16U ? 1.0 / 257 : image.depth() == CV_32F || image.depth() == CV_64F ? 255.0 : 1.0;
    image.convertTo(narrow, CV_8U, scale);
    return narrow;
}

// A model reads text drawn on a transparent background only if the background becomes paper: blend over
// white rather than dropping alpha (which leaves whatever colour the transparent pixels happen to hold,
// often black under black text).
cv::Mat composite_on_white(const cv::Mat& with_alpha) {
    const int colours = with_alpha.channels() - 1;
    cv::Mat flat(with_alpha.size(), CV_MAKETYPE(CV_8U, colours));
    for (int y = 0; y < with_alpha.rows; ++y) {
        const auto* in = with_alpha.ptr<std::uint8_t>(y);
        auto* out = flat.ptr<std::uint8_t>(y);
        for (int x = 0; x < with_alpha.cols; ++x, in += colours + 1, out += colours) {
            const int alpha = in[colours];
            for (int c = 0; c < colours; ++c)
                out[c] = static_cast<std::uint8_t>((in[c] * alpha + 255 * (255 - alpha) + 127) / 255);
        }
    }
    if (colours == 3) return flat;
    cv::Mat bgr;
    cv::cvtColor(flat, bgr, cv::COLOR_GRAY2BGR);
    return bgr;
}

std::vector<std::uint8_t> encode(const cv::Mat& bgr, ImageFormat format, int jpeg_quality) {
    std::vector<std::uint8_t> bytes;
    const bool ok = format == ImageFormat::png
                        ? cv::imencode(".png", bgr, bytes)
                        : cv::imencode(".jpg", bgr, bytes, {cv::IMWRITE_JPEG_QUALITY, jpeg_quality});
    if (!ok) bytes.clear();
    return bytes;
}

}  // namespace

std::optional<cv::Mat> decode_to_bgr(std::span<const std::uint8_t> encoded) {
    if (encoded.empty() || encoded.size() > static_cast<std::size_t>(INT_MAX)) return std::nullopt;
    try {
        // imdecode only reads the buffer; the const_cast is for cv::Mat's constructor signature.
        const cv::Mat wrapped(1, static_cast<int>(encoded.size()), CV_8UC1, const_cast<std::uint8_t*>(encoded.data()));
        const cv::Mat unchanged = cv::imdecode(wrapped, cv::IMREAD_UNCHANGED);
        if (unchanged.empty()) return std::nullopt;
        if (unchanged.channels() == 2 || unchanged.channels() == 4) return composite_on_white(to_8bit(unchanged));
        // IMREAD_COLOR also applies EXIF orientation, which servers (stb_image) do not: a phone photo
        // then reaches the model the right way up.
        cv::Mat bgr = cv::imdecode(wrapped, cv::IMREAD_COLOR);
        if (bgr.empty() || bgr.type() != CV_8UC3) return std::nullopt;
        return bgr;
    } catch (const std::exception&) {  // cv::Exception from a corrupt stream some decoders throw on
        return std::nullopt;
    }
}

cv::Size fitted_size(cv::Size size, int max_side) {
    const int longest = std::max(size.width, size.height);
    if (longest <= max_side || longest <= 0) return size;
    const double scale = static_cast<double>(max_side) / longest;
    const auto fit = [&](int side) {
        return side == longest ? max_side : std::clamp(static_cast<int>(std::lround(side * scale)), 1, max_side);
    };
    return {fit(size.width), fit(size.height)};
}

std::optional<ImagePayload> make_payload(std::span<const std::uint8_t> encoded, int max_side, ImageFormat format,
                                         int jpeg_quality) {
    std::optional<cv::Mat> bgr = decode_to_bgr(encoded);
    if (!bgr) return std::nullopt;
    ImagePayload payload;
    payload.original = bgr->size();
    payload.sent = fitted_size(payload.original, max_side);
    if (payload.sent != payload.original) {
        cv::Mat smaller;
        cv::resize(*bgr, smaller, payload.sent, 0, 0, cv::INTER_AREA);  // area averaging: no aliasing of thin strokes
        bgr = std::move(smaller);
    }
    std::vector<std::uint8_t> bytes;
    try {
        bytes = encode(*bgr, format, jpeg_quality);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    if (bytes.empty()) return std::nullopt;
    payload.mime = format == ImageFormat::png ? "image/png" : "image/jpeg";
    payload.encoded_bytes = bytes.size();
    payload.data_uri = std::string("data:") + payload.mime + ";base64," + base64_encode(bytes);
    return payload;
}

}  // namespace evalpanel::plugins::openai_vision
