// Determinism: every step is either integer/fixed-point OpenCV code whose result does not depend on how
// rows are split between threads (convertTo, warpAffine and GaussianBlur on 8-bit images), or draws from
// a cv::RNG seeded with spec.seed. Nothing reads a global RNG, the clock or the environment.
#include "suite/degrade.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>

#include <opencv2/imgproc.hpp>

#include "suite/image_encode.hpp"
#include "suite/text_draw.hpp"

namespace evalpanel::suite::detail {
namespace {

std::string number(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
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
    return jpeg_quality > 0 ? encode_jpeg(image, jpeg_quality) : encode_png(image);
}

}  // namespace

void validate_common_numbers(const GenerateSpec& spec) {
    if (!std::isfinite(spec.scale) || spec.scale <= 0)
        invalid_spec("scale", "must be a number greater than 0, got " + number(spec.scale));
    // A Hershey line is about 30 units tall at scale 1; larger scales would also overflow OpenCV's int maths.
    if (spec.scale * 30 > kMaxImageSide)
        invalid_spec("scale", number(spec.scale) + " draws letters taller than the " +
                                  std::to_string(kMaxImageSide) + "-pixel limit");
    if (spec.thickness < 1 || spec.thickness > 100)
        invalid_spec("thickness", "must be an integer in [1, 100], got " + std::to_string(spec.thickness));
    // A larger sigma only smears the page into a flat grey, slowly (the kernel grows with sigma).
    if (!std::isfinite(spec.blur) || spec.blur < 0 || spec.blur > 50)
        invalid_spec("blur", "must be a sigma in [0, 50] pixels, got " + number(spec.blur));
    if (!std::isfinite(spec.noise) || spec.noise < 0 || spec.noise > 1)
        invalid_spec("noise", "must be a fraction of 255 in [0, 1], got " + number(spec.noise));
    if (!std::isfinite(spec.rotate) || std::abs(spec.rotate) > 360)
        invalid_spec("rotate", "must be degrees in [-360, 360], got " + number(spec.rotate));
    if (!std::isfinite(spec.contrast) || spec.contrast <= 0 || spec.contrast > 1)
        invalid_spec("contrast", "must be in (0, 1] (1 = black on white), got " + number(spec.contrast));
    if (spec.jpeg_quality < 0 || spec.jpeg_quality > 100)
        invalid_spec("jpeg_quality", "must be 0 (PNG) or a JPEG quality in [1, 100], got " +
                                         std::to_string(spec.jpeg_quality));
}

std::vector<std::uint8_t> degrade_and_encode(cv::Mat page, const GenerateSpec& spec) {
    double paper = 255;
    if (spec.contrast != 1.0) paper = apply_contrast(page, spec.contrast);
    if (spec.rotate != 0) page = rotate_grown(page, spec.rotate, paper);
    if (spec.blur > 0) cv::GaussianBlur(page, page, cv::Size(0, 0), spec.blur, spec.blur, cv::BORDER_REPLICATE);
    if (spec.noise > 0) add_noise(page, spec.noise * 255, spec.seed);
    return encode(page, spec.jpeg_quality);
}

}  // namespace evalpanel::suite::detail
