// Deterministic text-image rendering for `generate:` suite images.
//
// Determinism: every step is either integer/fixed-point OpenCV code whose result does not depend on how
// rows are split between threads (putText, convertTo, warpAffine and GaussianBlur on 8-bit images), or
// draws from a cv::RNG seeded with spec.seed. Nothing reads a global RNG, the clock or the environment.
#include "suite/generate.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace evalpanel::suite {
namespace {

// Simplex is the plain sans-serif Hershey face; Tesseract reads it better than Duplex at equal size
// (Duplex's doubled strokes merge into blobs at small scales) and far better than the script faces.
constexpr int kFont = cv::FONT_HERSHEY_SIMPLEX;

// Guards against a typo (scale: 500) producing a gigabyte image.
constexpr int kMaxSide = 10000;

// One piece of a line: a run of printable ASCII drawn by putText, or a glyph drawn from strokes because
// the Hershey font lacks it (the euro sign, which prices need) or draws it misleadingly (its hyphen is
// as long as a dash, and OCR engines read "2024-03" as "2024—03").
enum class Glyph { ascii_run, euro, hyphen };

struct Run {
    Glyph glyph = Glyph::ascii_run;
    std::string ascii;  // for Glyph::ascii_run
};
using Line = std::vector<Run>;

[[noreturn]] void invalid(const std::string& field, const std::string& message) {
    throw std::invalid_argument("generate." + field + ": " + message);
}

std::string number(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

void validate_numbers(const GenerateSpec& spec) {
    if (!std::isfinite(spec.scale) || spec.scale <= 0)
        invalid("scale", "must be a number greater than 0, got " + number(spec.scale));
    // A Hershey line is about 30 units tall at scale 1; larger scales would also overflow OpenCV's int maths.
    if (spec.scale * 30 > kMaxSide)
        invalid("scale", number(spec.scale) + " draws letters taller than the " + std::to_string(kMaxSide) +
                             "-pixel limit");
    if (spec.thickness < 1 || spec.thickness > 100)
        invalid("thickness", "must be an integer in [1, 100], got " + std::to_string(spec.thickness));
    // A larger sigma only smears the page into a flat grey, slowly (the kernel grows with sigma).
    if (!std::isfinite(spec.blur) || spec.blur < 0 || spec.blur > 50)
        invalid("blur", "must be a sigma in [0, 50] pixels, got " + number(spec.blur));
    if (!std::isfinite(spec.noise) || spec.noise < 0 || spec.noise > 1)
        invalid("noise", "must be a fraction of 255 in [0, 1], got " + number(spec.noise));
    if (!std::isfinite(spec.rotate) || std::abs(spec.rotate) > 360)
        invalid("rotate", "must be degrees in [-360, 360], got " + number(spec.rotate));
    if (!std::isfinite(spec.contrast) || spec.contrast <= 0 || spec.contrast > 1)
        invalid("contrast", "must be in (0, 1] (1 = black on white), got " + number(spec.contrast));
    if (spec.jpeg_quality < 0 || spec.jpeg_quality > 100)
        invalid("jpeg_quality", "must be 0 (PNG) or a JPEG quality in [1, 100], got " +
                                    std::to_string(spec.jpeg_quality));
}

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

// Splits the text into lines of runs, rejecting anything the font cannot draw (putText would silently
// print '?', and the case's expected text would then be unreachable).
std::vector<Line> parse_text(std::string_view text) {
    std::vector<Line> lines(1);
    bool has_ink = false;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        const char32_t cp = next_code_point(text, pos);
        Line& line = lines.back();
        if (cp == U'\n') {
            lines.emplace_back();
        } else if (cp == U'\u20AC' || cp == U'-') {
            line.push_back(Run{cp == U'-' ? Glyph::hyphen : Glyph::euro, {}});
            has_ink = true;
        } else if (cp >= 0x20 && cp < 0x7F) {
            if (line.empty() || line.back().glyph != Glyph::ascii_run) line.emplace_back();
            line.back().ascii += static_cast<char>(cp);
            has_ink = has_ink || cp != U' ';
        } else {
            invalid("text", "character " + hex_code_point(cp) + " at byte " + std::to_string(start) +
                                " cannot be drawn; the font covers printable ASCII, the euro sign and "
                                "line breaks");
        }
    }
    if (!has_ink) invalid("text", "must contain at least one visible character");
    return lines;
}

struct FontMetrics {
    int ascent = 0;   // baseline to the top of capitals, stroke included
    int descent = 0;  // baseline to the bottom of descenders, stroke included
};

FontMetrics font_metrics(const GenerateSpec& spec) {
    int baseline = 0;
    // Hershey metrics are per font, not per string, so any sample gives the line's extent.
    const cv::Size size = cv::getTextSize("Hg", kFont, spec.scale, spec.thickness, &baseline);
    return {size.height, baseline};
}

int text_width(const std::string& text, const GenerateSpec& spec) {
    int baseline = 0;
    return cv::getTextSize(text, kFont, spec.scale, spec.thickness, &baseline).width;
}

int run_width(const Run& run, const GenerateSpec& spec) {
    switch (run.glyph) {
        case Glyph::euro: return text_width("C", spec);
        case Glyph::hyphen: return text_width("r", spec);  // a hyphen is about as wide as an 'r'
        case Glyph::ascii_run: break;
    }
    return text_width(run.ascii, spec);
}

int line_width(const Line& line, const GenerateSpec& spec) {
    int width = 0;
    for (const Run& run : line) width += run_width(run, spec);
    return width;
}

void draw_bar(cv::Mat& canvas, int left, int right, int y, const GenerateSpec& spec) {
    cv::line(canvas, {left, y}, {right, y}, cv::Scalar(0), spec.thickness, cv::LINE_AA);
}

int height_above(cv::Point origin, const FontMetrics& metrics, double fraction_of_ascent) {
    return origin.y - static_cast<int>(std::lround(metrics.ascent * fraction_of_ascent));
}

// A 'C' crossed by two bars that start left of it, as the printed euro sign is drawn.
void draw_euro(cv::Mat& canvas, cv::Point origin, const FontMetrics& metrics, const GenerateSpec& spec) {
    cv::putText(canvas, "C", origin, kFont, spec.scale, cv::Scalar(0), spec.thickness, cv::LINE_AA);
    const int width = text_width("C", spec);
    for (double height : {0.38, 0.62})
        draw_bar(canvas, origin.x - width / 6, origin.x + width * 3 / 5, height_above(origin, metrics, height),
                 spec);
}

// A short bar at the height of the font's own minus sign, centred in its advance.
void draw_hyphen(cv::Mat& canvas, cv::Point origin, const FontMetrics& metrics, const GenerateSpec& spec) {
    const int width = text_width("r", spec);
    draw_bar(canvas, origin.x + width / 4, origin.x + width * 3 / 4, height_above(origin, metrics, 0.43), spec);
}

// Black text on white, each line left-aligned, with a margin that keeps the strokes off the edge.
cv::Mat draw_text(const std::vector<Line>& lines, const GenerateSpec& spec) {
    const FontMetrics metrics = font_metrics(spec);
    const int gap = std::max(4, metrics.ascent / 2);
    const int pitch = metrics.ascent + metrics.descent + gap;
    const int margin = metrics.ascent + spec.thickness;

    int widest = 0;
    for (const Line& line : lines) widest = std::max(widest, line_width(line, spec));
    const long width = 2L * margin + widest;
    const long height = 2L * margin + static_cast<long>(lines.size()) * pitch - gap;
    if (width > kMaxSide || height > kMaxSide)
        invalid("text", "renders to " + std::to_string(width) + "x" + std::to_string(height) +
                            " pixels, more than the " + std::to_string(kMaxSide) +
                            " allowed per side; shorten the text or lower the scale");

    cv::Mat canvas(static_cast<int>(height), static_cast<int>(width), CV_8UC1, cv::Scalar(255));
    for (std::size_t i = 0; i < lines.size(); ++i) {
        cv::Point origin(margin, margin + static_cast<int>(i) * pitch + metrics.ascent);
        for (const Run& run : lines[i]) {
            switch (run.glyph) {
                case Glyph::euro: draw_euro(canvas, origin, metrics, spec); break;
                case Glyph::hyphen: draw_hyphen(canvas, origin, metrics, spec); break;
                case Glyph::ascii_run:
                    cv::putText(canvas, run.ascii, origin, kFont, spec.scale, cv::Scalar(0), spec.thickness,
                                cv::LINE_AA);
                    break;
            }
            origin.x += run_width(run, spec);
        }
    }
    return canvas;
}

// Pulls ink and paper toward mid-grey: 0 -> 127.5(1-c), 255 -> 127.5(1+c). Returns the paper's new value.
double apply_contrast(cv::Mat& image, double contrast) {
    const double offset = 127.5 * (1 - contrast);
    image.convertTo(image, CV_8U, contrast, offset);
    return 255 * contrast + offset;
}

// Rotates about the centre on a canvas grown to hold every corner; the uncovered corners get the paper
// colour so a rotated page does not sprout a frame of a different shade.
cv::Mat rotate_grown(const cv::Mat& image, double degrees, double paper) {
    const cv::Point2f centre(static_cast<float>(image.cols - 1) / 2.0f, static_cast<float>(image.rows - 1) / 2.0f);
    cv::Mat matrix = cv::getRotationMatrix2D(centre, degrees, 1.0);
    const double cos_a = std::abs(matrix.at<double>(0, 0));
    const double sin_a = std::abs(matrix.at<double>(0, 1));
    const int width = static_cast<int>(std::ceil(image.cols * cos_a + image.rows * sin_a));
    const int height = static_cast<int>(std::ceil(image.cols * sin_a + image.rows * cos_a));
    matrix.at<double>(0, 2) += (width - 1) / 2.0 - centre.x;
    matrix.at<double>(1, 2) += (height - 1) / 2.0 - centre.y;
    cv::Mat rotated;
    cv::warpAffine(image, rotated, matrix, cv::Size(width, height), cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                   cv::Scalar(paper));
    return rotated;
}

void add_noise(cv::Mat& image, double sigma, std::uint64_t seed) {
    cv::RNG rng(seed);  // the only source of randomness: same seed, same noise
    cv::Mat noise(image.size(), CV_32F);
    rng.fill(noise, cv::RNG::NORMAL, 0.0, sigma);
    cv::Mat noisy;
    image.convertTo(noisy, CV_32F);
    noisy += noise;
    noisy.convertTo(image, CV_8U);  // rounds and saturates to [0, 255]
}

std::vector<std::uint8_t> encode(const cv::Mat& image, int jpeg_quality) {
    std::vector<std::uint8_t> bytes;
    // Every encoder parameter is fixed so a library default changing cannot change the bytes.
    const bool ok =
        jpeg_quality > 0
            ? cv::imencode(".jpg", image, bytes,
                           {cv::IMWRITE_JPEG_QUALITY, jpeg_quality, cv::IMWRITE_JPEG_PROGRESSIVE, 0,
                            cv::IMWRITE_JPEG_OPTIMIZE, 0})
            : cv::imencode(".png", image, bytes,
                           {cv::IMWRITE_PNG_COMPRESSION, 9, cv::IMWRITE_PNG_STRATEGY,
                            cv::IMWRITE_PNG_STRATEGY_DEFAULT});
    if (!ok || bytes.empty())
        throw std::runtime_error(std::string("generate: OpenCV could not encode the image as ") +
                                 (jpeg_quality > 0 ? "JPEG" : "PNG"));
    return bytes;
}

}  // namespace

std::vector<std::uint8_t> render_text_image(const GenerateSpec& spec) {
    validate_numbers(spec);
    const std::vector<Line> lines = parse_text(spec.text);

    cv::Mat image = draw_text(lines, spec);
    double paper = 255;
    if (spec.contrast != 1.0) paper = apply_contrast(image, spec.contrast);
    if (spec.rotate != 0) image = rotate_grown(image, spec.rotate, paper);
    if (spec.blur > 0) cv::GaussianBlur(image, image, cv::Size(0, 0), spec.blur, spec.blur, cv::BORDER_REPLICATE);
    if (spec.noise > 0) add_noise(image, spec.noise * 255, spec.seed);
    return encode(image, spec.jpeg_quality);
}

}  // namespace evalpanel::suite
