// evalpanel/image.hpp: sizes read from real images of every format OpenCV writes here, from crafted
// headers, and refusals of cut-short or malformed headers.
#include <evalpanel/image.hpp>

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include "crafted_images.hpp"

namespace evalpanel::image {
namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes encoded(const std::string& extension, int width, int height, std::vector<int> params = {}) {
    const cv::Mat pixels(height, width, CV_8UC3, cv::Scalar(40, 120, 200));
    Bytes out;
    if (!cv::imencode(extension, pixels, out, params)) ADD_FAILURE() << "OpenCV cannot write " << extension;
    return out;
}

void expect_size(const Bytes& bytes, std::uint64_t width, std::uint64_t height, std::string_view format) {
    const std::optional<ImageSize> size = read_image_size(bytes);
    ASSERT_TRUE(size.has_value()) << format;
    EXPECT_EQ(size->width, width) << format;
    EXPECT_EQ(size->height, height) << format;
    EXPECT_EQ(size->format, format);
}

TEST(ImageSize, ReadsEveryFormatOpenCvWrites) {
    expect_size(encoded(".png", 37, 21), 37, 21, "png");
    expect_size(encoded(".jpg", 37, 21), 37, 21, "jpeg");
    expect_size(encoded(".jpg", 37, 21, {cv::IMWRITE_JPEG_PROGRESSIVE, 1}), 37, 21, "jpeg");  // SOF2
    expect_size(encoded(".bmp", 37, 21), 37, 21, "bmp");
    expect_size(encoded(".webp", 37, 21, {cv::IMWRITE_WEBP_QUALITY, 80}), 37, 21, "webp");   // VP8, lossy
    expect_size(encoded(".webp", 37, 21, {cv::IMWRITE_WEBP_QUALITY, 101}), 37, 21, "webp");  // VP8L, lossless
    expect_size(encoded(".tif", 37, 21), 37, 21, "tiff");
}

TEST(ImageSize, ReadsGifAndBigEndianTiffHeaders) {
    const Bytes gif = {'G', 'I', 'F', '8', '9', 'a', 0x10, 0x27, 0x20, 0x4E, 0, 0, 0};  // 10000 x 20000
    expect_size(gif, 10'000, 20'000, "gif");
    // "MM", IFD at 8: two entries, ImageWidth LONG 70000 and ImageLength SHORT 3.
    const Bytes tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 2,
                        1, 0, 0, 4, 0, 0, 0, 1, 0, 1, 0x11, 0x70,
                        1, 1, 0, 3, 0, 0, 0, 1, 0, 3, 0, 0};
    expect_size(tiff, 70'000, 3, "tiff");
}

TEST(ImageSize, ReadsTheSizeACraftedPngClaims) {
    expect_size(testing::png_claiming(100'000, 100'000), 100'000, 100'000, "png");
}

TEST(ImageSize, SkipsJpegSegmentsBeforeTheFrame) {
    Bytes jpeg = encoded(".jpg", 5, 7);
    // An APP1 segment of 100 bytes inserted after SOI.
    Bytes app1 = {0xFF, 0xE1, 0, 102};
    app1.resize(app1.size() + 100, 0xAB);
    jpeg.insert(jpeg.begin() + 2, app1.begin(), app1.end());
    expect_size(jpeg, 5, 7, "jpeg");
}

TEST(ImageSize, EveryCutShortHeaderIsUnreadableNotACrash) {
    for (const std::string extension : {".png", ".jpg", ".bmp", ".webp", ".tif"}) {
        const Bytes whole = encoded(extension, 9, 9);
        // Up to the size fields: nothing can be read.
        for (std::size_t length = 0; length < 12; ++length) {
            EXPECT_EQ(read_image_size(Bytes(whole.begin(), whole.begin() + static_cast<long>(length))), std::nullopt)
                << extension << " cut to " << length << " bytes";
        }
    }
}

TEST(ImageSize, MalformedHeadersAreUnreadable) {
    EXPECT_EQ(read_image_size(Bytes{}), std::nullopt);
    EXPECT_EQ(read_image_size(Bytes{'h', 'e', 'l', 'l', 'o'}), std::nullopt);
    Bytes png = testing::png_claiming(4, 4);
    png[12] = 'X';  // the first chunk is not IHDR
    EXPECT_EQ(read_image_size(png), std::nullopt);
    EXPECT_EQ(read_image_size(Bytes{0xFF, 0xD8, 0xFF, 0xDA, 0, 2}), std::nullopt);  // scan before any frame
    EXPECT_EQ(read_image_size(Bytes{0xFF, 0xD8, 0xFF, 0xE0, 0, 1}), std::nullopt);  // segment length < 2
    Bytes tiff = {'I', 'I', 42, 0, 0xFF, 0xFF, 0xFF, 0xFF};  // IFD offset beyond the end
    EXPECT_EQ(read_image_size(tiff), std::nullopt);
}

TEST(PixelLimit, AtTheLimitPassesAndOnePixelMoreIsRefusedWithTheFigures) {
    const Bytes png = encoded(".png", 40, 25);
    EXPECT_EQ(exceeds_pixel_limit(png, 1000), std::nullopt);
    EXPECT_EQ(exceeds_pixel_limit(png, 999), "40 x 25 = 1000 pixels, above max_pixels (999)");
}

TEST(PixelLimit, ACraftedHundredThousandSquarePngIsRefusedByDefault) {
    EXPECT_EQ(exceeds_pixel_limit(testing::png_claiming(100'000, 100'000), kDefaultMaxPixels),
              "100000 x 100000 = 10000000000 pixels, above max_pixels (100000000)");
}

TEST(PixelLimit, AnUnreadableHeaderIsLeftToTheDecoder) {
    EXPECT_EQ(exceeds_pixel_limit(Bytes{'n', 'o', 't'}, 1), std::nullopt);
}

}  // namespace
}  // namespace evalpanel::image
