#include "image_dpi.hpp"

#include <array>
#include <cstddef>
#include <cstring>

namespace evalpanel::plugins::tesseract_ocr {
namespace {

using Bytes = std::span<const std::uint8_t>;

std::uint32_t be32(Bytes b, std::size_t at) {
    return (std::uint32_t{b[at]} << 24) | (std::uint32_t{b[at + 1]} << 16) | (std::uint32_t{b[at + 2]} << 8) |
           std::uint32_t{b[at + 3]};
}

std::uint16_t be16(Bytes b, std::size_t at) {
    return static_cast<std::uint16_t>((b[at] << 8) | b[at + 1]);
}

bool starts_with(Bytes b, std::size_t at, const char* text, std::size_t length) {
    return at + length <= b.size() && std::memcmp(b.data() + at, text, length) == 0;
}

std::optional<int> positive(long dpi) {
    if (dpi <= 0) return std::nullopt;
    return static_cast<int>(dpi);
}

constexpr std::array<std::uint8_t, 8> kPngSignature{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

// Chunks: 4-byte length, 4-byte type, data, 4-byte CRC. pHYs must come before the first IDAT.
std::optional<int> png_dpi(Bytes b) {
    std::size_t at = kPngSignature.size();
    while (at + 8 <= b.size()) {
        const std::uint32_t length = be32(b, at);
        const std::size_t data = at + 8;
        if (length > b.size() || data + length > b.size()) return std::nullopt;
        if (starts_with(b, at + 4, "IDAT", 4) || starts_with(b, at + 4, "IEND", 4)) return std::nullopt;
        if (starts_with(b, at + 4, "pHYs", 4) && length >= 9) {
            constexpr std::uint8_t kUnitMetre = 1;
            if (b[data + 8] != kUnitMetre) return std::nullopt;
            // Leptonica's conversion, constant and rounding included, so both paths agree exactly.
            const double per_metre = be32(b, data + 4);
            return positive(static_cast<long>(per_metre / 39.37 + 0.5));
        }
        at = data + length + 4;
    }
    return std::nullopt;
}

// The JFIF APP0 segment: "JFIF\0", version (2), units (1), X density (2), Y density (2), ...
std::optional<int> jfif_dpi(Bytes b, std::size_t payload, std::size_t length) {
    if (length < 12 || !starts_with(b, payload, "JFIF\0", 5)) return std::nullopt;
    const std::uint8_t unit = b[payload + 7];
    const std::uint16_t y_density = be16(b, payload + 10);
    if (unit == 1) return positive(y_density);
    if (unit == 2) return positive(static_cast<long>(y_density * 2.54 + 0.5));
    return std::nullopt;  // unit 0: aspect ratio only
}

// Walks the marker segments up to the start of the scan; the JFIF segment, when present, is APP0.
std::optional<int> jpeg_dpi(Bytes b) {
    std::size_t at = 2;
    while (at + 4 <= b.size()) {
        if (b[at] != 0xFF) return std::nullopt;
        const std::uint8_t marker = b[at + 1];
        if (marker == 0xFF) {  // fill byte before a marker
            ++at;
            continue;
        }
        const bool standalone = marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8);
        if (standalone) {
            at += 2;
            continue;
        }
        if (marker == 0xDA || marker == 0xD9) return std::nullopt;  // scan data or end: no more headers
        const std::uint16_t length = be16(b, at + 2);               // includes its own two bytes
        if (length < 2 || at + 2 + length > b.size()) return std::nullopt;
        if (marker == 0xE0) {
            if (auto dpi = jfif_dpi(b, at + 4, length - 2u)) return dpi;
        }
        at += 2u + length;
    }
    return std::nullopt;
}

}  // namespace

std::optional<int> declared_dpi(std::span<const std::uint8_t> encoded) {
    if (encoded.size() >= kPngSignature.size() &&
        std::memcmp(encoded.data(), kPngSignature.data(), kPngSignature.size()) == 0)
        return png_dpi(encoded);
    if (encoded.size() >= 2 && encoded[0] == 0xFF && encoded[1] == 0xD8) return jpeg_dpi(encoded);
    return std::nullopt;
}

}  // namespace evalpanel::plugins::tesseract_ocr
