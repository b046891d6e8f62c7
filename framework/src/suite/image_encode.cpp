#include "suite/image_encode.hpp"

#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>

#include <leptonica/allheaders.h>

namespace evalpanel::suite::detail {
namespace {

struct PixDeleter {
    void operator()(PIX* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

// Leptonica reports failures on stderr as well as in its return value; the return value is enough here.
void quiet_leptonica() {
    static std::once_flag once;
    std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

// Leptonica's 32 bpp pixels are words 0xRRGGBBAA; 8 bpp rows are bytes read through GET_DATA_BYTE
// (which accounts for the word-wise byte order on little-endian machines).
PixPtr to_pix(const cv::Mat& image) {
    if (image.empty() || (image.type() != CV_8UC1 && image.type() != CV_8UC3)) {
        throw std::runtime_error("generate: an image to encode must be 8-bit grey or BGR");
    }
    const bool grey = image.type() == CV_8UC1;
    PixPtr pix(pixCreate(image.cols, image.rows, grey ? 8 : 32));
    if (!pix) throw std::runtime_error("generate: no memory for a " + std::to_string(image.cols) + "x" +
                                       std::to_string(image.rows) + " image");
    if (!grey) pixSetSpp(pix.get(), 3);
    const l_int32 words_per_line = pixGetWpl(pix.get());
    l_uint32* data = pixGetData(pix.get());
    for (int y = 0; y < image.rows; ++y) {
        l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * words_per_line;
        const std::uint8_t* in = image.ptr<std::uint8_t>(y);
        for (int x = 0; x < image.cols; ++x) {
            if (grey) {
                SET_DATA_BYTE(line, x, in[x]);
            } else {
                const std::uint8_t* bgr = in + 3 * x;
                line[x] = (static_cast<l_uint32>(bgr[2]) << 24) | (static_cast<l_uint32>(bgr[1]) << 16) |
                          (static_cast<l_uint32>(bgr[0]) << 8);
            }
        }
    }
    return pix;
}

std::vector<std::uint8_t> take(l_uint8* data, std::size_t size, const char* format) {
    if (data == nullptr || size == 0) {
        lept_free(data);
        throw std::runtime_error(std::string("generate: the image could not be encoded as ") + format);
    }
    std::vector<std::uint8_t> bytes(data, data + size);
    lept_free(data);
    return bytes;
}

}  // namespace

std::vector<std::uint8_t> encode_png(const cv::Mat& image) {
    quiet_leptonica();
    PixPtr pix = to_pix(image);
    // Every encoder setting is fixed, so a library default changing cannot change the bytes.
    pixSetZlibCompression(pix.get(), 9);
    l_uint8* data = nullptr;
    std::size_t size = 0;
    if (pixWriteMemPng(&data, &size, pix.get(), 0.0f) != 0) size = 0;
    return take(data, size, "PNG");
}

std::vector<std::uint8_t> encode_jpeg(const cv::Mat& image, int quality) {
    quiet_leptonica();
    PixPtr pix = to_pix(image);
    l_uint8* data = nullptr;
    std::size_t size = 0;
    if (pixWriteMemJpeg(&data, &size, pix.get(), quality, 0) != 0) size = 0;
    return take(data, size, "JPEG");
}

}  // namespace evalpanel::suite::detail
