#include "metrics/levenshtein.hpp"

#include "metrics/edit_distance.hpp"
#include "metrics/unicode.hpp"

namespace evalpanel::metrics {

std::size_t levenshtein(std::string_view prediction, std::string_view reference) {
    return edit_distance(decode_utf8(prediction), decode_utf8(reference));
}

MetricValue levenshtein_metric(const MetricInput& input) {
    if (input.references.empty()) return std::nullopt;
    return static_cast<double>(levenshtein(input.prediction, input.references.front()));
}

}  // namespace evalpanel::metrics
