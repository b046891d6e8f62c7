// What `cer` and `wer` share (METRICS.md §2, §3, §11): their one parameter and the jiwer 4.0 rule for
// turning an edit count into a score.
#pragma once

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

namespace evalpanel::metrics {

struct ErrorRateOptions {
    // Every run of white space (line breaks included) becomes one U+0020 on both sides first: for OCR
    // suites that judge the text, not the layout.
    bool collapse_whitespace = false;
};

// From the suite's parameters for `metric`; throws MetricParamError on a wrong type.
ErrorRateOptions error_rate_options(const nlohmann::json& params, std::string_view metric);

// edits / reference_tokens; with an empty reference jiwer 4.0 returns the insertion count (not a rate,
// and 0 when the hypothesis is empty too) where jiwer 3.x raised.
double error_rate(std::size_t edits, std::size_t reference_tokens, std::size_t hypothesis_tokens);

}  // namespace evalpanel::metrics
