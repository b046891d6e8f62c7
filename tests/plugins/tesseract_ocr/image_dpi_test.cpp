#include "image_dpi.hpp"

#include <gtest/gtest.h>

#include "test_images.hpp"

namespace evalpanel::plugins::tesseract_ocr {
namespace {

using test::encode_jpeg;
using test::encode_png;
using test::render_text;

TEST(ImageDpi, PngWithoutPhysDeclaresNothing) {
    EXPECT_EQ(declared_dpi(encode_png(render_text("A"))), std::nullopt);
}

TEST(ImageDpi, PngPhysInPixelsPerMetreIsConvertedToDpi) {
    EXPECT_EQ(declared_dpi(test::with_phys(encode_png(render_text("A")), 11811, 1)), 300);
    EXPECT_EQ(declared_dpi(test::with_phys(encode_png(render_text("A")), 2835, 1)), 72);
}

TEST(ImageDpi, PngPhysWithoutUnitIsOnlyAnAspectRatio) {
    EXPECT_EQ(declared_dpi(test::with_phys(encode_png(render_text("A")), 1, 0)), std::nullopt);
}

TEST(ImageDpi, JpegJfifInDotsPerInch) {
    EXPECT_EQ(declared_dpi(test::with_jfif_density(encode_jpeg(render_text("A")), 1, 200)), 200);
}

TEST(ImageDpi, JpegJfifInDotsPerCentimetreIsConvertedToDpi) {
    EXPECT_EQ(declared_dpi(test::with_jfif_density(encode_jpeg(render_text("A")), 2, 118)), 300);  // 299.72
}

TEST(ImageDpi, JpegJfifWithoutUnitDeclaresNothing) {
    // OpenCV writes density 1x1 with unit 0, as most encoders do.
    EXPECT_EQ(declared_dpi(encode_jpeg(render_text("A"))), std::nullopt);
}

TEST(ImageDpi, JfifIsFoundAfterOtherSegments) {
    const auto jpeg = test::with_app1_first(test::with_jfif_density(encode_jpeg(render_text("A")), 1, 150));
    EXPECT_EQ(declared_dpi(jpeg), 150);
}

TEST(ImageDpi, ZeroDensityDeclaresNothing) {
    EXPECT_EQ(declared_dpi(test::with_jfif_density(encode_jpeg(render_text("A")), 1, 0)), std::nullopt);
    EXPECT_EQ(declared_dpi(test::with_phys(encode_png(render_text("A")), 0, 1)), std::nullopt);
}

TEST(ImageDpi, TruncatedOrForeignBytesDeclareNothingAndDoNotOverrun) {
    const auto png = test::with_phys(encode_png(render_text("A")), 11811, 1);
    for (std::size_t size : {0u, 1u, 8u, 20u, 40u, 45u})
        EXPECT_EQ(declared_dpi(std::span(png.data(), std::min(size, png.size()))), std::nullopt) << size;
    const auto jpeg = test::with_jfif_density(encode_jpeg(render_text("A")), 1, 200);
    for (std::size_t size : {2u, 5u, 12u, 17u})
        EXPECT_EQ(declared_dpi(std::span(jpeg.data(), size)), std::nullopt) << size;
    const std::vector<std::uint8_t> gif{'G', 'I', 'F', '8', '9', 'a', 0, 0};
    EXPECT_EQ(declared_dpi(gif), std::nullopt);
}

}  // namespace
}  // namespace evalpanel::plugins::tesseract_ocr
