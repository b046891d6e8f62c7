// Header readers, one per format. Each checks the bytes it reads are there: the input is untrusted.
// Layouts: PNG (ISO/IEC 15948 §11.2.2), JPEG (ITU T.81 §B.2), GIF89a §18, BMP (BITMAPINFOHEADER and the
// OS/2 BITMAPCOREHEADER), WebP container (RFC 9649), TIFF 6.0 §2 (tags 256 ImageWidth, 257 ImageLength).
#include <evalpanel/image.hpp>

#include <array>
#include <cstring>

namespace evalpanel::image {
namespace {

using Bytes = std::span<const std::uint8_t>;

bool starts_with(Bytes bytes, std::string_view magic) {
    return bytes.size() >= magic.size() && std::memcmp(bytes.data(), magic.data(), magic.size()) == 0;
}

std::uint32_t big_endian(Bytes bytes, std::size_t at, std::size_t width) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < width; ++i) value = (value << 8) | bytes[at + i];
    return value;
}

std::uint32_t little_endian(Bytes bytes, std::size_t at, std::size_t width) {
    std::uint32_t value = 0;
    for (std::size_t i = width; i-- > 0;) value = (value << 8) | bytes[at + i];
    return value;
}

std::optional<ImageSize> png_size(Bytes bytes) {
    if (!starts_with(bytes, "\x89PNG\r\n\x1a\n") || bytes.size() < 24) return std::nullopt;
    if (std::memcmp(bytes.data() + 12, "IHDR", 4) != 0) return std::nullopt;
    return ImageSize{big_endian(bytes, 16, 4), big_endian(bytes, 20, 4), "png"};
}

bool is_start_of_frame(std::uint8_t marker) {
    // SOF0..SOF15, less DHT (C4), JPG (C8) and DAC (CC), which share the range.
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

std::optional<ImageSize> jpeg_size(Bytes bytes) {
    if (!starts_with(bytes, "\xff\xd8")) return std::nullopt;
    std::size_t at = 2;
    while (at + 1 < bytes.size()) {
        if (bytes[at] != 0xFF) return std::nullopt;  // segments follow each other; anything else is corrupt
        const std::uint8_t marker = bytes[at + 1];
        if (marker == 0xFF) {  // fill byte before a marker
            ++at;
            continue;
        }
        at += 2;
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;  // TEM, RSTn: no length
        if (marker == 0xD9 || marker == 0xDA) return std::nullopt;         // EOI or scan data before a frame
        if (at + 2 > bytes.size()) return std::nullopt;
        const std::uint32_t length = big_endian(bytes, at, 2);  // counts its own two bytes
        if (length < 2) return std::nullopt;
        if (is_start_of_frame(marker)) {
            if (at + 7 > bytes.size()) return std::nullopt;  // length, precision, height, width
            return ImageSize{big_endian(bytes, at + 5, 2), big_endian(bytes, at + 3, 2), "jpeg"};
        }
        at += length;
    }
    return std::nullopt;
}

std::optional<ImageSize> gif_size(Bytes bytes) {
    if ((!starts_with(bytes, "GIF87a") && !starts_with(bytes, "GIF89a")) || bytes.size() < 10) return std::nullopt;
    return ImageSize{little_endian(bytes, 6, 2), little_endian(bytes, 8, 2), "gif"};
}

std::optional<ImageSize> bmp_size(Bytes bytes) {
    if (!starts_with(bytes, "BM") || bytes.size() < 18) return std::nullopt;
    const std::uint32_t header_size = little_endian(bytes, 14, 4);
    if (header_size == 12) {  // BITMAPCOREHEADER: 16-bit unsigned sizes
        if (bytes.size() < 22) return std::nullopt;
        return ImageSize{little_endian(bytes, 18, 2), little_endian(bytes, 20, 2), "bmp"};
    }
    if (header_size < 40 || bytes.size() < 26) return std::nullopt;
    // Signed 32-bit; a negative height means rows stored top-down.
    const auto width = static_cast<std::int32_t>(little_endian(bytes, 18, 4));
    const auto height = static_cast<std::int32_t>(little_endian(bytes, 22, 4));
    if (width < 0 || height == INT32_MIN) return std::nullopt;
    return ImageSize{static_cast<std::uint64_t>(width), static_cast<std::uint64_t>(height < 0 ? -height : height), "bmp"};
}

std::optional<ImageSize> webp_size(Bytes bytes) {
    if (!starts_with(bytes, "RIFF") || bytes.size() < 30 || std::memcmp(bytes.data() + 8, "WEBP", 4) != 0)
        return std::nullopt;
    const Bytes chunk = bytes.subspan(12);
    if (starts_with(chunk, "VP8X")) {  // extended: canvas size minus one, 24 bits each
        return ImageSize{little_endian(bytes, 24, 3) + 1ULL, little_endian(bytes, 27, 3) + 1ULL, "webp"};
    }
    if (starts_with(chunk, "VP8L")) {  // lossless: signature 0x2F, then 14 bits each of size minus one
        if (bytes[20] != 0x2F) return std::nullopt;
        const std::uint32_t bits = little_endian(bytes, 21, 4);
        return ImageSize{(bits & 0x3FFF) + 1ULL, ((bits >> 14) & 0x3FFF) + 1ULL, "webp"};
    }
    if (starts_with(chunk, "VP8 ")) {  // lossy: a key frame's start code, then 14-bit sizes
        if (bytes[23] != 0x9D || bytes[24] != 0x01 || bytes[25] != 0x2A) return std::nullopt;
        return ImageSize{little_endian(bytes, 26, 2) & 0x3FFFu, little_endian(bytes, 28, 2) & 0x3FFFu, "webp"};
    }
    return std::nullopt;
}

std::optional<ImageSize> tiff_size(Bytes bytes) {
    const bool little = starts_with(bytes, std::string_view("II*\0", 4));
    if (!little && !starts_with(bytes, std::string_view("MM\0*", 4))) return std::nullopt;
    const auto read = [&](std::size_t at, std::size_t width) {
        return little ? little_endian(bytes, at, width) : big_endian(bytes, at, width);
    };
    if (bytes.size() < 8) return std::nullopt;
    const std::uint64_t ifd = read(4, 4);
    if (ifd + 2 > bytes.size()) return std::nullopt;
    const std::uint32_t entries = read(ifd, 2);
    std::optional<std::uint64_t> width;
    std::optional<std::uint64_t> height;
    for (std::uint32_t i = 0; i < entries; ++i) {
        const std::uint64_t entry = ifd + 2 + 12ULL * i;  // tag(2) type(2) count(4) value(4)
        if (entry + 12 > bytes.size()) return std::nullopt;
        const std::uint32_t tag = read(entry, 2);
        const std::uint32_t type = read(entry + 2, 2);
        if (tag != 256 && tag != 257) continue;
        std::uint64_t value = 0;
        if (type == 3) value = read(entry + 8, 2);       // SHORT, left-justified in the value field
        else if (type == 4) value = read(entry + 8, 4);  // LONG
        else return std::nullopt;
        (tag == 256 ? width : height) = value;
    }
    if (!width || !height) return std::nullopt;
    return ImageSize{*width, *height, "tiff"};
}

}  // namespace

std::optional<ImageSize> read_image_size(std::span<const std::uint8_t> bytes) {
    using Reader = std::optional<ImageSize> (*)(Bytes);
    for (const Reader reader : std::array<Reader, 6>{png_size, jpeg_size, gif_size, bmp_size, webp_size, tiff_size}) {
        if (auto size = reader(bytes)) return size;
    }
    return std::nullopt;
}

std::optional<std::string> exceeds_pixel_limit(std::span<const std::uint8_t> bytes, std::uint64_t max_pixels) {
    const std::optional<ImageSize> size = read_image_size(bytes);
    if (!size || size->pixels() <= max_pixels) return std::nullopt;
    return std::to_string(size->width) + " x " + std::to_string(size->height) + " = " + std::to_string(size->pixels()) +
           " pixels, above max_pixels (" + std::to_string(max_pixels) + ")";
}

}  // namespace evalpanel::image
