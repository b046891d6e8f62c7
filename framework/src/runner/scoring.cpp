#include "runner/scoring.hpp"

#include <stdexcept>

#include "metrics/metric.hpp"

namespace evalpanel::runner {

std::vector<std::string> references_of(const suite::Case& c) {
    if (!c.answers.empty()) return c.answers;
    return {c.expected};
}

std::vector<metrics::Source> sources_of(const std::vector<Citation>& citations, const suite::Case& c) {
    std::vector<metrics::Source> sources;
    sources.reserve(citations.size());
    for (const Citation& citation : citations) {
        metrics::Source source{citation.url, citation.title, citation.snippet, citation.date};
        for (const suite::Passage& passage : c.passages) {
            if (passage.url != citation.url) continue;
            source.text = passage.text;
            if (source.title.empty()) source.title = passage.title;
            if (source.date.empty()) source.date = passage.date;
            break;
        }
        sources.push_back(std::move(source));
    }
    return sources;
}

std::vector<store::ScoreRecord> score_case(const suite::Suite& suite, const suite::Case& c, const std::string& output,
                                           const std::vector<metrics::Source>& sources) {
    const std::vector<std::string> references = references_of(c);
    static const nlohmann::json no_params = nlohmann::json::object();
    std::vector<store::ScoreRecord> scores;
    scores.reserve(suite.metrics.size());
    for (const std::string& id : suite.metrics) {
        const metrics::MetricDef* metric = metrics::find_metric(id);
        if (metric == nullptr) throw std::logic_error("suite " + suite.file.string() + " names unknown metric " + id);
        const auto params = suite.metric_params.find(id);
        const metrics::MetricInput input{output,  references, params != suite.metric_params.end() ? *params : no_params,
                                         sources, c.facts, c.sources};
        scores.push_back({id, metric->compute(input)});
    }
    return scores;
}

}  // namespace evalpanel::runner
