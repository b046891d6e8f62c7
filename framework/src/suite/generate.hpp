// Deterministic text-image rendering for `generate:` suite images.
#pragma once

#include <cstdint>
#include <vector>

#include "suite/suite.hpp"

namespace evalpanel::suite {

// Renders spec.text (black on white, then contrast, rotation, blur, noise in that order) and encodes it
// as PNG, or as JPEG when spec.jpeg_quality > 0. The same spec always gives the same bytes.
std::vector<std::uint8_t> render_text_image(const GenerateSpec& spec);

}  // namespace evalpanel::suite
