#include "metrics/cer.hpp"

#include "metrics/edit_distance.hpp"
#include "metrics/unicode.hpp"

namespace evalpanel::metrics {

std::u32string cer_tokens(std::string_view text, const ErrorRateOptions& options) {
    std::u32string code_points = decode_utf8(text);
    if (options.collapse_whitespace) code_points = collapse_whitespace(code_points);
    return std::u32string(strip(code_points));
}

double cer(std::string_view prediction, std::string_view reference, const ErrorRateOptions& options) {
    const std::u32string hypothesis_tokens = cer_tokens(prediction, options);
    const std::u32string reference_tokens = cer_tokens(reference, options);
    return error_rate(edit_distance(hypothesis_tokens, reference_tokens), reference_tokens.size(),
                      hypothesis_tokens.size());
}

MetricValue cer_metric(const MetricInput& input) {
    const ErrorRateOptions options = error_rate_options(input.params, "cer");
    if (input.references.empty()) return std::nullopt;
    return cer(input.prediction, input.references.front(), options);
}

}  // namespace evalpanel::metrics
