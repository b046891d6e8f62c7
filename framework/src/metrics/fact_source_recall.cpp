#include "metrics/fact_source_recall.hpp"

#include <algorithm>

#include "metrics/citation_markers.hpp"
#include "metrics/citation_params.hpp"
#include "metrics/lexical_support.hpp"
#include "metrics/unicode.hpp"
#include "metrics/url_key.hpp"

namespace evalpanel::metrics {
namespace {

bool host_in_domain(std::u32string_view host, std::u32string_view domain) {
    if (host == domain) return true;
    return host.size() > domain.size() && host.ends_with(domain) && host[host.size() - domain.size() - 1] == U'.';
}

bool matches(const UrlKey& expected, const std::vector<UrlKey>& returned) {
    const bool is_domain = !expected.has_slash && expected.query.empty();
    return std::ranges::any_of(returned, [&](const UrlKey& source) {
        return is_domain ? host_in_domain(source.host, expected.host) : source.key() == expected.key();
    });
}

}  // namespace

MetricValue fact_recall(std::string_view answer, const std::vector<std::string>& facts, double fact_threshold) {
    if (facts.empty()) return std::nullopt;
    const ContentWordSet answer_words = content_word_set(remove_citations(decode_utf8(answer)));
    const auto present = std::ranges::count_if(facts, [&](const std::string& fact) {
        return lexical_support(content_word_set(decode_utf8(fact)), answer_words) >= fact_threshold;
    });
    return static_cast<double>(present) / static_cast<double>(facts.size());
}

MetricValue source_recall(const std::vector<Source>& sources, const std::vector<std::string>& expected) {
    if (expected.empty()) return std::nullopt;
    std::vector<UrlKey> returned;
    for (const Source& source : sources) {
        if (!strip(decode_utf8(source.url)).empty()) returned.push_back(normalize_url(source.url));
    }
    const auto matched = std::ranges::count_if(
        expected, [&](const std::string& wanted) { return matches(normalize_url(wanted), returned); });
    return static_cast<double>(matched) / static_cast<double>(expected.size());
}

MetricValue fact_recall_metric(const MetricInput& input) {
    return fact_recall(input.prediction, input.facts, fact_threshold_param(input.params));
}

MetricValue source_recall_metric(const MetricInput& input) {
    return source_recall(input.sources, input.expected_sources);
}

}  // namespace evalpanel::metrics
