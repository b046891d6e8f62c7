// Layout, top to bottom: title, value-axis caption, plot (grid, axes, bars or line, value labels), the
// category labels. The value axis always includes 0 and runs over whole "nice" steps (1, 2 or 5 × 10^k),
// so ticks print as short decimals.
#include "suite/chart_render.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "suite/text_draw.hpp"

namespace evalpanel::suite::detail {
namespace {

constexpr int kGridInk = 215;
constexpr int kBarInk = 150;
constexpr std::size_t kMaxCategories = 40;

// A tick step written as mantissa × 10^exponent, so tick values are computed from integers.
struct TickStep {
    int mantissa = 1;  // 1, 2 or 5
    int exponent = 0;

    double value_at(long multiple) const {
        const double units = static_cast<double>(multiple * mantissa);
        // Dividing by an exact power of ten rounds once, so 3 × 0.2 prints as 0.6, not 0.6000000000000001.
        return exponent >= 0 ? units * std::pow(10.0, exponent) : units / std::pow(10.0, -exponent);
    }
    double size() const { return value_at(1); }
};

TickStep nice_step(double span) {
    const double rough = span / 5;
    int exponent = static_cast<int>(std::floor(std::log10(rough)));
    const double scaled = rough / std::pow(10.0, exponent);
    int mantissa = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10;
    if (mantissa == 10) {
        mantissa = 1;
        ++exponent;
    }
    return {mantissa, exponent};
}

struct ValueAxis {
    TickStep step;
    long first = 0;  // the lowest tick is first × step
    long last = 0;   // the highest tick is last × step

    double low() const { return step.value_at(first); }
    double high() const { return step.value_at(last); }
};

ValueAxis value_axis(const std::vector<double>& values) {
    double low = 0, high = 0;
    for (double value : values) {
        low = std::min(low, value);
        high = std::max(high, value);
    }
    if (low == high) high = 1;  // all zero: still draw a unit axis
    ValueAxis axis;
    axis.step = nice_step(high - low);
    axis.first = static_cast<long>(std::floor(low / axis.step.size()));
    axis.last = static_cast<long>(std::ceil(high / axis.step.size()));
    return axis;
}

struct ChartData {
    std::vector<TextLine> labels;
    std::vector<TextLine> value_texts;  // each value as shortest_decimal prints it
    TextLine title;
    TextLine y_label;
};

void check_data(const GenerateSpec& spec) {
    if (spec.labels.empty()) invalid_spec("labels", "must list at least one category");
    if (spec.labels.size() > kMaxCategories)
        invalid_spec("labels", "has " + std::to_string(spec.labels.size()) + " categories; at most " +
                                   std::to_string(kMaxCategories) + " fit a readable chart");
    if (spec.values.size() != spec.labels.size())
        invalid_spec("values", "has " + std::to_string(spec.values.size()) + " values for " +
                                   std::to_string(spec.labels.size()) + " labels; give one value per label");
    for (double value : spec.values) {
        if (!std::isfinite(value) || std::abs(value) > 1e15)
            invalid_spec("values", "every value must be a finite number of magnitude at most 1e15, got " +
                                       shortest_decimal(value));
    }
}

ChartData parse_chart(const GenerateSpec& spec) {
    check_data(spec);
    ChartData data;
    for (std::size_t i = 0; i < spec.labels.size(); ++i) {
        const std::string field = "labels[" + std::to_string(i) + "]";
        data.labels.push_back(parse_line(spec.labels[i], field));
        data.value_texts.push_back(parse_line(shortest_decimal(spec.values[i]), "values"));
    }
    if (!spec.title.empty()) data.title = parse_line(spec.title, "title");
    if (!spec.y_label.empty()) data.y_label = parse_line(spec.y_label, "y_label");
    return data;
}

int widest(const std::vector<TextLine>& lines, const TextStyle& style) {
    int width = 0;
    for (const TextLine& line : lines) width = std::max(width, line_width(line, style));
    return width;
}

int px(double value) { return static_cast<int>(std::lround(value)); }

// Where everything goes, in pixels, derived once from the data and the print size.
struct Layout {
    TextStyle small;   // ticks, labels, values
    TextStyle large;   // title
    FontMetrics small_metrics;
    int margin = 0;
    int tick_width = 0;    // widest tick label
    int plot_left = 0;     // the value axis
    int plot_top = 0;
    int plot_height = 0;
    int slot = 0;          // horizontal room per category
    int title_baseline = 0;
    int caption_baseline = 0;
    int label_baseline = 0;  // the category labels'
    long width = 0;
    long height = 0;

    int plot_bottom() const { return plot_top + plot_height; }
    int slot_centre(std::size_t i) const { return plot_left + slot * static_cast<int>(i) + slot / 2; }
};

std::vector<TextLine> tick_texts(const ValueAxis& axis) {
    std::vector<TextLine> ticks;
    for (long m = axis.first; m <= axis.last; ++m) ticks.push_back(parse_line(shortest_decimal(axis.step.value_at(m)), "values"));
    return ticks;
}

Layout plan(const GenerateSpec& spec, const ChartData& data, const std::vector<TextLine>& ticks) {
    const bool any_negative = std::any_of(spec.values.begin(), spec.values.end(), [](double v) { return v < 0; });
    Layout l;
    l.small = {0.55 * spec.scale, std::max(1, spec.thickness - 1)};
    l.large = {0.8 * spec.scale, spec.thickness};
    l.small_metrics = font_metrics(l.small);
    const FontMetrics large_metrics = font_metrics(l.large);
    const int line_height = l.small_metrics.ascent + l.small_metrics.descent;
    const int pad = std::max(6, px(10 * spec.scale));

    l.margin = std::max(12, px(24 * spec.scale));
    l.tick_width = widest(ticks, l.small);
    l.plot_left = l.margin + l.tick_width + pad;
    l.slot = std::max({px(70 * spec.scale), widest(data.labels, l.small) + 2 * pad,
                       widest(data.value_texts, l.small) + 2 * pad});

    int y = l.margin;
    if (!data.title.empty()) {
        l.title_baseline = y + large_metrics.ascent;
        y += large_metrics.ascent + large_metrics.descent + pad;
    }
    if (!data.y_label.empty()) {
        l.caption_baseline = y + l.small_metrics.ascent;
        y += line_height + pad;
    }
    l.plot_top = y + line_height + pad + px(6 * spec.scale);  // headroom for the highest value's label
    l.plot_height = std::max(120, px(300 * spec.scale));
    const long title_right = l.margin + line_width(data.title, l.large);
    l.width = std::max(static_cast<long>(l.plot_left) + l.slot * static_cast<long>(data.labels.size()) + l.margin,
                       title_right + l.margin);
    // Under the plot: room for a negative value's label when there is one, then the category labels.
    const int value_room = any_negative ? line_height + pad : 0;
    l.label_baseline = l.plot_bottom() + value_room + pad + l.small_metrics.ascent;
    l.height = static_cast<long>(l.label_baseline) + l.small_metrics.descent + l.margin;
    return l;
}

int y_of(double value, const ValueAxis& axis, const Layout& l) {
    const double fraction = (value - axis.low()) / (axis.high() - axis.low());
    return l.plot_bottom() - px(fraction * l.plot_height);
}

void draw_centred(cv::Mat& canvas, const TextLine& line, int centre_x, int baseline, const TextStyle& style) {
    draw_line(canvas, {centre_x - line_width(line, style) / 2, baseline}, line, style);
}

// Title, caption, grid lines with their tick labels, the axes and the category labels.
void draw_frame(cv::Mat& canvas, const ChartData& data, const ValueAxis& axis, const std::vector<TextLine>& ticks,
                const Layout& l) {
    if (!data.title.empty()) draw_line(canvas, {l.margin, l.title_baseline}, data.title, l.large);
    if (!data.y_label.empty()) draw_line(canvas, {l.margin, l.caption_baseline}, data.y_label, l.small);
    const int plot_right = l.plot_left + l.slot * static_cast<int>(data.labels.size());
    for (long m = axis.first; m <= axis.last; ++m) {
        const int y = y_of(axis.step.value_at(m), axis, l);
        if (m != 0) cv::line(canvas, {l.plot_left, y}, {plot_right, y}, cv::Scalar(kGridInk), 1);
        const TextLine& tick = ticks[static_cast<std::size_t>(m - axis.first)];
        const int right = l.plot_left - std::max(4, l.small_metrics.ascent / 2);
        draw_line(canvas, {right - line_width(tick, l.small), y + l.small_metrics.ascent / 2}, tick, l.small);
        cv::line(canvas, {l.plot_left - 4, y}, {l.plot_left, y}, cv::Scalar(0), 1);
    }
    cv::line(canvas, {l.plot_left, l.plot_top}, {l.plot_left, l.plot_bottom()}, cv::Scalar(0), 2);
    const int zero = y_of(0, axis, l);
    cv::line(canvas, {l.plot_left, zero}, {plot_right, zero}, cv::Scalar(0), 2);
    for (std::size_t i = 0; i < data.labels.size(); ++i)
        draw_centred(canvas, data.labels[i], l.slot_centre(i), l.label_baseline, l.small);
}

// A value's label just above `top` (or just below `bottom` for a negative value).
void draw_value(cv::Mat& canvas, const TextLine& text, int centre_x, int top, int bottom, bool below,
                const Layout& l) {
    const int gap = std::max(4, l.small_metrics.ascent / 2);
    const int baseline = below ? bottom + gap + l.small_metrics.ascent : top - gap - l.small_metrics.descent;
    draw_centred(canvas, text, centre_x, baseline, l.small);
}

struct Chart {
    ChartData data;
    ValueAxis axis;
    std::vector<TextLine> ticks;
    Layout layout;
    cv::Mat canvas;
};

Chart start_chart(const GenerateSpec& spec) {
    Chart chart;
    chart.data = parse_chart(spec);
    chart.axis = value_axis(spec.values);
    chart.ticks = tick_texts(chart.axis);
    chart.layout = plan(spec, chart.data, chart.ticks);
    chart.canvas = blank_page(chart.layout.width, chart.layout.height, "values");
    draw_frame(chart.canvas, chart.data, chart.axis, chart.ticks, chart.layout);
    return chart;
}

}  // namespace

cv::Mat draw_bar_chart(const GenerateSpec& spec) {
    Chart chart = start_chart(spec);
    const Layout& l = chart.layout;
    const int zero = y_of(0, chart.axis, l);
    const int half_bar = std::max(4, l.slot * 3 / 10);
    for (std::size_t i = 0; i < spec.values.size(); ++i) {
        const int y = y_of(spec.values[i], chart.axis, l);
        const int top = std::min(y, zero), bottom = std::max(y, zero);
        const cv::Rect bar(l.slot_centre(i) - half_bar, top, 2 * half_bar, std::max(1, bottom - top));
        cv::rectangle(chart.canvas, bar, cv::Scalar(kBarInk), cv::FILLED);
        cv::rectangle(chart.canvas, bar, cv::Scalar(0), 1);
        draw_value(chart.canvas, chart.data.value_texts[i], l.slot_centre(i), top, bottom, spec.values[i] < 0, l);
    }
    return chart.canvas;
}

cv::Mat draw_line_chart(const GenerateSpec& spec) {
    Chart chart = start_chart(spec);
    const Layout& l = chart.layout;
    std::vector<cv::Point> points;
    for (std::size_t i = 0; i < spec.values.size(); ++i)
        points.emplace_back(l.slot_centre(i), y_of(spec.values[i], chart.axis, l));
    cv::polylines(chart.canvas, points, false, cv::Scalar(0), std::max(2, spec.thickness), cv::LINE_AA);
    const int radius = std::max(3, px(5 * spec.scale));
    for (std::size_t i = 0; i < points.size(); ++i) {
        cv::circle(chart.canvas, points[i], radius, cv::Scalar(0), cv::FILLED, cv::LINE_AA);
        // The label goes on the side the line leaves free: below a dip, above everything else.
        const double before = i > 0 ? spec.values[i - 1] : spec.values[i];
        const double after = i + 1 < points.size() ? spec.values[i + 1] : spec.values[i];
        const int room_below = l.plot_bottom() - points[i].y - radius;
        const int label_height = l.small_metrics.ascent + l.small_metrics.descent + l.small_metrics.ascent / 2;
        const bool dip = spec.values[i] < before && spec.values[i] < after && room_below > label_height;
        draw_value(chart.canvas, chart.data.value_texts[i], points[i].x, points[i].y - radius,
                   points[i].y + radius, dip, l);
    }
    return chart.canvas;
}

}  // namespace evalpanel::suite::detail
