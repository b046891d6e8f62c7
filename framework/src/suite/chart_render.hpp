// Bar and line charts for `generate: {kind: bar_chart|line_chart, ...}`: axes with ticks, a category
// label under each bar or point and its value printed on the chart, so every value can be read off.
#pragma once

#include <opencv2/core.hpp>

#include "suite/suite.hpp"

namespace evalpanel::suite::detail {

// Each returns the black-on-white grey page; throws std::invalid_argument ("generate.values: ...")
// when the data cannot be drawn.
cv::Mat draw_bar_chart(const GenerateSpec& spec);
cv::Mat draw_line_chart(const GenerateSpec& spec);

}  // namespace evalpanel::suite::detail
