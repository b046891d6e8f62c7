// Image helpers for plugins: an image's size read from its header, without decoding it, so that a
// decompression bomb (a few kilobytes of PNG that decode to gigabytes of pixels) is refused before any
// decoder allocates for it.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace evalpanel::image {

struct ImageSize {
    std::uint64_t width = 0;
    std::uint64_t height = 0;
    std::string_view format;  // "png", "jpeg", "gif", "bmp", "webp", "tiff"

    std::uint64_t pixels() const { return width * height; }  // both fit in 32 bits: no overflow
};

// The width and height an image declares in its header: PNG (IHDR), JPEG (the first SOFn frame), GIF
// (logical screen), BMP, WebP (VP8, VP8L, VP8X) and TIFF (the first IFD). nullopt for other formats and
// for headers that are cut short or malformed. Reads only the bytes it needs; never throws.
std::optional<ImageSize> read_image_size(std::span<const std::uint8_t> bytes);

// When the header declares more than max_pixels pixels: "W x H = N pixels, above max_pixels (M)", for a
// plugin to put after "image NAME is ". nullopt when within the limit or when the size cannot be read
// from the header (the decoder then decides; the decoders' own limits still apply).
std::optional<std::string> exceeds_pixel_limit(std::span<const std::uint8_t> bytes, std::uint64_t max_pixels);

// The default limit of the plugins' `max_pixels` option: 100 megapixels, about 10,000 x 10,000; as
// 8-bit RGB that is 300 MB decoded.
inline constexpr std::uint64_t kDefaultMaxPixels = 100'000'000;

}  // namespace evalpanel::image
