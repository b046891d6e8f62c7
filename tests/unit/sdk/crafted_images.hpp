// Image bytes written by hand for the pixel-limit tests: a header that claims any size, with almost no
// data behind it — what a decompression bomb looks like to a header reader.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace evalpanel::testing {

// CRC-32 (ISO 3309, as PNG uses it) of `type` followed by `data`.
inline std::uint32_t png_crc(std::string_view type, const std::vector<std::uint8_t>& data) {
    std::uint32_t crc = 0xFFFFFFFFu;
    const auto add = [&crc](std::uint8_t byte) {
        crc ^= byte;
        for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    };
    for (const char c : type) add(static_cast<std::uint8_t>(c));
    for (const std::uint8_t byte : data) add(byte);
    return crc ^ 0xFFFFFFFFu;
}

inline void append_be32(std::vector<std::uint8_t>& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(value >> shift));
}

inline void append_png_chunk(std::vector<std::uint8_t>& out, std::string_view type, const std::vector<std::uint8_t>& data) {
    append_be32(out, static_cast<std::uint32_t>(data.size()));
    out.insert(out.end(), type.begin(), type.end());
    out.insert(out.end(), data.begin(), data.end());
    append_be32(out, png_crc(type, data));
}

// A well-formed PNG header (signature, IHDR with valid CRC: 8-bit greyscale) declaring width x height,
// followed by an empty IDAT and IEND: 57 bytes whatever the size claimed.
inline std::vector<std::uint8_t> png_claiming(std::uint32_t width, std::uint32_t height) {
    std::vector<std::uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    std::vector<std::uint8_t> ihdr;
    append_be32(ihdr, width);
    append_be32(ihdr, height);
    ihdr.insert(ihdr.end(), {8, 0, 0, 0, 0});  // bit depth, colour type, compression, filter, interlace
    append_png_chunk(png, "IHDR", ihdr);
    append_png_chunk(png, "IDAT", {});
    append_png_chunk(png, "IEND", {});
    return png;
}

}  // namespace evalpanel::testing
