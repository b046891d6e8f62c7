// `generate:` rendering: the text page lives here; each other kind has its own file and all of them
// share the degradations and encoding of degrade.cpp.
#include "suite/generate.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "suite/chart_render.hpp"
#include "suite/degrade.hpp"
#include "suite/document_render.hpp"
#include "suite/text_draw.hpp"

namespace evalpanel::suite {
namespace {

using detail::TextLine;
using detail::TextStyle;

constexpr std::array<std::pair<GenerateKind, std::string_view>, 7> kKindNames = {{
    {GenerateKind::text, "text"},
    {GenerateKind::bar_chart, "bar_chart"},
    {GenerateKind::line_chart, "line_chart"},
    {GenerateKind::table, "table"},
    {GenerateKind::form, "form"},
    {GenerateKind::receipt, "receipt"},
    {GenerateKind::sign, "sign"},
}};

// Black text on white, each line left-aligned, with a margin that keeps the strokes off the edge.
cv::Mat draw_text_page(const std::vector<TextLine>& lines, const TextStyle& style) {
    const detail::FontMetrics metrics = detail::font_metrics(style);
    const int gap = std::max(4, metrics.ascent / 2);
    const int pitch = metrics.ascent + metrics.descent + gap;
    const int margin = metrics.ascent + style.thickness;

    int widest = 0;
    for (const TextLine& line : lines) widest = std::max(widest, detail::line_width(line, style));
    const long width = 2L * margin + widest;
    const long height = 2L * margin + static_cast<long>(lines.size()) * pitch - gap;
    cv::Mat canvas = detail::blank_page(width, height, "text");
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const cv::Point origin(margin, margin + static_cast<int>(i) * pitch + metrics.ascent);
        detail::draw_line(canvas, origin, lines[i], style);
    }
    return canvas;
}

cv::Mat draw_page(const GenerateSpec& spec) {
    switch (spec.kind) {
        case GenerateKind::text: break;
        case GenerateKind::bar_chart: return detail::draw_bar_chart(spec);
        case GenerateKind::line_chart: return detail::draw_line_chart(spec);
        case GenerateKind::table: return detail::draw_table(spec);
        case GenerateKind::form: return detail::draw_form(spec);
        case GenerateKind::receipt: return detail::draw_receipt(spec);
        case GenerateKind::sign: return detail::draw_sign(spec);
    }
    return draw_text_page(detail::parse_lines(spec.text, "text"), {spec.scale, spec.thickness});
}

}  // namespace

std::string_view to_string(GenerateKind kind) {
    for (const auto& [value, name] : kKindNames) {
        if (value == kind) return name;
    }
    return "text";
}

std::optional<GenerateKind> generate_kind_from_string(std::string_view name) {
    for (const auto& [value, known] : kKindNames) {
        if (known == name) return value;
    }
    return std::nullopt;
}

std::vector<std::uint8_t> render_image(const GenerateSpec& spec) {
    detail::validate_common_numbers(spec);
    return detail::degrade_and_encode(draw_page(spec), spec);
}

std::vector<std::uint8_t> render_text_image(const GenerateSpec& spec) {
    GenerateSpec text_page = spec;
    text_page.kind = GenerateKind::text;
    return render_image(text_page);
}

}  // namespace evalpanel::suite
