// Drawing text with OpenCV's Hershey font for the `generate:` renderers: which characters can be drawn,
// how wide a line is, and drawing it — shared by the text page, charts, tables, forms, receipts and signs.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <opencv2/core.hpp>

namespace evalpanel::suite::detail {

// Guards against a typo (scale: 500, 10,000 rows) producing a gigabyte image.
inline constexpr int kMaxImageSide = 10000;

// Throws std::invalid_argument("generate.<field>: <message>"): the renderers' one way to refuse a spec.
[[noreturn]] void invalid_spec(const std::string& field, const std::string& message);

// One piece of a line: a run of printable ASCII drawn by putText, or a glyph drawn from strokes because
// the Hershey font lacks it (the euro sign, which prices need) or draws it misleadingly (its hyphen is
// as long as a dash, and OCR engines read "2024-03" as "2024—03").
enum class Glyph { ascii_run, euro, hyphen };

struct Run {
    Glyph glyph = Glyph::ascii_run;
    std::string ascii;  // for Glyph::ascii_run
};
using TextLine = std::vector<Run>;

// Why `text` cannot be drawn ("character U+00E9 at byte 3 cannot be drawn; ..."), or nullopt when every
// character can. Line breaks are allowed; an all-blank text is not checked here.
std::optional<std::string> undrawable(std::string_view text);

// Splits `text` into lines of runs; throws invalid_spec(field, ...) on a character the font cannot draw
// or, when `need_ink`, on a text with nothing visible.
std::vector<TextLine> parse_lines(std::string_view text, const std::string& field, bool need_ink = true);

// A single line of `text` (no line breaks allowed); throws invalid_spec(field, ...) otherwise.
TextLine parse_line(std::string_view text, const std::string& field);

// The size and weight of print.
struct TextStyle {
    double scale = 1.0;
    int thickness = 2;
};

struct FontMetrics {
    int ascent = 0;   // baseline to the top of capitals, stroke included
    int descent = 0;  // baseline to the bottom of descenders, stroke included
};

FontMetrics font_metrics(const TextStyle& style);
int line_width(const TextLine& line, const TextStyle& style);

// Draws `line` with its baseline starting at `origin`, in grey level `ink`.
void draw_line(cv::Mat& canvas, cv::Point origin, const TextLine& line, const TextStyle& style, int ink = 0);

// A white page of that size; throws invalid_spec(field, ...) when a side exceeds kMaxImageSide, naming
// the size so the author knows what to shrink.
cv::Mat blank_page(long width, long height, const std::string& field);

// The shortest decimal text that reads back as `value` ("12.5", "1200", "0.1"): how charts print numbers,
// so a suite's answer can be written from the same number.
std::string shortest_decimal(double value);

}  // namespace evalpanel::suite::detail
