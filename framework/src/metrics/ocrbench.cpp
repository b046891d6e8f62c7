#include "metrics/ocrbench.hpp"

#include <algorithm>

#include "metrics/unicode.hpp"

namespace evalpanel::metrics {
namespace {

std::u32string newlines_to_spaces(std::u32string_view text) {
    std::u32string out(text);
    std::ranges::replace(out, U'\n', U' ');
    return out;
}

std::u32string ocrbench_normalize(std::string_view text) {
    return newlines_to_spaces(strip(to_lower(decode_utf8(text))));
}

std::u32string ocrbench_hme_normalize(std::string_view text) {
    std::u32string out = newlines_to_spaces(strip(decode_utf8(text)));
    std::erase(out, U' ');
    return out;
}

using Normalizer = std::u32string (*)(std::string_view);

MetricValue any_gold_contained(std::string_view prediction, const std::vector<std::string>& golds, Normalizer norm) {
    if (golds.empty()) return std::nullopt;
    const std::u32string normalized_prediction = norm(prediction);
    const bool contained = std::ranges::any_of(golds, [&](const std::string& gold) {
        return normalized_prediction.find(norm(gold)) != std::u32string::npos;
    });
    return contained ? 1.0 : 0.0;
}

}  // namespace

MetricValue ocrbench(std::string_view prediction, const std::vector<std::string>& golds) {
    return any_gold_contained(prediction, golds, &ocrbench_normalize);
}

MetricValue ocrbench_hme(std::string_view prediction, const std::vector<std::string>& golds) {
    return any_gold_contained(prediction, golds, &ocrbench_hme_normalize);
}

}  // namespace evalpanel::metrics
