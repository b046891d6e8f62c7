// Deterministic image rendering for `generate:` suite images.
#pragma once

#include <cstdint>
#include <vector>

#include "suite/suite.hpp"

namespace evalpanel::suite {

// Renders the image of spec.kind (text pages, charts, tables, forms, receipts, signs) black on white,
// then applies contrast, rotation, blur and noise in that order, and encodes it as PNG, or as JPEG when
// spec.jpeg_quality > 0. The same spec always gives the same bytes. Throws std::invalid_argument naming
// the field ("generate.values: ...") when the spec cannot be drawn.
std::vector<std::uint8_t> render_image(const GenerateSpec& spec);

// Renders spec.text as a page of text, whatever spec.kind says (the `text` kind of render_image).
std::vector<std::uint8_t> render_text_image(const GenerateSpec& spec);

}  // namespace evalpanel::suite
