#include "image_payload.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <tuple>
#include <utility>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "base64.hpp"
#include "exif_orientation.hpp"
#include "fake_llama_server.hpp"
#include "test_images.hpp"

namespace evalpanel::plugins::openai_vision {
namespace {

using fakes::llama_server::base64_decode;

std::vector<std::uint8_t> bytes_of(const std::string& text) { return {text.begin(), text.end()}; }

cv::Mat decode_uri(const std::string& uri, const std::string& prefix) {
    EXPECT_EQ(uri.rfind(prefix, 0), 0u) << uri.substr(0, 40);
    const auto bytes = base64_decode(uri.substr(prefix.size()));
    EXPECT_TRUE(bytes);
    return bytes ? cv::imdecode(*bytes, cv::IMREAD_UNCHANGED) : cv::Mat();
}

// --- Hand-made PNGs, for the layouts cv::imencode does not write (palette, tRNS, grey + alpha, 1 bit) ---

std::uint32_t png_crc(const std::uint8_t* bytes, std::size_t size) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < size; ++i) {
        crc ^= bytes[i];
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void put_be32(std::vector<std::uint8_t>& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(value >> shift));
}

void put_chunk(std::vector<std::uint8_t>& png, const std::string& type, const std::vector<std::uint8_t>& data) {
    put_be32(png, static_cast<std::uint32_t>(data.size()));
    const std::size_t start = png.size();
    png.insert(png.end(), type.begin(), type.end());
    png.insert(png.end(), data.begin(), data.end());
    put_be32(png, png_crc(&png[start], png.size() - start));
}

// A zlib stream of stored (uncompressed) deflate blocks.
std::vector<std::uint8_t> zlib_stored(const std::vector<std::uint8_t>& raw) {
    std::vector<std::uint8_t> out{0x78, 0x01};
    std::size_t at = 0;
    do {
        const std::size_t n = std::min<std::size_t>(raw.size() - at, 65535);
        out.push_back(at + n == raw.size() ? 1 : 0);
        out.push_back(static_cast<std::uint8_t>(n & 0xFF));
        out.push_back(static_cast<std::uint8_t>(n >> 8));
        out.push_back(static_cast<std::uint8_t>(~n & 0xFF));
        out.push_back(static_cast<std::uint8_t>((~n >> 8) & 0xFF));
        out.insert(out.end(), raw.begin() + static_cast<std::ptrdiff_t>(at),
                   raw.begin() + static_cast<std::ptrdiff_t>(at + n));
        at += n;
    } while (at < raw.size());
    std::uint32_t a = 1, b = 0;
    for (const std::uint8_t byte : raw) {
        a = (a + byte) % 65521;
        b = (b + a) % 65521;
    }
    put_be32(out, (b << 16) | a);
    return out;
}

// rows: each row's packed sample bytes (no filter byte). extra: chunks placed between IHDR and IDAT.
std::vector<std::uint8_t> make_png(int width, int bit_depth, int colour_type,
                                   const std::vector<std::vector<std::uint8_t>>& rows,
                                   const std::vector<std::pair<std::string, std::vector<std::uint8_t>>>& extra = {}) {
    std::vector<std::uint8_t> png{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    std::vector<std::uint8_t> ihdr;
    put_be32(ihdr, static_cast<std::uint32_t>(width));
    put_be32(ihdr, static_cast<std::uint32_t>(rows.size()));
    ihdr.insert(ihdr.end(), {static_cast<std::uint8_t>(bit_depth), static_cast<std::uint8_t>(colour_type), 0, 0, 0});
    put_chunk(png, "IHDR", ihdr);
    for (const auto& [type, data] : extra) put_chunk(png, type, data);
    std::vector<std::uint8_t> raw;
    for (const auto& row : rows) {
        raw.push_back(0);  // filter: none
        raw.insert(raw.end(), row.begin(), row.end());
    }
    put_chunk(png, "IDAT", zlib_stored(raw));
    put_chunk(png, "IEND", {});
    return png;
}

cv::Mat opencv_colour(const std::vector<std::uint8_t>& bytes) { return cv::imdecode(bytes, cv::IMREAD_COLOR); }

TEST(Base64, MatchesRfc4648Vectors) {
    EXPECT_EQ(base64_encode(bytes_of("")), "");
    EXPECT_EQ(base64_encode(bytes_of("f")), "Zg==");
    EXPECT_EQ(base64_encode(bytes_of("fo")), "Zm8=");
    EXPECT_EQ(base64_encode(bytes_of("foo")), "Zm9v");
    EXPECT_EQ(base64_encode(bytes_of("foob")), "Zm9vYg==");
    EXPECT_EQ(base64_encode(bytes_of("fooba")), "Zm9vYmE=");
    EXPECT_EQ(base64_encode(bytes_of("foobar")), "Zm9vYmFy");
    EXPECT_EQ(base64_encode(std::vector<std::uint8_t>{0xfb, 0xff, 0xbf}), "+/+/");
}

TEST(FittedSize, ShrinksTheLongestSideToMaxSideKeepingTheAspectRatio) {
    EXPECT_EQ(fitted_size({3000, 1000}, 1536), cv::Size(1536, 512));
    EXPECT_EQ(fitted_size({1000, 3000}, 1536), cv::Size(512, 1536));
    EXPECT_EQ(fitted_size({2000, 2000}, 1536), cv::Size(1536, 1536));
    EXPECT_EQ(fitted_size({1001, 333}, 500), cv::Size(500, 166));  // 166.33 rounds down
    EXPECT_EQ(fitted_size({1000, 335}, 500), cv::Size(500, 168));  // 167.5 rounds up
}

TEST(FittedSize, NeverEnlargesAndKeepsAtLeastOnePixel) {
    EXPECT_EQ(fitted_size({800, 600}, 1536), cv::Size(800, 600));
    EXPECT_EQ(fitted_size({1536, 20}, 1536), cv::Size(1536, 20));
    EXPECT_EQ(fitted_size({5000, 2}, 100), cv::Size(100, 1));
}

TEST(DecodeToBgr, ColourComesBackAsItWas) {
    const cv::Mat original = test::pattern(40, 30);
    const auto decoded = decode_to_bgr(test::encode_png(original));
    ASSERT_TRUE(decoded);
    EXPECT_EQ(test::max_difference(*decoded, original), 0);
}

TEST(DecodeToBgr, GreyIsExpandedToThreeEqualChannels) {
    cv::Mat grey(4, 5, CV_8UC1);
    for (int i = 0; i < 20; ++i) grey.data[i] = static_cast<std::uint8_t>(i * 12);
    const auto decoded = decode_to_bgr(test::encode_png(grey));
    ASSERT_TRUE(decoded);
    ASSERT_EQ(decoded->type(), CV_8UC3);
    EXPECT_EQ(decoded->at<cv::Vec3b>(3, 4), cv::Vec3b(228, 228, 228));
}

TEST(DecodeToBgr, TransparencyBecomesWhitePaper) {
    cv::Mat bgra(1, 3, CV_8UC4);
    bgra.at<cv::Vec4b>(0, 0) = {0, 0, 0, 0};        // fully transparent black: white
    bgra.at<cv::Vec4b>(0, 1) = {0, 0, 0, 255};      // opaque black stays black
    bgra.at<cv::Vec4b>(0, 2) = {100, 0, 200, 128};  // half: blended toward white
    const auto decoded = decode_to_bgr(test::encode_png(bgra));
    ASSERT_TRUE(decoded);
    ASSERT_EQ(decoded->type(), CV_8UC3);
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 0), cv::Vec3b(255, 255, 255));
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 1), cv::Vec3b(0, 0, 0));
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 2), cv::Vec3b(177, 127, 227));  // (v*128 + 255*127 + 127) / 255
}

TEST(DecodeToBgr, SixteenBitSamplesAreNarrowed) {
    cv::Mat wide(1, 2, CV_16UC3, cv::Scalar(65535, 0, 32896));
    const auto decoded = decode_to_bgr(test::encode_png(wide));
    ASSERT_TRUE(decoded);
    ASSERT_EQ(decoded->type(), CV_8UC3);
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 1), cv::Vec3b(255, 0, 128));
}

// The JPEG with an EXIF APP1 segment right after SOI whose only entry is Orientation = `orientation`.
std::vector<std::uint8_t> with_exif_orientation(std::vector<std::uint8_t> jpeg, std::uint8_t orientation) {
    const std::vector<std::uint8_t> app1{
        0xFF, 0xE1, 0x00, 0x22,                          // APP1, length 34 (itself included)
        'E', 'x', 'i', 'f', 0, 0,                        // EXIF header
        'I', 'I', 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00,    // TIFF, little endian, IFD0 at offset 8
        0x01, 0x00,                                      // one entry
        0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00,  // tag 0x0112 Orientation, SHORT, count 1
        orientation, 0x00, 0x00, 0x00,                   // value
        0x00, 0x00, 0x00, 0x00};                         // no next IFD
    jpeg.insert(jpeg.begin() + 2, app1.begin(), app1.end());
    return jpeg;
}

// The same, big-endian ("MM") TIFF block.
std::vector<std::uint8_t> with_exif_orientation_mm(std::vector<std::uint8_t> jpeg, std::uint8_t orientation) {
    const std::vector<std::uint8_t> app1{
        0xFF, 0xE1, 0x00, 0x22,
        'E', 'x', 'i', 'f', 0, 0,
        'M', 'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
        0x00, 0x01,
        0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01,
        0x00, orientation, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00};
    jpeg.insert(jpeg.begin() + 2, app1.begin(), app1.end());
    return jpeg;
}

// What each orientation means, written out independently of the decoder: the upright image from the
// stored one.
cv::Mat upright(const cv::Mat& stored, int orientation) {
    cv::Mat out;
    switch (orientation) {
        case 2: cv::flip(stored, out, 1); break;
        case 3: cv::rotate(stored, out, cv::ROTATE_180); break;
        case 4: cv::flip(stored, out, 0); break;
        case 5: cv::transpose(stored, out); break;
        case 6: cv::rotate(stored, out, cv::ROTATE_90_CLOCKWISE); break;
        case 7: cv::transpose(stored, out); cv::rotate(out, out, cv::ROTATE_180); break;
        case 8: cv::rotate(stored, out, cv::ROTATE_90_COUNTERCLOCKWISE); break;
        default: out = stored.clone();
    }
    return out;
}

TEST(DecodeToBgr, ExifOrientationIsApplied) {  // servers (stb_image) ignore it; a phone photo must arrive upright
    const auto rotated = decode_to_bgr(with_exif_orientation(test::encode_jpeg(test::pattern(40, 20)), 6));
    ASSERT_TRUE(rotated);
    EXPECT_EQ(rotated->size(), cv::Size(20, 40));
}

TEST(DecodeToBgr, EveryExifOrientationInBothByteOrdersMatchesOpenCv) {
    const std::vector<std::uint8_t> jpeg = test::encode_jpeg(test::pattern(40, 20));
    const auto stored = decode_to_bgr(jpeg);
    ASSERT_TRUE(stored);
    EXPECT_EQ(test::max_difference(*stored, opencv_colour(jpeg)), 0);  // same libjpeg decode
    for (int orientation = 1; orientation <= 8; ++orientation) {
        const auto o = static_cast<std::uint8_t>(orientation);
        for (const auto& bytes : {with_exif_orientation(jpeg, o), with_exif_orientation_mm(jpeg, o)}) {
            SCOPED_TRACE("orientation " + std::to_string(orientation) + (bytes[12] == 'M' ? " MM" : " II"));
            EXPECT_EQ(jpeg_exif_orientation(bytes), orientation);
            const auto decoded = decode_to_bgr(bytes);
            ASSERT_TRUE(decoded);
            EXPECT_EQ(decoded->size(), orientation >= 5 ? cv::Size(20, 40) : cv::Size(40, 20));
            EXPECT_EQ(test::max_difference(*decoded, upright(*stored, orientation)), 0);
            EXPECT_EQ(test::max_difference(*decoded, opencv_colour(bytes)), 0);
        }
    }
}

TEST(ExifOrientation, MissingMalformedOrOutOfRangeMeansUpright) {
    const std::vector<std::uint8_t> jpeg = test::encode_jpeg(test::pattern(8, 8));
    EXPECT_EQ(jpeg_exif_orientation(jpeg), 1);
    EXPECT_EQ(jpeg_exif_orientation(with_exif_orientation(jpeg, 0)), 1);
    EXPECT_EQ(jpeg_exif_orientation(with_exif_orientation(jpeg, 9)), 1);
    std::vector<std::uint8_t> no_tag = with_exif_orientation(jpeg, 6);
    no_tag[22] = 0x13;  // the one entry is tag 0x0113, not Orientation
    EXPECT_EQ(jpeg_exif_orientation(no_tag), 1);
    EXPECT_EQ(jpeg_exif_orientation({}), 1);
    EXPECT_EQ(jpeg_exif_orientation(bytes_of("not a jpeg at all")), 1);
    EXPECT_EQ(jpeg_exif_orientation(test::encode_png(test::pattern(8, 8))), 1);
    std::vector<std::uint8_t> bad_order = with_exif_orientation(jpeg, 6);
    bad_order[12] = 'X';  // byte order neither II nor MM
    EXPECT_EQ(jpeg_exif_orientation(bad_order), 1);
    std::vector<std::uint8_t> long_ifd = with_exif_orientation(jpeg, 6);
    long_ifd[20] = 0xFF;  // 255 entries claimed, one present: the one is found, nothing read past the end
    EXPECT_EQ(jpeg_exif_orientation(long_ifd), 6);
    const std::vector<std::uint8_t> oriented = with_exif_orientation(jpeg, 6);
    for (std::size_t size = 0; size < 2 + 34; ++size)  // every cut inside SOI + APP1: no over-read, upright
        EXPECT_EQ(jpeg_exif_orientation(std::span(oriented).first(size)), 1) << size;
}

TEST(DecodeToBgr, GreyJpegIsExpandedLikeOpenCv) {
    const std::vector<std::uint8_t> jpeg = test::encode_jpeg(cv::Mat(6, 9, CV_8UC1, cv::Scalar(77)));
    const auto decoded = decode_to_bgr(jpeg);
    ASSERT_TRUE(decoded);
    ASSERT_EQ(decoded->type(), CV_8UC3);
    EXPECT_EQ(test::max_difference(*decoded, opencv_colour(jpeg)), 0);
}

TEST(DecodeToBgr, PaletteWithTransparencyIsCompositedOnWhite) {
    const auto png = make_png(3, 8, 3, {{0, 1, 2}},
                              {{"PLTE", {255, 0, 0, 0, 0, 0, 0, 0, 255}},  // red, black, blue
                               {"tRNS", {0, 255, 128}}});                   // transparent, opaque, half
    const auto decoded = decode_to_bgr(png);
    ASSERT_TRUE(decoded);
    ASSERT_EQ(decoded->type(), CV_8UC3);
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 0), cv::Vec3b(255, 255, 255));
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 1), cv::Vec3b(0, 0, 0));
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 2), cv::Vec3b(255, 127, 127));
}

TEST(DecodeToBgr, OneBitPaletteWithTransparencyKeepsBlackTextReadable) {
    // Index 0 transparent black, index 1 opaque black: the typical "black text on nothing" icon.
    const auto png = make_png(3, 1, 3, {{0b0100'0000}}, {{"PLTE", {0, 0, 0, 0, 0, 0}}, {"tRNS", {0}}});
    const auto decoded = decode_to_bgr(png);
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 0), cv::Vec3b(255, 255, 255));
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 1), cv::Vec3b(0, 0, 0));
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 2), cv::Vec3b(255, 255, 255));
}

TEST(DecodeToBgr, OpaquePaletteKeepsItsColours) {
    const auto png = make_png(4, 4, 3, {{0x01, 0x23}}, {{"PLTE", {10, 20, 30, 40, 50, 60, 70, 80, 90, 1, 2, 3}}});
    const auto decoded = decode_to_bgr(png);
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 0), cv::Vec3b(30, 20, 10));
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 1), cv::Vec3b(60, 50, 40));
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 2), cv::Vec3b(90, 80, 70));
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 3), cv::Vec3b(3, 2, 1));
    EXPECT_EQ(test::max_difference(*decoded, opencv_colour(png)), 0);
}

TEST(DecodeToBgr, GreyPlusAlphaIsCompositedOnWhite) {
    const auto png = make_png(3, 8, 4, {{0, 0, 0, 255, 200, 128}});
    const auto decoded = decode_to_bgr(png);
    ASSERT_TRUE(decoded);
    ASSERT_EQ(decoded->type(), CV_8UC3);
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 0), cv::Vec3b(255, 255, 255));
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 1), cv::Vec3b(0, 0, 0));
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 2), cv::Vec3b(227, 227, 227));  // (200*128 + 255*127 + 127) / 255
}

TEST(DecodeToBgr, RgbWithATransparentColourTurnsThatColourWhite) {
    const auto png = make_png(2, 8, 2, {{10, 20, 30, 10, 20, 31}}, {{"tRNS", {0, 10, 0, 20, 0, 30}}});
    const auto decoded = decode_to_bgr(png);
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 0), cv::Vec3b(255, 255, 255));
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 1), cv::Vec3b(31, 20, 10));
    const cv::Mat with_alpha = cv::imdecode(png, cv::IMREAD_UNCHANGED);  // what OpenCV made of it
    ASSERT_EQ(with_alpha.type(), CV_8UC4);
    EXPECT_EQ(with_alpha.at<cv::Vec4b>(0, 0)[3], 0);
}

TEST(DecodeToBgr, RgbWithAShortTransparencyChunkKeysNothing) {
    const auto png = make_png(2, 8, 2, {{0, 0, 0, 10, 20, 30}}, {{"tRNS", {0, 0}}});  // 2 bytes: no colour
    const auto decoded = decode_to_bgr(png);
    if (!decoded) return;  // refusing a malformed file is fine too; turning black into white is not
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 0), cv::Vec3b(0, 0, 0));
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 1), cv::Vec3b(30, 20, 10));
}

TEST(DecodeToBgr, GreyWithATransparentLevelStaysGreyAsWithOpenCv) {
    // Leptonica alone would make the whole image transparent (so: white); OpenCV ignored the chunk.
    const auto png = make_png(3, 8, 0, {{0, 100, 255}}, {{"tRNS", {0, 0}}});
    const auto decoded = decode_to_bgr(png);
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 0), cv::Vec3b(0, 0, 0));
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 1), cv::Vec3b(100, 100, 100));
    EXPECT_EQ(test::max_difference(*decoded, opencv_colour(png)), 0);
}

TEST(DecodeToBgr, OneBitGreyIsBlackAndWhite) {
    const auto png = make_png(3, 1, 0, {{0b1010'0000}});
    const auto decoded = decode_to_bgr(png);
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 0), cv::Vec3b(255, 255, 255));
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 1), cv::Vec3b(0, 0, 0));
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 2), cv::Vec3b(255, 255, 255));
    EXPECT_EQ(test::max_difference(*decoded, opencv_colour(png)), 0);
}

TEST(DecodeToBgr, SixteenBitGreyAndAlphaAreNarrowedWithinOneOfOpenCv) {
    // Leptonica keeps the high byte (v >> 8); OpenCV rounded v / 257. They differ by at most 1.
    const std::vector<std::uint16_t> levels{0, 0x00FF, 0x7F80, 0x8080, 0xFF00, 0xFFFF};
    cv::Mat grey(1, static_cast<int>(levels.size()), CV_16UC1);
    for (std::size_t i = 0; i < levels.size(); ++i) grey.at<std::uint16_t>(0, static_cast<int>(i)) = levels[i];
    const auto decoded = decode_to_bgr(test::encode_png(grey));
    ASSERT_TRUE(decoded);
    ASSERT_EQ(decoded->type(), CV_8UC3);
    for (std::size_t i = 0; i < levels.size(); ++i) {
        const cv::Vec3b pixel = decoded->at<cv::Vec3b>(0, static_cast<int>(i));
        EXPECT_EQ(pixel[0], pixel[1]);
        EXPECT_EQ(pixel[1], pixel[2]);
        EXPECT_LE(std::abs(pixel[0] - static_cast<int>(std::lround(levels[i] / 257.0))), 1) << levels[i];
    }
    EXPECT_EQ(decoded->at<cv::Vec3b>(0, 5), cv::Vec3b(255, 255, 255));

    cv::Mat bgra(1, 2, CV_16UC4);
    bgra.at<cv::Vec4w>(0, 0) = {0, 0, 0, 0};          // transparent: white
    bgra.at<cv::Vec4w>(0, 1) = {0, 65535, 0, 65535};  // opaque green
    const auto composited = decode_to_bgr(test::encode_png(bgra));
    ASSERT_TRUE(composited);
    EXPECT_EQ(composited->at<cv::Vec3b>(0, 0), cv::Vec3b(255, 255, 255));
    EXPECT_EQ(composited->at<cv::Vec3b>(0, 1), cv::Vec3b(0, 255, 0));
}

TEST(DecodeToBgr, CutOrBrokenPngIsRefusedWithoutAWordOnStderr) {
    const std::vector<std::uint8_t> png = test::encode_png(test::pattern(50, 50));
    std::vector<std::uint8_t> no_iend = png;
    no_iend.resize(no_iend.size() - 12);
    std::vector<std::uint8_t> no_ihdr = png;
    no_ihdr[12] = 'X';
    testing::internal::CaptureStderr();
    EXPECT_FALSE(decode_to_bgr(bytes_of("this is not an image at all")));
    EXPECT_FALSE(decode_to_bgr(bytes_of("P5")));
    EXPECT_FALSE(decode_to_bgr(std::span(png).first(png.size() / 3)));
    EXPECT_FALSE(decode_to_bgr(std::span(png).first(20)));
    EXPECT_FALSE(decode_to_bgr(no_iend));
    EXPECT_FALSE(decode_to_bgr(no_ihdr));
    EXPECT_FALSE(decode_to_bgr(std::vector<std::uint8_t>{0xFF, 0xD8, 0xFF}));
    EXPECT_FALSE(decode_to_bgr(bytes_of("%!PS-Adobe-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n")));
    EXPECT_FALSE(decode_to_bgr(bytes_of("%PDF-1.4\n1 0 obj << >> endobj\n")));
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

TEST(DecodeToBgr, TruncatedJpegDecodesAsFarAsItGoesLikeOpenCv) {
    cv::Mat noise(64, 64, CV_8UC3);
    cv::randu(noise, 0, 256);
    std::vector<std::uint8_t> jpeg = test::encode_jpeg(noise);
    jpeg.resize(jpeg.size() * 2 / 3);
    const auto decoded = decode_to_bgr(jpeg);
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->size(), cv::Size(64, 64));
    // The rows the data still covers are the same; what fills the rest is the decoders' own (Leptonica:
    // grey 128, OpenCV: repeated data).
    const cv::Rect top(0, 0, 64, 16);
    EXPECT_EQ(test::max_difference((*decoded)(top).clone(), opencv_colour(jpeg)(top).clone()), 0);
}

TEST(DecodeToBgr, OtherFormatsDecodeAsOpenCvDecodedThem) {
    const cv::Mat colour = test::pattern(67, 45);  // JPEG 2000's default 6 resolution levels need > 32 pixels
    cv::Mat grey;
    cv::cvtColor(colour, grey, cv::COLOR_BGR2GRAY);
    cv::Mat with_alpha;
    cv::cvtColor(colour, with_alpha, cv::COLOR_BGR2BGRA);
    const std::vector<std::tuple<std::string, cv::Mat, std::vector<int>>> cases{
        {".bmp", colour, {}},  {".bmp", with_alpha, {}},  // 32 bpp BMP: Leptonica 1.82 swaps red and blue
        {".tiff", colour, {}}, {".ppm", colour, {}},       {".pgm", grey, {}},
        {".webp", colour, {cv::IMWRITE_WEBP_QUALITY, 101}},  // 101: lossless
        {".jp2", colour, {}}};
    for (const auto& [extension, image, parameters] : cases) {
        SCOPED_TRACE(extension);
        std::vector<std::uint8_t> bytes;
        ASSERT_TRUE(cv::imencode(extension, image, bytes, parameters));
        const auto decoded = decode_to_bgr(bytes);
        ASSERT_TRUE(decoded);
        EXPECT_EQ(test::max_difference(*decoded, opencv_colour(bytes)), 0);
    }
}

TEST(DecodeToBgr, EmptyOrGarbageIsNotAnImage) {
    EXPECT_FALSE(decode_to_bgr({}));
    EXPECT_FALSE(decode_to_bgr(bytes_of("this is not an image at all")));
    std::vector<std::uint8_t> cut = test::encode_png(test::pattern(50, 50));
    cut.resize(cut.size() / 3);
    EXPECT_FALSE(decode_to_bgr(cut));
}

TEST(MakePayload, PngIsLosslessAndSentAsAPngDataUri) {
    const cv::Mat original = test::pattern(64, 48);
    const auto payload = make_payload(test::encode_png(original), 1536, ImageFormat::png, 90);
    ASSERT_TRUE(payload);
    EXPECT_EQ(payload->original, cv::Size(64, 48));
    EXPECT_EQ(payload->sent, cv::Size(64, 48));
    EXPECT_STREQ(payload->mime, "image/png");
    const cv::Mat received = decode_uri(payload->data_uri, "data:image/png;base64,");
    EXPECT_EQ(test::max_difference(received, original), 0);
}

TEST(MakePayload, JpegIsCloseAndSentAsAJpegDataUri) {
    cv::Mat smooth(48, 64, CV_8UC3);
    for (int y = 0; y < 48; ++y)
        for (int x = 0; x < 64; ++x) smooth.at<cv::Vec3b>(y, x) = cv::Vec3b(x * 3, y * 4, 128);
    const auto payload = make_payload(test::encode_png(smooth), 1536, ImageFormat::jpeg, 95);
    ASSERT_TRUE(payload);
    EXPECT_STREQ(payload->mime, "image/jpeg");
    const cv::Mat received = decode_uri(payload->data_uri, "data:image/jpeg;base64,");
    const int difference = test::max_difference(received, smooth);
    EXPECT_GE(difference, 0);
    EXPECT_LE(difference, 12);
}

TEST(MakePayload, JpegQualityChangesTheBytes) {
    const std::vector<std::uint8_t> png = test::encode_png(test::pattern(64, 64));
    const auto low = make_payload(png, 1536, ImageFormat::jpeg, 10);
    const auto high = make_payload(png, 1536, ImageFormat::jpeg, 100);
    ASSERT_TRUE(low && high);
    EXPECT_LT(low->encoded_bytes, high->encoded_bytes);
}

TEST(MakePayload, LargeImagesAreShrunkWithAreaAveraging) {
    // 2x2 blocks of one value each: INTER_AREA at exactly half size gives those values back.
    cv::Mat blocks(40, 60, CV_8UC3);
    for (int y = 0; y < 40; ++y)
        for (int x = 0; x < 60; ++x) blocks.at<cv::Vec3b>(y, x) = cv::Vec3b((x / 2) * 8, (y / 2) * 12, 50);
    cv::Mat half(20, 30, CV_8UC3);
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 30; ++x) half.at<cv::Vec3b>(y, x) = cv::Vec3b(x * 8, y * 12, 50);
    const auto payload = make_payload(test::encode_png(blocks), 30, ImageFormat::png, 90);
    ASSERT_TRUE(payload);
    EXPECT_EQ(payload->sent, cv::Size(30, 20));
    EXPECT_EQ(test::max_difference(decode_uri(payload->data_uri, "data:image/png;base64,"), half), 0);
}

TEST(MakePayload, PngIsEightBitRgbAndJpegHasItsSize) {
    const auto png = make_payload(test::encode_png(test::pattern(33, 17)), 1536, ImageFormat::png, 90);
    ASSERT_TRUE(png);
    EXPECT_EQ(decode_uri(png->data_uri, "data:image/png;base64,").type(), CV_8UC3);
    const auto jpeg = make_payload(test::encode_png(test::pattern(33, 17)), 1536, ImageFormat::jpeg, 90);
    ASSERT_TRUE(jpeg);
    const cv::Mat received = decode_uri(jpeg->data_uri, "data:image/jpeg;base64,");
    EXPECT_EQ(received.size(), cv::Size(33, 17));
    EXPECT_EQ(received.type(), CV_8UC3);
}

TEST(MakePayload, ExifRotatedJpegIsSentUpright) {
    const auto payload =
        make_payload(with_exif_orientation(test::encode_jpeg(test::pattern(40, 20)), 8), 1536, ImageFormat::png, 90);
    ASSERT_TRUE(payload);
    EXPECT_EQ(payload->original, cv::Size(20, 40));
    EXPECT_EQ(decode_uri(payload->data_uri, "data:image/png;base64,").size(), cv::Size(20, 40));
}

// The bytes a data URI carries.
std::vector<std::uint8_t> uri_bytes(const std::string& uri, const std::string& prefix) {
    EXPECT_EQ(uri.rfind(prefix, 0), 0u) << uri.substr(0, 40);
    return base64_decode(uri.substr(prefix.size())).value_or(std::vector<std::uint8_t>{});
}

TEST(MakePayload, AnRgbPngThatNeedsNoChangeIsSentByteForByte) {
    const std::vector<std::uint8_t> png = test::encode_png(test::pattern(64, 48));
    const auto payload = make_payload(png, 1536, ImageFormat::png, 90);
    ASSERT_TRUE(payload);
    EXPECT_EQ(payload->encoded_bytes, png.size());
    EXPECT_EQ(uri_bytes(payload->data_uri, "data:image/png;base64,"), png);
    // Shrunk, or asked for as JPEG, it is encoded anew.
    EXPECT_NE(make_payload(png, 32, ImageFormat::png, 90)->encoded_bytes, png.size());
    EXPECT_STREQ(make_payload(png, 1536, ImageFormat::jpeg, 90)->mime, "image/jpeg");
}

TEST(MakePayload, GreyPngIsStillSentAsRgbAndACorruptOneIsRefused) {
    cv::Mat grey(20, 30, CV_8UC1, cv::Scalar(77));
    const std::vector<std::uint8_t> png = test::encode_png(grey);
    const auto payload = make_payload(png, 1536, ImageFormat::png, 90);
    ASSERT_TRUE(payload);
    EXPECT_EQ(decode_uri(payload->data_uri, "data:image/png;base64,").type(), CV_8UC3);
    // An RGB PNG whose image data is damaged is refused, not passed on to the server as it came.
    std::vector<std::uint8_t> damaged = test::encode_png(test::pattern(64, 48));
    for (std::size_t i = 60; i < damaged.size() - 20; ++i) damaged[i] = static_cast<std::uint8_t>(damaged[i] ^ 0x5A);
    EXPECT_FALSE(make_payload(damaged, 1536, ImageFormat::png, 90));
}

TEST(MakePayload, UndecodableInputHasNoPayload) {
    EXPECT_FALSE(make_payload(bytes_of("RIFF"), 1536, ImageFormat::png, 90));
}

}  // namespace
}  // namespace evalpanel::plugins::openai_vision
