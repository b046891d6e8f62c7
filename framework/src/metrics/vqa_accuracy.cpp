#include "metrics/vqa_accuracy.hpp"

#include <algorithm>

#include "metrics/unicode.hpp"
#include "metrics/vqa_normalize.hpp"

namespace evalpanel::metrics {
namespace {

std::u32string vqa_normalize(std::u32string_view cleaned) {
    return vqa_process_digit_article(vqa_process_punctuation(cleaned));
}

}  // namespace

MetricValue vqa_accuracy(std::string_view prediction, const std::vector<std::string>& human_answers) {
    if (human_answers.empty()) return std::nullopt;
    std::u32string processed_prediction = vqa_clean(decode_utf8(prediction));
    std::vector<std::u32string> answers;
    answers.reserve(human_answers.size());
    for (const std::string& answer : human_answers) answers.push_back(vqa_clean(decode_utf8(answer)));

    // The gate: len(set(gtAnswers)) > 1.
    const bool answers_differ = std::ranges::any_of(answers, [&](const auto& a) { return a != answers.front(); });
    if (answers_differ) {
        for (std::u32string& answer : answers) answer = vqa_normalize(answer);
        processed_prediction = vqa_normalize(processed_prediction);
    }

    const auto total_matches = std::ranges::count(answers, processed_prediction);
    double sum = 0.0;  // summed in answer order, as the reference's sum(gtAcc) does
    for (const std::u32string& answer : answers) {
        const auto other_matches = total_matches - (answer == processed_prediction ? 1 : 0);
        sum += std::min(1.0, static_cast<double>(other_matches) / 3);
    }
    return sum / static_cast<double>(answers.size());
}

}  // namespace evalpanel::metrics
