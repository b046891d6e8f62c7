// The damage every `generate:` kind can take — contrast, rotation, blur, noise, JPEG — and the encoding.
#pragma once

#include <cstdint>
#include <vector>

#include <opencv2/core.hpp>

#include "suite/suite.hpp"

namespace evalpanel::suite::detail {

// Throws std::invalid_argument naming the first field of `spec` out of its range (scale, thickness and
// the degradations).
void validate_common_numbers(const GenerateSpec& spec);

// Applies spec's contrast, rotation, blur and noise, in that order, to a black-on-white 8-bit grey page,
// and encodes it as PNG, or as JPEG when spec.jpeg_quality > 0. Same page and spec, same bytes.
std::vector<std::uint8_t> degrade_and_encode(cv::Mat page, const GenerateSpec& spec);

}  // namespace evalpanel::suite::detail
