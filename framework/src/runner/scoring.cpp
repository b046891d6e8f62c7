#include "runner/scoring.hpp"

#include <stdexcept>

#include "metrics/metric.hpp"

namespace evalpanel::runner {

std::vector<std::string> references_of(const suite::Case& c) {
    if (!c.answers.empty()) return c.answers;
    return {c.expected};
}

std::vector<store::ScoreRecord> score_case(const suite::Suite& suite, const suite::Case& c, const std::string& output) {
    const std::vector<std::string> references = references_of(c);
    static const nlohmann::json no_params = nlohmann::json::object();
    std::vector<store::ScoreRecord> scores;
    scores.reserve(suite.metrics.size());
    for (const std::string& id : suite.metrics) {
        const metrics::MetricDef* metric = metrics::find_metric(id);
        if (metric == nullptr) throw std::logic_error("suite " + suite.file.string() + " names unknown metric " + id);
        const auto params = suite.metric_params.find(id);
        const metrics::MetricInput input{output, references, params != suite.metric_params.end() ? *params : no_params};
        scores.push_back({id, metric->compute(input)});
    }
    return scores;
}

}  // namespace evalpanel::runner
