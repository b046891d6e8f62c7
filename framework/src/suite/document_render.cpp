#include "suite/document_render.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "suite/text_draw.hpp"

namespace evalpanel::suite::detail {
namespace {

constexpr int kHeaderFill = 225;
constexpr int kBoxInk = 110;
constexpr std::size_t kMaxRows = 200;

int px(double value) { return static_cast<int>(std::lround(value)); }

// The print sizes and spacings of one document, from the spec's scale and thickness.
struct Print {
    TextStyle body;
    TextStyle bold;    // headers, labels of totals
    TextStyle title;
    FontMetrics metrics;  // of body (bold shares it closely enough for spacing)
    FontMetrics title_metrics;
    int pad = 0;
    int margin = 0;

    int line_height() const { return metrics.ascent + metrics.descent; }
    int title_height() const { return title_metrics.ascent + title_metrics.descent; }
};

Print print_for(const GenerateSpec& spec, double body_scale) {
    Print p;
    p.body = {body_scale * spec.scale, std::max(1, spec.thickness - 1)};
    p.bold = {body_scale * spec.scale, spec.thickness};
    p.title = {0.85 * spec.scale, spec.thickness};
    p.metrics = font_metrics(p.body);
    p.title_metrics = font_metrics(p.title);
    p.pad = std::max(4, px(8 * spec.scale));
    p.margin = std::max(10, px(20 * spec.scale));
    return p;
}

// An optional single-line text: empty stays empty (nothing drawn), anything else must be drawable.
TextLine optional_line(const std::string& text, const std::string& field) {
    return text.empty() ? TextLine{} : parse_line(text, field);
}

// A table cell or form value may be blank; it must still be one drawable line.
TextLine cell_line(const std::string& text, const std::string& field) {
    if (text.empty()) return {};
    std::vector<TextLine> lines = parse_lines(text, field, /*need_ink=*/false);
    if (lines.size() != 1) invalid_spec(field, "must be a single line (no line breaks)");
    return std::move(lines.front());
}

void check_count(std::size_t count, const std::string& field, const std::string& what) {
    if (count == 0) invalid_spec(field, "must list at least one " + what);
    if (count > kMaxRows)
        invalid_spec(field, "has " + std::to_string(count) + " entries; at most " + std::to_string(kMaxRows) +
                                " fit a readable image");
}

// Draws the title at the top-left and returns the y below it.
int draw_title(cv::Mat& canvas, const TextLine& title, const Print& p) {
    if (title.empty()) return p.margin;
    draw_line(canvas, {p.margin, p.margin + p.title_metrics.ascent}, title, p.title);
    return p.margin + p.title_height() + p.pad * 2;
}

int title_width(const TextLine& title, const Print& p) { return title.empty() ? 0 : line_width(title, p.title); }
int title_block(const TextLine& title, const Print& p) { return title.empty() ? 0 : p.title_height() + p.pad * 2; }

void draw_right_aligned(cv::Mat& canvas, const TextLine& line, int right, int baseline, const TextStyle& style) {
    draw_line(canvas, {right - line_width(line, style), baseline}, line, style);
}

void draw_centred(cv::Mat& canvas, const TextLine& line, int centre, int baseline, const TextStyle& style) {
    draw_line(canvas, {centre - line_width(line, style) / 2, baseline}, line, style);
}

std::vector<std::vector<TextLine>> parse_rows(const GenerateSpec& spec) {
    check_count(spec.rows.size(), "rows", "row");
    if (spec.rows.size() < 2) invalid_spec("rows", "needs the header row and at least one data row");
    const std::size_t columns = spec.rows.front().size();
    if (columns == 0) invalid_spec("rows[0]", "must have at least one cell");
    std::vector<std::vector<TextLine>> rows;
    for (std::size_t r = 0; r < spec.rows.size(); ++r) {
        const std::string field = "rows[" + std::to_string(r) + "]";
        if (spec.rows[r].size() != columns)
            invalid_spec(field, "has " + std::to_string(spec.rows[r].size()) + " cells but the header has " +
                                    std::to_string(columns) + "; every row needs one cell per column");
        std::vector<TextLine>& row = rows.emplace_back();
        for (std::size_t c = 0; c < columns; ++c)
            row.push_back(cell_line(spec.rows[r][c], field + "[" + std::to_string(c) + "]"));
    }
    return rows;
}

std::vector<std::pair<TextLine, TextLine>> parse_pairs(const std::vector<LabelledValue>& pairs,
                                                       const std::string& field, const std::string& what) {
    check_count(pairs.size(), field, what);
    std::vector<std::pair<TextLine, TextLine>> lines;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const std::string where = field + "[" + std::to_string(i) + "]";
        lines.emplace_back(parse_line(pairs[i].label, where + "[0]"), cell_line(pairs[i].value, where + "[1]"));
    }
    return lines;
}

}  // namespace

cv::Mat draw_table(const GenerateSpec& spec) {
    const std::vector<std::vector<TextLine>> rows = parse_rows(spec);
    const TextLine title = optional_line(spec.title, "title");
    const Print p = print_for(spec, 0.6);

    std::vector<int> column_width(rows.front().size(), 0);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const TextStyle& style = r == 0 ? p.bold : p.body;
        for (std::size_t c = 0; c < rows[r].size(); ++c)
            column_width[c] = std::max(column_width[c], line_width(rows[r][c], style) + 2 * p.pad);
    }
    long grid_width = 0;
    for (int width : column_width) grid_width += width;
    const int row_height = p.line_height() + 2 * p.pad;
    const long width = std::max(grid_width, static_cast<long>(title_width(title, p))) + 2L * p.margin;
    const long height = 2L * p.margin + title_block(title, p) + static_cast<long>(rows.size()) * row_height;
    cv::Mat canvas = blank_page(width, height, "rows");

    const int top = draw_title(canvas, title, p);
    const int grid_right = p.margin + static_cast<int>(grid_width);
    cv::rectangle(canvas, cv::Rect(p.margin, top, static_cast<int>(grid_width), row_height), cv::Scalar(kHeaderFill),
                  cv::FILLED);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const int row_top = top + static_cast<int>(r) * row_height;
        int x = p.margin;
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            draw_line(canvas, {x + p.pad, row_top + p.pad + p.metrics.ascent}, rows[r][c], r == 0 ? p.bold : p.body);
            x += column_width[c];
        }
    }
    // The rules go on last so text never paints over them.
    const int grid_bottom = top + static_cast<int>(rows.size()) * row_height;
    for (std::size_t r = 0; r <= rows.size(); ++r) {
        const int y = top + static_cast<int>(r) * row_height;
        cv::line(canvas, {p.margin, y}, {grid_right, y}, cv::Scalar(0), r == 1 ? 2 : 1);
    }
    int x = p.margin;
    for (std::size_t c = 0; c <= column_width.size(); ++c) {
        cv::line(canvas, {x, top}, {x, grid_bottom}, cv::Scalar(0), 1);
        if (c < column_width.size()) x += column_width[c];
    }
    return canvas;
}

cv::Mat draw_form(const GenerateSpec& spec) {
    const auto fields = parse_pairs(spec.fields, "fields", "[label, value] pair");
    const TextLine title = optional_line(spec.title, "title");
    const Print p = print_for(spec, 0.6);

    int label_width = 0, value_width = 0;
    for (const auto& [label, value] : fields) {
        label_width = std::max(label_width, line_width(label, p.bold));
        value_width = std::max(value_width, line_width(value, p.body));
    }
    const int box_left = p.margin + label_width + 2 * p.pad;
    const int box_width = std::max(value_width + 2 * p.pad, px(160 * spec.scale));
    const int box_height = p.line_height() + 2 * p.pad;
    const int row_pitch = box_height + p.pad;
    const long width = std::max(static_cast<long>(box_left) + box_width, 0L + title_width(title, p) + p.margin) +
                       p.margin;
    const long height = 2L * p.margin + title_block(title, p) + static_cast<long>(fields.size()) * row_pitch - p.pad;
    cv::Mat canvas = blank_page(width, height, "fields");

    const int top = draw_title(canvas, title, p);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const int box_top = top + static_cast<int>(i) * row_pitch;
        const int baseline = box_top + p.pad + p.metrics.ascent;
        draw_line(canvas, {p.margin, baseline}, fields[i].first, p.bold);
        cv::rectangle(canvas, cv::Rect(box_left, box_top, box_width, box_height), cv::Scalar(kBoxInk), 1);
        draw_line(canvas, {box_left + p.pad, baseline}, fields[i].second, p.body);
    }
    return canvas;
}

cv::Mat draw_receipt(const GenerateSpec& spec) {
    const auto items = parse_pairs(spec.items, "items", "[item, price] pair");
    const TextLine title = optional_line(spec.title, "title");
    const TextLine total = optional_line(spec.total, "total");
    const TextLine total_label = parse_line("TOTAL", "total");
    const std::vector<TextLine> footer =
        spec.footer.empty() ? std::vector<TextLine>{} : parse_lines(spec.footer, "footer");
    const Print p = print_for(spec, 0.7);
    const int pitch = p.line_height() + p.pad;

    int content = std::max(title_width(title, p), px(220 * spec.scale));
    for (const auto& [item, price] : items)
        content = std::max(content, line_width(item, p.body) + 3 * p.pad + line_width(price, p.body));
    if (!total.empty())
        content = std::max(content, line_width(total_label, p.bold) + 3 * p.pad + line_width(total, p.bold));
    for (const TextLine& line : footer) content = std::max(content, line_width(line, p.body));
    const long width = content + 2L * p.margin;
    const long height = 2L * p.margin + title_block(title, p) +
                        static_cast<long>(items.size() + (total.empty() ? 0 : 1) + footer.size()) * pitch +
                        (total.empty() ? 0 : 2L * p.pad) + (footer.empty() ? 0 : 2L * p.pad);
    cv::Mat canvas = blank_page(width, height, "items");

    const int centre = static_cast<int>(width / 2);
    const int right = static_cast<int>(width) - p.margin;
    int y = p.margin;
    if (!title.empty()) {
        draw_centred(canvas, title, centre, y + p.title_metrics.ascent, p.title);
        y += title_block(title, p);
    }
    for (const auto& [item, price] : items) {
        draw_line(canvas, {p.margin, y + p.metrics.ascent}, item, p.body);
        draw_right_aligned(canvas, price, right, y + p.metrics.ascent, p.body);
        y += pitch;
    }
    if (!total.empty()) {
        for (int x = p.margin; x < right; x += 2 * p.pad)  // a dashed rule, as till printers make
            cv::line(canvas, {x, y + p.pad / 2}, {std::min(x + p.pad, right), y + p.pad / 2}, cv::Scalar(0), 1);
        y += 2 * p.pad;
        draw_line(canvas, {p.margin, y + p.metrics.ascent}, total_label, p.bold);
        draw_right_aligned(canvas, total, right, y + p.metrics.ascent, p.bold);
        y += pitch;
    }
    if (!footer.empty()) y += 2 * p.pad;
    for (const TextLine& line : footer) {
        draw_centred(canvas, line, centre, y + p.metrics.ascent, p.body);
        y += pitch;
    }
    return canvas;
}

cv::Mat draw_sign(const GenerateSpec& spec) {
    const std::vector<TextLine> lines = parse_lines(spec.text, "text");
    const TextStyle style{spec.scale, spec.thickness};
    const FontMetrics metrics = font_metrics(style);
    const int gap = std::max(4, metrics.ascent / 2);
    const int pitch = metrics.ascent + metrics.descent + gap;
    const int frame = std::max(3, metrics.ascent / 6);  // the plate's border width
    const int inset = metrics.ascent + frame;           // from the border to the text

    int widest = 0;
    for (const TextLine& line : lines) widest = std::max(widest, line_width(line, style));
    const long width = 2L * (inset + 2 * frame) + widest;
    const long height = 2L * (inset + 2 * frame) + static_cast<long>(lines.size()) * pitch - gap;
    cv::Mat canvas = blank_page(width, height, "text");

    const cv::Rect plate(frame, frame, static_cast<int>(width) - 2 * frame, static_cast<int>(height) - 2 * frame);
    cv::rectangle(canvas, plate, cv::Scalar(0), frame);
    const int centre = static_cast<int>(width / 2);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const int baseline = 2 * frame + inset + static_cast<int>(i) * pitch + metrics.ascent;
        draw_centred(canvas, lines[i], centre, baseline, style);
    }
    return canvas;
}

}  // namespace evalpanel::suite::detail
