// Documents for `generate:`: tables (ruled grid, header row), forms (labels and filled-in boxes),
// receipts (items with right-aligned prices, a rule, the total) and signs (centred lines in a frame).
#pragma once

#include <opencv2/core.hpp>

#include "suite/suite.hpp"

namespace evalpanel::suite::detail {

// Each returns the black-on-white grey page; throws std::invalid_argument ("generate.rows: ...") when
// the data cannot be drawn.
cv::Mat draw_table(const GenerateSpec& spec);
cv::Mat draw_form(const GenerateSpec& spec);
cv::Mat draw_receipt(const GenerateSpec& spec);
cv::Mat draw_sign(const GenerateSpec& spec);

}  // namespace evalpanel::suite::detail
