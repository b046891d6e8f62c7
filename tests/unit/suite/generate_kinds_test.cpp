// The charts, tables, forms, receipts and signs of `generate:`: deterministic, drawn from their data,
// damaged like text pages, and refused with the field named when the data cannot be drawn.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "suite/generate.hpp"
#include "suite/text_draw.hpp"

namespace evalpanel::suite {
namespace {

GenerateSpec bar_chart(std::vector<std::string> labels, std::vector<double> values) {
    GenerateSpec spec;
    spec.kind = GenerateKind::bar_chart;
    spec.title = "Sales by year";
    spec.labels = std::move(labels);
    spec.values = std::move(values);
    return spec;
}

GenerateSpec one_of_each(GenerateKind kind) {
    GenerateSpec spec;
    spec.kind = kind;
    switch (kind) {
        case GenerateKind::text:
        case GenerateKind::sign: spec.text = "NO PARKING\n8AM - 6PM"; break;
        case GenerateKind::bar_chart:
        case GenerateKind::line_chart:
            spec.labels = {"2021", "2022", "2023"};
            spec.values = {12.5, -3, 40};
            spec.y_label = "Revenue (M\u20AC)";
            break;
        case GenerateKind::table: spec.rows = {{"Item", "Qty"}, {"Widget", "2"}, {"Gadget", ""}}; break;
        case GenerateKind::form: spec.fields = {{"Invoice number", "INV-0042"}, {"Notes", ""}}; break;
        case GenerateKind::receipt:
            spec.items = {{"Espresso", "2.50"}, {"Croissant", "3.20"}};
            spec.total = "$5.70";
            spec.footer = "17/03/2024\nThank you";
            break;
    }
    spec.title = kind == GenerateKind::text || kind == GenerateKind::sign ? "" : "Title";
    return spec;
}

const GenerateKind kAllKinds[] = {GenerateKind::text,  GenerateKind::bar_chart, GenerateKind::line_chart,
                                  GenerateKind::table, GenerateKind::form,      GenerateKind::receipt,
                                  GenerateKind::sign};

cv::Mat decode(const std::vector<std::uint8_t>& bytes) { return cv::imdecode(bytes, cv::IMREAD_UNCHANGED); }

TEST(RenderImage, EveryKindIsDeterministicAndDrawsDarkInkOnWhite) {
    for (const GenerateKind kind : kAllKinds) {
        SCOPED_TRACE(std::string(to_string(kind)));
        const GenerateSpec spec = one_of_each(kind);
        const std::vector<std::uint8_t> bytes = render_image(spec);
        EXPECT_EQ(bytes, render_image(spec));
        const cv::Mat image = decode(bytes);
        ASSERT_FALSE(image.empty());
        EXPECT_EQ(image.type(), CV_8UC1);
        EXPECT_GT(cv::countNonZero(image < 60), 100);        // ink
        EXPECT_GT(cv::countNonZero(image == 255), image.total() / 2);  // mostly paper
    }
}

TEST(RenderImage, KindsDrawDifferentImagesFromTheSameData) {
    GenerateSpec bars = one_of_each(GenerateKind::bar_chart);
    GenerateSpec line = bars;
    line.kind = GenerateKind::line_chart;
    EXPECT_NE(render_image(bars), render_image(line));
}

TEST(RenderImage, DegradationsApplyToEveryKind) {
    for (const GenerateKind kind : kAllKinds) {
        SCOPED_TRACE(std::string(to_string(kind)));
        GenerateSpec clean = one_of_each(kind);
        GenerateSpec damaged = clean;
        damaged.rotate = 90;
        damaged.jpeg_quality = 40;
        damaged.noise = 0.1;
        damaged.seed = 5;
        const std::vector<std::uint8_t> bytes = render_image(damaged);
        ASSERT_GE(bytes.size(), 3u);
        EXPECT_EQ(bytes[0], 0xFF);  // a JPEG
        EXPECT_EQ(bytes[1], 0xD8);
        EXPECT_EQ(bytes, render_image(damaged));  // the seed fixes the noise
        const cv::Mat before = decode(render_image(clean));
        const cv::Mat after = decode(bytes);
        EXPECT_NEAR(after.cols, before.rows, 1);  // a quarter turn swaps the sides (the canvas rounds up)
        EXPECT_NEAR(after.rows, before.cols, 1);
    }
}

// Bars are filled with the grey 150; a bar twice as high covers about twice as many pixels.
TEST(RenderImage, BarHeightIsProportionalToItsValue) {
    const cv::Mat image = decode(render_image(bar_chart({"A", "B"}, {10, 20})));
    const cv::Mat fill = image == 150;
    const int half = image.cols / 2;
    const double left = cv::countNonZero(fill.colRange(0, half));
    const double right = cv::countNonZero(fill.colRange(half, image.cols));
    ASSERT_GT(left, 0);
    EXPECT_NEAR(right / left, 2.0, 0.1);
}

TEST(RenderImage, ChangingOneValueChangesTheChart) {
    EXPECT_NE(render_image(bar_chart({"A", "B"}, {10, 20})), render_image(bar_chart({"A", "B"}, {10, 21})));
}

TEST(RenderImage, TextKindMatchesRenderTextImage) {
    GenerateSpec spec;
    spec.text = "TOTAL $12.50";
    EXPECT_EQ(render_image(spec), render_text_image(spec));
}

TEST(ShortestDecimal, PrintsTheNumberAsWritten) {
    EXPECT_EQ(detail::shortest_decimal(12.5), "12.5");
    EXPECT_EQ(detail::shortest_decimal(1200), "1200");
    EXPECT_EQ(detail::shortest_decimal(0.07), "0.07");
    EXPECT_EQ(detail::shortest_decimal(-3.25), "-3.25");
    EXPECT_EQ(detail::shortest_decimal(-0.0), "0");
}

struct Refusal {
    const char* name;
    GenerateSpec spec;
    const char* field;  // "generate.<field>" must start the message
};

GenerateSpec changed(GenerateSpec spec, void (*change)(GenerateSpec&)) {
    change(spec);
    return spec;
}

class RenderImageRefuses : public ::testing::TestWithParam<Refusal> {};

TEST_P(RenderImageRefuses, NamingTheField) {
    try {
        (void)render_image(GetParam().spec);
        FAIL() << "expected std::invalid_argument";
    } catch (const std::invalid_argument& error) {
        EXPECT_EQ(std::string(error.what()).rfind(std::string("generate.") + GetParam().field + ":", 0), 0u)
            << error.what();
    }
}

INSTANTIATE_TEST_SUITE_P(
    Specs, RenderImageRefuses,
    ::testing::Values(
        Refusal{"no_labels", bar_chart({}, {}), "labels"},
        Refusal{"fewer_values", bar_chart({"A", "B"}, {1}), "values"},
        Refusal{"infinite_value", bar_chart({"A"}, {1e300 * 1e300}), "values"},
        Refusal{"undrawable_label", bar_chart({"caf\u00E9"}, {1}), "labels[0]"},
        Refusal{"two_line_label", bar_chart({"A\nB"}, {1}), "labels[0]"},
        Refusal{"too_many_bars", bar_chart(std::vector<std::string>(41, "x"), std::vector<double>(41, 1)), "labels"},
        Refusal{"table_without_data_rows",
                changed(one_of_each(GenerateKind::table), [](GenerateSpec& s) { s.rows.resize(1); }), "rows"},
        Refusal{"ragged_table",
                changed(one_of_each(GenerateKind::table), [](GenerateSpec& s) { s.rows[1].push_back("extra"); }),
                "rows[1]"},
        Refusal{"empty_form", changed(one_of_each(GenerateKind::form), [](GenerateSpec& s) { s.fields.clear(); }),
                "fields"},
        Refusal{"empty_receipt",
                changed(one_of_each(GenerateKind::receipt), [](GenerateSpec& s) { s.items.clear(); }), "items"},
        Refusal{"undrawable_total",
                changed(one_of_each(GenerateKind::receipt), [](GenerateSpec& s) { s.total = "\u00A35"; }), "total"},
        Refusal{"blank_sign", changed(one_of_each(GenerateKind::sign), [](GenerateSpec& s) { s.text = " "; }),
                "text"},
        Refusal{"huge_table",
                changed(one_of_each(GenerateKind::table),
                        [](GenerateSpec& s) { s.rows[1][0] = std::string(2000, 'W'); }),
                "rows"},
        Refusal{"bad_blur_on_a_chart",
                changed(one_of_each(GenerateKind::line_chart), [](GenerateSpec& s) { s.blur = -1; }), "blur"}),
    [](const ::testing::TestParamInfo<Refusal>& param_info) { return std::string(param_info.param.name); });

}  // namespace
}  // namespace evalpanel::suite
