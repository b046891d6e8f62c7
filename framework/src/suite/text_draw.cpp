#include "suite/text_draw.hpp"

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <stdexcept>

#include <opencv2/imgproc.hpp>

namespace evalpanel::suite::detail {
namespace {

// Simplex is the plain sans-serif Hershey face; Tesseract reads it better than Duplex at equal size
// (Duplex's doubled strokes merge into blobs at small scales) and far better than the script faces.
constexpr int kFont = cv::FONT_HERSHEY_SIMPLEX;

// Decodes one UTF-8 code point starting at text[pos]; advances pos. Returns U+FFFD for malformed input so
// the caller reports it as a character that cannot be drawn.
char32_t next_code_point(std::string_view text, std::size_t& pos) {
    const auto lead = static_cast<unsigned char>(text[pos++]);
    if (lead < 0x80) return lead;
    int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : -1;
    if (extra < 0 || pos + static_cast<std::size_t>(extra) > text.size()) return U'\uFFFD';
    char32_t cp = lead & (0x3F >> extra);
    for (int i = 0; i < extra; ++i) {
        const auto cont = static_cast<unsigned char>(text[pos++]);
        if ((cont & 0xC0) != 0x80) return U'\uFFFD';
        cp = (cp << 6) | (cont & 0x3F);
    }
    return cp;
}

std::string hex_code_point(char32_t cp) {
    std::ostringstream out;
    out << "U+" << std::uppercase << std::hex;
    out.width(4);
    out.fill('0');
    out << static_cast<std::uint32_t>(cp);
    return out.str();
}

bool drawable(char32_t cp) { return cp == U'\n' || cp == U'\u20AC' || (cp >= 0x20 && cp < 0x7F); }

std::string undrawable_message(char32_t cp, std::size_t byte) {
    return "character " + hex_code_point(cp) + " at byte " + std::to_string(byte) +
           " cannot be drawn; the font covers printable ASCII, the euro sign and line breaks";
}

int text_width(const std::string& text, const TextStyle& style) {
    int baseline = 0;
    return cv::getTextSize(text, kFont, style.scale, style.thickness, &baseline).width;
}

int run_width(const Run& run, const TextStyle& style) {
    switch (run.glyph) {
        case Glyph::euro: return text_width("C", style);
        case Glyph::hyphen: return text_width("r", style);  // a hyphen is about as wide as an 'r'
        case Glyph::ascii_run: break;
    }
    return text_width(run.ascii, style);
}

void draw_bar(cv::Mat& canvas, int left, int right, int y, const TextStyle& style, int ink) {
    cv::line(canvas, {left, y}, {right, y}, cv::Scalar(ink), style.thickness, cv::LINE_AA);
}

int height_above(cv::Point origin, const FontMetrics& metrics, double fraction_of_ascent) {
    return origin.y - static_cast<int>(std::lround(metrics.ascent * fraction_of_ascent));
}

// A 'C' crossed by two bars that start left of it, as the printed euro sign is drawn.
void draw_euro(cv::Mat& canvas, cv::Point origin, const TextStyle& style, int ink) {
    const FontMetrics metrics = font_metrics(style);
    cv::putText(canvas, "C", origin, kFont, style.scale, cv::Scalar(ink), style.thickness, cv::LINE_AA);
    const int width = text_width("C", style);
    for (double height : {0.38, 0.62})
        draw_bar(canvas, origin.x - width / 6, origin.x + width * 3 / 5, height_above(origin, metrics, height), style,
                 ink);
}

// A short bar at the height of the font's own minus sign, centred in its advance.
void draw_hyphen(cv::Mat& canvas, cv::Point origin, const TextStyle& style, int ink) {
    const FontMetrics metrics = font_metrics(style);
    const int width = text_width("r", style);
    draw_bar(canvas, origin.x + width / 4, origin.x + width * 3 / 4, height_above(origin, metrics, 0.43), style, ink);
}

}  // namespace

void invalid_spec(const std::string& field, const std::string& message) {
    throw std::invalid_argument("generate." + field + ": " + message);
}

std::optional<std::string> undrawable(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        const char32_t cp = next_code_point(text, pos);
        if (!drawable(cp)) return undrawable_message(cp, start);
    }
    return std::nullopt;
}

std::vector<TextLine> parse_lines(std::string_view text, const std::string& field, bool need_ink) {
    std::vector<TextLine> lines(1);
    bool has_ink = false;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        const char32_t cp = next_code_point(text, pos);
        TextLine& line = lines.back();
        if (!drawable(cp)) invalid_spec(field, undrawable_message(cp, start));
        if (cp == U'\n') {
            lines.emplace_back();
        } else if (cp == U'\u20AC' || cp == U'-') {
            line.push_back(Run{cp == U'-' ? Glyph::hyphen : Glyph::euro, {}});
            has_ink = true;
        } else {
            if (line.empty() || line.back().glyph != Glyph::ascii_run) line.emplace_back();
            line.back().ascii += static_cast<char>(cp);
            has_ink = has_ink || cp != U' ';
        }
    }
    if (need_ink && !has_ink) invalid_spec(field, "must contain at least one visible character");
    return lines;
}

TextLine parse_line(std::string_view text, const std::string& field) {
    std::vector<TextLine> lines = parse_lines(text, field);
    if (lines.size() != 1) invalid_spec(field, "must be a single line (no line breaks)");
    return std::move(lines.front());
}

FontMetrics font_metrics(const TextStyle& style) {
    int baseline = 0;
    // Hershey metrics are per font, not per string, so any sample gives the line's extent.
    const cv::Size size = cv::getTextSize("Hg", kFont, style.scale, style.thickness, &baseline);
    return {size.height, baseline};
}

int line_width(const TextLine& line, const TextStyle& style) {
    int width = 0;
    for (const Run& run : line) width += run_width(run, style);
    return width;
}

void draw_line(cv::Mat& canvas, cv::Point origin, const TextLine& line, const TextStyle& style, int ink) {
    for (const Run& run : line) {
        switch (run.glyph) {
            case Glyph::euro: draw_euro(canvas, origin, style, ink); break;
            case Glyph::hyphen: draw_hyphen(canvas, origin, style, ink); break;
            case Glyph::ascii_run:
                cv::putText(canvas, run.ascii, origin, kFont, style.scale, cv::Scalar(ink), style.thickness,
                            cv::LINE_AA);
                break;
        }
        origin.x += run_width(run, style);
    }
}

cv::Mat blank_page(long width, long height, const std::string& field) {
    if (width > kMaxImageSide || height > kMaxImageSide)
        invalid_spec(field, "renders to " + std::to_string(width) + "x" + std::to_string(height) +
                                " pixels, more than the " + std::to_string(kMaxImageSide) +
                                " allowed per side; shorten the text or lower the scale");
    return cv::Mat(static_cast<int>(height), static_cast<int>(width), CV_8UC1, cv::Scalar(255));
}

std::string shortest_decimal(double value) {
    if (value == 0) return "0";  // also turns -0 into "0"
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (error != std::errc()) return std::to_string(value);
    return std::string(buffer, end);
}

}  // namespace evalpanel::suite::detail
