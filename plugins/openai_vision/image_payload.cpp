#include "image_payload.hpp"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <cstring>
#include <exception>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "base64.hpp"
#include "exif_orientation.hpp"

namespace evalpanel::plugins::openai_vision {
namespace {

// Leptonica reports every failure on stderr unless told not to; a worker must stay quiet on bad input.
// Process-wide (it is Leptonica's global threshold), set once.
void silence_leptonica() {
    static std::once_flag once;
    std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

struct PixDeleter {
    void operator()(PIX* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

struct LeptFree {
    void operator()(l_uint8* data) const { lept_free(data); }
};

// --- PNG chunk structure -------------------------------------------------------------------------------
// Read before Leptonica sees the bytes: a PNG cut short is refused here (libpng, under Leptonica, would
// print its error on stderr), and tRNS is handled the way OpenCV's decoder did, which Leptonica does not.

constexpr std::array<std::uint8_t, 8> kPngSignature{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

struct PngLayout {
    std::uint8_t bit_depth = 0;
    std::uint8_t colour_type = 0;  // 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA
    std::size_t trns_begin = 0;    // the whole tRNS chunk (length, type, data, CRC); empty when none
    std::size_t trns_end = 0;
    std::optional<std::array<std::uint16_t, 3>> trns_rgb;  // colour type 2: the one transparent colour
};

std::uint32_t big_endian32(const std::uint8_t* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

bool is_png(std::span<const std::uint8_t> bytes) {
    return bytes.size() >= kPngSignature.size() && std::equal(kPngSignature.begin(), kPngSignature.end(), bytes.begin());
}

// nullopt when the chunks do not run, complete, from IHDR to IEND.
std::optional<PngLayout> scan_png(std::span<const std::uint8_t> bytes) {
    PngLayout layout;
    std::size_t at = kPngSignature.size();
    bool first = true;
    while (bytes.size() - at >= 12) {
        const std::uint32_t length = big_endian32(&bytes[at]);
        if (length > 0x7FFFFFFFu || length > bytes.size() - at - 12) return std::nullopt;
        const std::uint8_t* type = &bytes[at + 4];
        const std::uint8_t* data = &bytes[at + 8];
        const bool ihdr = std::memcmp(type, "IHDR", 4) == 0;
        if (first != ihdr) return std::nullopt;
        first = false;
        if (ihdr) {
            if (length != 13) return std::nullopt;
            layout.bit_depth = data[8];
            layout.colour_type = data[9];
        } else if (std::memcmp(type, "tRNS", 4) == 0) {
            layout.trns_begin = at;
            layout.trns_end = at + 12 + length;
            if (layout.colour_type == 2 && length >= 6) {
                layout.trns_rgb.emplace();
                for (std::size_t c = 0; c < 3; ++c)
                    (*layout.trns_rgb)[c] = static_cast<std::uint16_t>((data[2 * c] << 8) | data[2 * c + 1]);
            }
        } else if (std::memcmp(type, "IEND", 4) == 0) {
            return layout;
        }
        at += 12 + length;
    }
    return std::nullopt;
}

// The formats read here: Leptonica also recognises PostScript, PDF and its own serialisation (spix),
// which are not images a user means to send.
bool is_image_format(l_int32 format) {
    switch (format) {
        case IFF_BMP: case IFF_JFIF_JPEG: case IFF_PNG: case IFF_TIFF: case IFF_TIFF_PACKBITS: case IFF_TIFF_RLE:
        case IFF_TIFF_G3: case IFF_TIFF_G4: case IFF_TIFF_LZW: case IFF_TIFF_ZIP: case IFF_TIFF_JPEG: case IFF_PNM:
        case IFF_GIF: case IFF_JP2: case IFF_WEBP:
            return true;
        default:
            return false;
    }
}

// --- Leptonica pixels -> BGR ----------------------------------------------------------------------------

// Any depth, colormapped or not, as 32 bpp; spp 4 when there is transparency to composite.
PixPtr to_32bpp(PIX* pix) {
    if (PIXCMAP* colormap = pixGetColormap(pix)) {
        l_int32 opaque = 1;
        pixcmapIsOpaque(colormap, &opaque);
        return PixPtr(pixRemoveColormap(pix, opaque ? REMOVE_CMAP_TO_FULL_COLOR : REMOVE_CMAP_WITH_ALPHA));
    }
    return PixPtr(pixConvertTo32(pix));  // grey is expanded to r = g = b; 16 bpp keeps the high byte
}

// A model reads text drawn on a transparent background only if the background becomes paper: blend over
// white rather than dropping alpha (which leaves whatever colour the transparent pixels happen to hold,
// often black under black text).
std::uint8_t over_white(std::uint32_t value, std::uint32_t alpha) {
    return static_cast<std::uint8_t>((value * alpha + 255 * (255 - alpha) + 127) / 255);
}

// 32 bpp words are 0xRRGGBBAA (red in the most significant byte), whatever the machine's byte order.
// swap_red_blue: for Leptonica 1.82's 32 bpp BMP reader, which leaves blue where red belongs.
cv::Mat to_bgr(PIX* pix32, bool has_alpha, bool swap_red_blue,
               const std::optional<std::array<std::uint8_t, 3>>& transparent_rgb) {
    const int width = pixGetWidth(pix32);
    const int height = pixGetHeight(pix32);
    const l_uint32* data = pixGetData(pix32);
    const int words_per_line = pixGetWpl(pix32);
    cv::Mat bgr(height, width, CV_8UC3);
    for (int y = 0; y < height; ++y) {
        const l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * words_per_line;
        auto* out = bgr.ptr<std::uint8_t>(y);
        for (int x = 0; x < width; ++x, out += 3) {
            const l_uint32 word = line[x];
            std::uint32_t red = (word >> L_RED_SHIFT) & 0xFF;
            const std::uint32_t green = (word >> L_GREEN_SHIFT) & 0xFF;
            std::uint32_t blue = (word >> L_BLUE_SHIFT) & 0xFF;
            if (swap_red_blue) std::swap(red, blue);
            std::uint32_t alpha = has_alpha ? (word >> L_ALPHA_SHIFT) & 0xFF : 255;
            if (transparent_rgb && red == (*transparent_rgb)[0] && green == (*transparent_rgb)[1] &&
                blue == (*transparent_rgb)[2])
                alpha = 0;
            out[0] = over_white(blue, alpha);
            out[1] = over_white(green, alpha);
            out[2] = over_white(red, alpha);
        }
    }
    return bgr;
}

std::optional<cv::Mat> decode(std::span<const std::uint8_t> encoded) {
    std::span<const std::uint8_t> input = encoded;
    std::vector<std::uint8_t> without_trns;
    std::optional<std::array<std::uint8_t, 3>> transparent_rgb;
    if (is_png(encoded)) {
        const std::optional<PngLayout> layout = scan_png(encoded);
        if (!layout) return std::nullopt;
        if (layout->trns_end != 0 && layout->colour_type == 0) {
            // Grey with one transparent grey level: Leptonica would return a blank, fully transparent
            // image; OpenCV ignored the chunk. Do as OpenCV did.
            without_trns.assign(encoded.begin(), encoded.begin() + static_cast<std::ptrdiff_t>(layout->trns_begin));
            without_trns.insert(without_trns.end(), encoded.begin() + static_cast<std::ptrdiff_t>(layout->trns_end),
                                encoded.end());
            input = without_trns;
        } else if (layout->trns_rgb) {
            // RGB with one transparent colour: Leptonica ignores it; OpenCV made it alpha 0, so white here.
            // 16-bit files are compared on the high byte, which is all Leptonica keeps.
            const int shift = layout->bit_depth == 16 ? 8 : 0;
            const auto& key = *layout->trns_rgb;
            transparent_rgb = std::array<std::uint8_t, 3>{static_cast<std::uint8_t>(key[0] >> shift),
                                                          static_cast<std::uint8_t>(key[1] >> shift),
                                                          static_cast<std::uint8_t>(key[2] >> shift)};
        }
    }
    if (input.size() < 12) return std::nullopt;  // findFileFormatBuffer reads 12 bytes; no image is smaller
    l_int32 file_format = IFF_UNKNOWN;
    if (findFileFormatBuffer(input.data(), &file_format) != 0 || !is_image_format(file_format)) return std::nullopt;
    // A JPEG with corrupt or missing entropy-coded data decodes as far as it goes (the rest grey), as it did
    // with OpenCV; Leptonica's default refuses it at the first libjpeg warning, even for a file whose only
    // fault is a few stray bytes before a marker.
    const PixPtr pix(file_format == IFF_JFIF_JPEG
                         ? pixReadMemJpeg(input.data(), input.size(), 0, 1, nullptr, L_JPEG_CONTINUE_WITH_BAD_DATA)
                         : pixReadMem(input.data(), input.size()));
    if (!pix) return std::nullopt;
    // Leptonica 1.82 reads a 16 bpp (5-5-5 / 5-6-5) BMP as 16-bit grey: refuse it rather than send noise.
    // It reads a 32 bpp BMP with red and blue swapped (24 bpp is right). Its bit count is at offset 28.
    const int bmp_bits = file_format == IFF_BMP && input.size() >= 30 ? input[28] | (input[29] << 8) : 0;
    if (bmp_bits == 16) return std::nullopt;
    const bool bmp_32bpp = bmp_bits == 32 && pixGetDepth(pix.get()) == 32;  // alpha byte ignored, as OpenCV did
    PixPtr converted;
    PIX* pix32 = pix.get();
    if (pixGetColormap(pix32) || pixGetDepth(pix32) != 32) {
        converted = to_32bpp(pix32);
        pix32 = converted.get();
    }
    if (!pix32 || pixGetDepth(pix32) != 32 || pixGetWidth(pix32) <= 0 || pixGetHeight(pix32) <= 0) return std::nullopt;
    cv::Mat bgr = to_bgr(pix32, pixGetSpp(pix32) == 4 && !bmp_32bpp, bmp_32bpp, transparent_rgb);
    // OpenCV's IMREAD_COLOR applied a JPEG's EXIF orientation, which servers (stb_image) do not: a phone
    // photo then reaches the model the right way up.
    if (file_format == IFF_JFIF_JPEG) bgr = apply_exif_orientation(bgr, jpeg_exif_orientation(encoded));
    return bgr;
}

// --- BGR -> PNG / JPEG ----------------------------------------------------------------------------------

std::vector<std::uint8_t> encode(const cv::Mat& bgr, ImageFormat format, int jpeg_quality) {
    const PixPtr pix(pixCreate(bgr.cols, bgr.rows, 32));
    if (!pix) return {};
    pixSetSpp(pix.get(), 3);
    // zlib level 1, as OpenCV's PNG writer used: Leptonica's default (6) takes about 3x as long on a
    // photo for a file only ~2% smaller.
    if (format == ImageFormat::png) pixSetZlibCompression(pix.get(), 1);
    l_uint32* data = pixGetData(pix.get());
    const int words_per_line = pixGetWpl(pix.get());
    for (int y = 0; y < bgr.rows; ++y) {
        const auto* in = bgr.ptr<std::uint8_t>(y);
        l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * words_per_line;
        for (int x = 0; x < bgr.cols; ++x, in += 3)
            line[x] = (l_uint32{in[2]} << L_RED_SHIFT) | (l_uint32{in[1]} << L_GREEN_SHIFT) |
                      (l_uint32{in[0]} << L_BLUE_SHIFT) | (l_uint32{255} << L_ALPHA_SHIFT);
    }
    l_uint8* raw = nullptr;
    size_t size = 0;
    const l_ok failed = format == ImageFormat::png ? pixWriteMemPng(&raw, &size, pix.get(), 0.0f)
                                                   : pixWriteMemJpeg(&raw, &size, pix.get(), jpeg_quality, 0);
    const std::unique_ptr<l_uint8, LeptFree> owned(raw);
    if (failed != 0 || !raw || size == 0) return {};
    return {raw, raw + size};
}

}  // namespace

std::optional<cv::Mat> decode_to_bgr(std::span<const std::uint8_t> encoded) {
    if (encoded.empty() || encoded.size() > static_cast<std::size_t>(INT_MAX)) return std::nullopt;
    silence_leptonica();
    try {
        return decode(encoded);
    } catch (const std::exception&) {  // cv::Exception or bad_alloc for an image too large to hold
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
    std::vector<std::uint8_t> bytes;
    // An 8-bit RGB PNG without transparency that needs no shrinking is sent as it came: re-encoding it
    // would give exactly its pixels back, and encoding is the slowest step here (Leptonica's PNG writer
    // takes ~120 ms for a 1536x1152 photo, where OpenCV's took ~46 ms). It was decoded all the same, so a
    // corrupt file is still refused here and not by the server.
    if (format == ImageFormat::png && payload.sent == payload.original && is_png(encoded)) {
        const std::optional<PngLayout> layout = scan_png(encoded);
        if (layout && layout->colour_type == 2 && layout->bit_depth == 8 && layout->trns_end == 0) {
            bytes.assign(encoded.begin(), encoded.end());
        }
    }
    try {
        if (bytes.empty()) {
            if (payload.sent != payload.original) {
                cv::Mat smaller;
                cv::resize(*bgr, smaller, payload.sent, 0, 0, cv::INTER_AREA);  // area averaging: no aliasing of thin strokes
                bgr = std::move(smaller);
            }
            bytes = encode(*bgr, format, jpeg_quality);
        }
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
