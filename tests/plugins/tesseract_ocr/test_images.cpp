#include "test_images.hpp"

#include <algorithm>
#include <stdexcept>
#include <string_view>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace evalpanel::plugins::tesseract_ocr::test {
namespace {

// The PNG chunk CRC (ISO 3309), bit by bit: tests only build a few chunks.
std::uint32_t crc32(const std::uint8_t* data, std::size_t size) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < size; ++i) {
        crc ^= data[i];
        for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void put_be32(std::vector<std::uint8_t>& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(value >> shift));
}

}  // namespace

cv::Mat render_text(const std::string& text, double scale) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
        lines.push_back(text.substr(start, end - start));
    lines.push_back(text.substr(start));

    const int font = cv::FONT_HERSHEY_SIMPLEX;
    const int thickness = 3;
    int baseline = 0;
    const cv::Size glyph = cv::getTextSize("Hg", font, scale, thickness, &baseline);
    const int pitch = glyph.height * 2;
    int widest = 0;
    for (const std::string& line : lines)
        widest = std::max(widest, cv::getTextSize(line, font, scale, thickness, &baseline).width);
    const int margin = glyph.height * 2;
    cv::Mat image(2 * margin + static_cast<int>(lines.size()) * pitch, 2 * margin + widest, CV_8UC1,
                  cv::Scalar(255));
    for (std::size_t i = 0; i < lines.size(); ++i)
        cv::putText(image, lines[i], {margin, margin + glyph.height + static_cast<int>(i) * pitch}, font,
                    scale, cv::Scalar(0), thickness, cv::LINE_AA);
    return image;
}

std::vector<std::uint8_t> encode_png(const cv::Mat& image) {
    std::vector<std::uint8_t> bytes;
    if (!cv::imencode(".png", image, bytes)) throw std::runtime_error("PNG encoding failed");
    return bytes;
}

std::vector<std::uint8_t> encode_jpeg(const cv::Mat& image) {
    std::vector<std::uint8_t> bytes;
    if (!cv::imencode(".jpg", image, bytes, {cv::IMWRITE_JPEG_QUALITY, 95}))
        throw std::runtime_error("JPEG encoding failed");
    return bytes;
}

std::vector<std::uint8_t> with_phys(std::vector<std::uint8_t> png, std::uint32_t per_unit,
                                    std::uint8_t unit) {
    std::vector<std::uint8_t> chunk;
    put_be32(chunk, 9);
    for (char c : std::string_view("pHYs")) chunk.push_back(static_cast<std::uint8_t>(c));
    put_be32(chunk, per_unit);
    put_be32(chunk, per_unit);
    chunk.push_back(unit);
    put_be32(chunk, crc32(chunk.data() + 4, chunk.size() - 4));
    constexpr std::size_t kAfterIhdr = 8 + 4 + 4 + 13 + 4;  // signature, then IHDR's length, type, data, CRC
    png.insert(png.begin() + kAfterIhdr, chunk.begin(), chunk.end());
    return png;
}

std::vector<std::uint8_t> with_jfif_density(std::vector<std::uint8_t> jpeg, std::uint8_t unit,
                                            std::uint16_t density) {
    // SOI (2), APP0 marker (2), length (2), "JFIF\0" (5), version (2), then unit and densities.
    if (jpeg.size() < 18 ||
        std::string_view(reinterpret_cast<const char*>(jpeg.data()) + 6, 5) != std::string_view("JFIF\0", 5))
        throw std::runtime_error("expected a JFIF APP0 segment right after SOI");
    jpeg[13] = unit;
    for (std::size_t at : {14u, 16u}) {
        jpeg[at] = static_cast<std::uint8_t>(density >> 8);
        jpeg[at + 1] = static_cast<std::uint8_t>(density & 0xFF);
    }
    return jpeg;
}

std::vector<std::uint8_t> with_app1_first(std::vector<std::uint8_t> jpeg) {
    const std::vector<std::uint8_t> app1{0xFF, 0xE1, 0x00, 0x0A, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M'};
    jpeg.insert(jpeg.begin() + 2, app1.begin(), app1.end());
    return jpeg;
}

}  // namespace evalpanel::plugins::tesseract_ocr::test
