#include "suite/generate.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

namespace evalpanel::suite {
namespace {

GenerateSpec spec_for(std::string text) {
    GenerateSpec spec;
    spec.text = std::move(text);
    return spec;
}

cv::Mat decode(const std::vector<std::uint8_t>& bytes) {
    cv::Mat image = cv::imdecode(bytes, cv::IMREAD_GRAYSCALE);
    EXPECT_FALSE(image.empty()) << "the encoded bytes did not decode";
    return image;
}

cv::Mat render(const GenerateSpec& spec) { return decode(render_text_image(spec)); }

int count_at_or_below(const cv::Mat& image, int level) {
    return cv::countNonZero(image <= level);
}

// Columns spanned by pixels darker than mid-grey; 0 when there are none.
int ink_width(const cv::Mat& image) {
    int first = image.cols, last = -1;
    for (int col = 0; col < image.cols; ++col) {
        if (count_at_or_below(image.col(col), 127) > 0) {
            first = std::min(first, col);
            last = col;
        }
    }
    return last < first ? 0 : last - first + 1;
}

bool border_is_blank(const cv::Mat& image, int darkest_allowed) {
    const cv::Mat edges[] = {image.row(0), image.row(image.rows - 1), image.col(0), image.col(image.cols - 1)};
    for (const cv::Mat& edge : edges) {
        double lowest = 0;
        cv::minMaxLoc(edge, &lowest);
        if (lowest < darkest_allowed) return false;
    }
    return true;
}

GenerateSpec everything_on() {
    GenerateSpec spec = spec_for("Invoice INV-2024-0113\nTOTAL \u20AC1.299,00");
    spec.scale = 1.2;
    spec.blur = 1.1;
    spec.noise = 0.12;
    spec.rotate = 4.5;
    spec.contrast = 0.6;
    spec.seed = 42;
    return spec;
}

TEST(RenderTextImage, SameSpecGivesSameBytes) {
    EXPECT_EQ(render_text_image(everything_on()), render_text_image(everything_on()));
    GenerateSpec jpeg = everything_on();
    jpeg.jpeg_quality = 30;
    EXPECT_EQ(render_text_image(jpeg), render_text_image(jpeg));
}

TEST(RenderTextImage, DifferentSeedWithNoiseGivesDifferentBytes) {
    GenerateSpec other = everything_on();
    other.seed = 43;
    EXPECT_NE(render_text_image(everything_on()), render_text_image(other));
}

TEST(RenderTextImage, SeedDoesNotMatterWithoutNoise) {
    GenerateSpec a = spec_for("TOTAL $12.50");
    GenerateSpec b = a;
    b.seed = 99;
    EXPECT_EQ(render_text_image(a), render_text_image(b));
}

TEST(RenderTextImage, NoiseChangesPixels) {
    GenerateSpec noisy = spec_for("TOTAL $12.50");
    noisy.noise = 0.1;
    const cv::Mat clean = render(spec_for("TOTAL $12.50"));
    const cv::Mat dirty = render(noisy);
    ASSERT_EQ(clean.size(), dirty.size());
    EXPECT_GT(cv::countNonZero(clean != dirty), clean.total() / 2);
}

TEST(RenderTextImage, EncodesPngByDefault) {
    const std::vector<std::uint8_t> bytes = render_text_image(spec_for("2024-03-17"));
    const std::vector<std::uint8_t> png_magic = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    ASSERT_GE(bytes.size(), png_magic.size());
    EXPECT_TRUE(std::equal(png_magic.begin(), png_magic.end(), bytes.begin()));
}

TEST(RenderTextImage, EncodesJpegWhenQualityIsSet) {
    GenerateSpec spec = spec_for("2024-03-17");
    spec.jpeg_quality = 20;
    const std::vector<std::uint8_t> bytes = render_text_image(spec);
    ASSERT_GE(bytes.size(), 3u);
    EXPECT_EQ(bytes[0], 0xFF);
    EXPECT_EQ(bytes[1], 0xD8);
    EXPECT_EQ(bytes[2], 0xFF);
    EXPECT_FALSE(decode(bytes).empty());
}

TEST(RenderTextImage, LowerJpegQualityGivesFewerBytes) {
    GenerateSpec fine = spec_for("221B Baker Street, London NW1 6XE");
    fine.jpeg_quality = 95;
    GenerateSpec coarse = fine;
    coarse.jpeg_quality = 5;
    EXPECT_LT(render_text_image(coarse).size(), render_text_image(fine).size());
}

TEST(RenderTextImage, DrawsDarkTextOnALightBackground) {
    const cv::Mat image = render(spec_for("TOTAL $12.50"));
    const int dark = count_at_or_below(image, 50);
    const int light = cv::countNonZero(image >= 205);
    EXPECT_GT(dark, 100) << "there should be solid ink";
    EXPECT_GT(light, 4 * dark) << "the background should dominate";
    EXPECT_TRUE(border_is_blank(image, 250)) << "the margin should keep ink off the edges";
}

TEST(RenderTextImage, MoreLinesMakeATallerImage) {
    const cv::Mat one = render(spec_for("TOTAL $12.50"));
    const cv::Mat two = render(spec_for("TOTAL $12.50\nCASH $20.00"));
    EXPECT_EQ(one.cols, two.cols);
    EXPECT_GT(two.rows, one.rows * 3 / 2);
}

TEST(RenderTextImage, LargerScaleMakesALargerImage) {
    GenerateSpec big = spec_for("TOTAL $12.50");
    big.scale = 2;
    const cv::Mat small_image = render(spec_for("TOTAL $12.50"));
    const cv::Mat big_image = render(big);
    EXPECT_GT(big_image.cols, small_image.cols * 3 / 2);
    EXPECT_GT(big_image.rows, small_image.rows * 3 / 2);
}

TEST(RenderTextImage, RotationGrowsTheCanvasSoNothingIsCut) {
    GenerateSpec tilted = spec_for("221B Baker Street, London NW1 6XE");
    tilted.rotate = 20;
    const cv::Mat flat = render(spec_for(tilted.text));
    const cv::Mat rotated = render(tilted);
    EXPECT_GT(rotated.rows, flat.rows);
    EXPECT_GT(rotated.total(), flat.total());
    EXPECT_TRUE(border_is_blank(rotated, 250)) << "ink reached the edge: the rotation cut something";
}

TEST(RenderTextImage, QuarterTurnSwapsWidthAndHeight) {
    GenerateSpec turned = spec_for("TOTAL $12.50");
    turned.rotate = 90;
    const cv::Mat flat = render(spec_for(turned.text));
    const cv::Mat rotated = render(turned);
    EXPECT_NEAR(rotated.cols, flat.rows, 1);
    EXPECT_NEAR(rotated.rows, flat.cols, 1);
}

TEST(RenderTextImage, RotationFillsCornersWithThePaperShade) {
    GenerateSpec spec = spec_for("TOTAL $12.50");
    spec.rotate = 15;
    spec.contrast = 0.4;
    const cv::Mat image = render(spec);
    EXPECT_NEAR(image.at<std::uint8_t>(0, 0), 127.5 * 1.4, 1.0);
}

TEST(RenderTextImage, LowContrastNarrowsTheGapBetweenInkAndPaper) {
    GenerateSpec faint = spec_for("TOTAL $12.50");
    faint.contrast = 0.3;
    double ink = 0, paper = 0;
    cv::minMaxLoc(render(faint), &ink, &paper);
    EXPECT_NEAR(ink, 127.5 * 0.7, 1.0);
    EXPECT_NEAR(paper, 127.5 * 1.3, 1.0);

    double full_ink = 0, full_paper = 0;
    cv::minMaxLoc(render(spec_for(faint.text)), &full_ink, &full_paper);
    EXPECT_EQ(full_ink, 0);
    EXPECT_EQ(full_paper, 255);
}

TEST(RenderTextImage, BlurReducesPureBlackPixels) {
    GenerateSpec blurred = spec_for("TOTAL $12.50");
    blurred.blur = 1.5;
    const int sharp_black = count_at_or_below(render(spec_for(blurred.text)), 0);
    const int blurred_black = count_at_or_below(render(blurred), 0);
    EXPECT_GT(sharp_black, 100);
    EXPECT_LT(blurred_black, sharp_black / 2);
}

TEST(RenderTextImage, DrawsTheEuroSignRatherThanAQuestionMark) {
    const cv::Mat euro = render(spec_for("\u20AC"));
    const cv::Mat c = render(spec_for("C"));
    ASSERT_EQ(euro.size(), c.size());
    EXPECT_GT(count_at_or_below(euro, 127), count_at_or_below(c, 127)) << "the two bars are missing";
}

TEST(RenderTextImage, DrawsAHyphenShorterThanALetter) {
    // The Hershey hyphen is as long as a dash; OCR reads it as one.
    EXPECT_LT(ink_width(render(spec_for("-"))), ink_width(render(spec_for("n"))));
}

TEST(RenderTextImage, EmptyLinesKeepTheirPlace) {
    const cv::Mat two = render(spec_for("A\nB"));
    const cv::Mat gap = render(spec_for("A\n\nB"));
    EXPECT_GT(gap.rows, two.rows);
}

// The image files of suites/ocr/assets were rendered by this generator; their recipes are listed in
// suites/ocr/README.md. Re-rendering must reproduce them, or the README lies about how they were made.
struct AssetRecipe {
    const char* file;
    GenerateSpec spec;
    int tolerance;  // JPEG decoders may differ by a few levels between libjpeg builds; PNG must not
};

GenerateSpec recipe(const char* text, double scale, double blur, double noise, double rotate, double contrast,
                    int jpeg_quality, std::uint64_t seed) {
    GenerateSpec spec = spec_for(text);
    spec.scale = scale;
    spec.blur = blur;
    spec.noise = noise;
    spec.rotate = rotate;
    spec.contrast = contrast;
    spec.jpeg_quality = jpeg_quality;
    spec.seed = seed;
    return spec;
}

std::vector<std::uint8_t> read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in) << "cannot read " << path;
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(RenderTextImage, ShippedOcrAssetsMatchTheirRecipes) {
    const char* receipt =
        "CAFE LUMEN\n12 Rue Oberkampf, 75011 Paris\n2 Espresso 5.00\n1 Tarte citron 4.50\nTOTAL \u20AC9.50\n"
        "17/03/2024 08:41";
    const AssetRecipe recipes[] = {
        {"receipt-cafe.png", recipe(receipt, 1.0, 0, 0, 0, 1, 0, 0), 0},
        {"receipt-cafe-photo.jpg", recipe(receipt, 1.0, 1.0, 0.06, 2.5, 1, 35, 7), 8},
        {"letter-excerpt.png",
         recipe("Dear Mr. Okafor,\nThank you for your order of 14 February 2024.\nYour refund of EUR 249.00 was "
                "sent on 2024-03-01\nto the account ending in 7730.",
                0.9, 0, 0, 0, 1, 0, 0),
         0},
        {"shipping-label.jpg",
         recipe("SHIP TO: Tomas Lindqvist\nStorgatan 8, 114 51 Stockholm\nSWEDEN +46 8 123 456 78", 1.1, 0, 0,
                -3, 0.5, 20, 0),
         8},
    };
    const std::filesystem::path assets = std::filesystem::path(EVALPANEL_SOURCE_DIR) / "suites/ocr/assets";
    for (const AssetRecipe& asset : recipes) {
        SCOPED_TRACE(asset.file);
        const cv::Mat shipped = decode(read_bytes(assets / asset.file));
        const cv::Mat fresh = render(asset.spec);
        ASSERT_EQ(shipped.size(), fresh.size());
        EXPECT_LE(cv::norm(shipped, fresh, cv::NORM_INF), asset.tolerance);
    }
}

struct InvalidCase {
    const char* name;
    GenerateSpec spec;
    const char* field;  // the message must name the field
};

GenerateSpec with(GenerateSpec spec, void (*change)(GenerateSpec&)) {
    change(spec);
    return spec;
}

class RenderTextImageRejects : public ::testing::TestWithParam<InvalidCase> {};

TEST_P(RenderTextImageRejects, InvalidSpecNamingTheField) {
    try {
        render_text_image(GetParam().spec);
        FAIL() << "expected std::invalid_argument";
    } catch (const std::invalid_argument& error) {
        EXPECT_NE(std::string(error.what()).find(std::string("generate.") + GetParam().field), std::string::npos)
            << error.what();
    }
}

const GenerateSpec kValid = spec_for("ok");

INSTANTIATE_TEST_SUITE_P(
    Specs, RenderTextImageRejects,
    ::testing::Values(
        InvalidCase{"empty_text", spec_for(""), "text"},
        InvalidCase{"blank_text", spec_for("  \n "), "text"},
        InvalidCase{"tab", spec_for("a\tb"), "text"},
        InvalidCase{"carriage_return", spec_for("a\r\nb"), "text"},
        InvalidCase{"accented_letter", spec_for("caf\u00E9"), "text"},
        InvalidCase{"broken_utf8", spec_for("a\xC3"), "text"},
        InvalidCase{"too_large", with(spec_for(std::string(400, 'W')), [](GenerateSpec& s) { s.scale = 20; }), "text"},
        InvalidCase{"zero_scale", with(kValid, [](GenerateSpec& s) { s.scale = 0; }), "scale"},
        InvalidCase{"nan_scale",
                    with(kValid, [](GenerateSpec& s) { s.scale = std::numeric_limits<double>::quiet_NaN(); }),
                    "scale"},
        InvalidCase{"huge_scale", with(kValid, [](GenerateSpec& s) { s.scale = 1e9; }), "scale"},
        InvalidCase{"zero_thickness", with(kValid, [](GenerateSpec& s) { s.thickness = 0; }), "thickness"},
        InvalidCase{"thickness_above_100", with(kValid, [](GenerateSpec& s) { s.thickness = 101; }), "thickness"},
        InvalidCase{"negative_blur", with(kValid, [](GenerateSpec& s) { s.blur = -1; }), "blur"},
        InvalidCase{"noise_above_one", with(kValid, [](GenerateSpec& s) { s.noise = 1.5; }), "noise"},
        InvalidCase{"infinite_rotation",
                    with(kValid, [](GenerateSpec& s) { s.rotate = std::numeric_limits<double>::infinity(); }),
                    "rotate"},
        InvalidCase{"zero_contrast", with(kValid, [](GenerateSpec& s) { s.contrast = 0; }), "contrast"},
        InvalidCase{"contrast_above_one", with(kValid, [](GenerateSpec& s) { s.contrast = 1.5; }), "contrast"},
        InvalidCase{"jpeg_quality_above_100", with(kValid, [](GenerateSpec& s) { s.jpeg_quality = 101; }),
                    "jpeg_quality"},
        InvalidCase{"negative_jpeg_quality", with(kValid, [](GenerateSpec& s) { s.jpeg_quality = -1; }),
                    "jpeg_quality"}),
    [](const ::testing::TestParamInfo<InvalidCase>& param_info) { return std::string(param_info.param.name); });

}  // namespace
}  // namespace evalpanel::suite
