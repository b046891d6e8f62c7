#include "exif_orientation.hpp"

#include <cstring>

namespace evalpanel::plugins::openai_vision {
namespace {

std::uint32_t read16(std::span<const std::uint8_t> bytes, std::size_t at, bool big_endian) {
    return big_endian ? (std::uint32_t{bytes[at]} << 8) | bytes[at + 1]
                      : (std::uint32_t{bytes[at + 1]} << 8) | bytes[at];
}

std::uint32_t read32(std::span<const std::uint8_t> bytes, std::size_t at, bool big_endian) {
    const std::uint32_t high = read16(bytes, big_endian ? at : at + 2, big_endian);
    const std::uint32_t low = read16(bytes, big_endian ? at + 2 : at, big_endian);
    return (high << 16) | low;
}

// The Orientation entry of IFD0 in a TIFF block (the EXIF payload after "Exif\0\0").
int tiff_orientation(std::span<const std::uint8_t> tiff) {
    if (tiff.size() < 8) return 1;
    bool big_endian = false;
    if (tiff[0] == 'I' && tiff[1] == 'I') big_endian = false;
    else if (tiff[0] == 'M' && tiff[1] == 'M') big_endian = true;
    else return 1;
    if (read16(tiff, 2, big_endian) != 42) return 1;
    const std::size_t ifd = read32(tiff, 4, big_endian);
    if (ifd < 8 || ifd > tiff.size() - 2) return 1;
    const std::size_t entries = read16(tiff, ifd, big_endian);
    for (std::size_t i = 0; i < entries; ++i) {
        const std::size_t entry = ifd + 2 + 12 * i;
        if (entry > tiff.size() - 12) return 1;
        if (read16(tiff, entry, big_endian) != 0x0112) continue;
        constexpr std::uint32_t kShort = 3;
        if (read16(tiff, entry + 2, big_endian) != kShort || read32(tiff, entry + 4, big_endian) < 1) return 1;
        const std::uint32_t value = read16(tiff, entry + 8, big_endian);  // a SHORT sits left-aligned in the field
        return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
    }
    return 1;
}

}  // namespace

int jpeg_exif_orientation(std::span<const std::uint8_t> jpeg) {
    const std::size_t size = jpeg.size();
    if (size < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8) return 1;
    std::size_t at = 2;
    while (at + 4 <= size) {
        if (jpeg[at] != 0xFF) return 1;
        const std::uint8_t marker = jpeg[at + 1];
        if (marker == 0xFF) {  // fill byte before a marker
            ++at;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {  // markers without a length
            at += 2;
            continue;
        }
        if (marker == 0xDA || marker == 0xD9) return 1;  // start of scan, end of image: no metadata after
        const std::size_t length = read16(jpeg, at + 2, true);  // counts itself, not the marker
        if (length < 2 || length > size - at - 2) return 1;
        if (marker == 0xE1 && length >= 2 + 6 && std::memcmp(&jpeg[at + 4], "Exif\0\0", 6) == 0)
            return tiff_orientation(jpeg.subspan(at + 4 + 6, length - 2 - 6));
        at += 2 + length;
    }
    return 1;
}

cv::Mat apply_exif_orientation(const cv::Mat& image, int orientation) {
    cv::Mat out;
    switch (orientation) {
        case 2: cv::flip(image, out, 1); return out;
        case 3: cv::flip(image, out, -1); return out;
        case 4: cv::flip(image, out, 0); return out;
        case 5: cv::transpose(image, out); return out;
        case 6: cv::transpose(image, out); cv::flip(out, out, 1); return out;
        case 7: cv::transpose(image, out); cv::flip(out, out, -1); return out;
        case 8: cv::transpose(image, out); cv::flip(out, out, 0); return out;
        default: return image;
    }
}

}  // namespace evalpanel::plugins::openai_vision
