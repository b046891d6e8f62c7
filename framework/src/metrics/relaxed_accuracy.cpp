#include "metrics/relaxed_accuracy.hpp"

#include <algorithm>
#include <cmath>

#include "metrics/python_float.hpp"
#include "metrics/unicode.hpp"

namespace evalpanel::metrics {

std::optional<double> chart_number(std::string_view text) {
    const std::u32string code_points = decode_utf8(text);
    if (!code_points.ends_with(U'%')) return python_float(code_points);
    const std::size_t last_kept = code_points.find_last_not_of(U'%');
    const std::u32string_view before_percent =
        std::u32string_view(code_points).substr(0, last_kept == std::u32string::npos ? 0 : last_kept + 1);
    const auto number = python_float(before_percent);
    if (!number) return std::nullopt;
    return *number / 100.0;
}

bool relaxed_correct(std::string_view target, std::string_view prediction, double max_relative_change) {
    const auto prediction_number = chart_number(prediction);
    const auto target_number = chart_number(target);
    if (prediction_number && target_number && *target_number != 0.0) {
        // Compare the ratio itself (METRICS.md §0): |p − t| <= 0.05·|t| differs on real inputs.
        const double relative_change = std::fabs(*prediction_number - *target_number) / std::fabs(*target_number);
        return relative_change <= max_relative_change;
    }
    return to_lower(decode_utf8(prediction)) == to_lower(decode_utf8(target));
}

MetricValue relaxed_accuracy(std::string_view prediction, const std::vector<std::string>& targets,
                             double max_relative_change) {
    if (targets.empty()) return std::nullopt;
    const bool any_correct = std::ranges::any_of(
        targets, [&](const std::string& target) { return relaxed_correct(target, prediction, max_relative_change); });
    return any_correct ? 1.0 : 0.0;
}

}  // namespace evalpanel::metrics
