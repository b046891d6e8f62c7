#include "metrics/citation_url_checks.hpp"

#include <set>
#include <string>

#include "metrics/unicode.hpp"
#include "metrics/url_key.hpp"

namespace evalpanel::metrics {
namespace {

std::vector<UrlKey> url_keys(const std::vector<Source>& sources) {
    std::vector<UrlKey> keys;
    for (const Source& source : sources) {
        if (strip(decode_utf8(source.url)).empty()) continue;  // no URL: see the header
        keys.push_back(normalize_url(source.url));
    }
    return keys;
}

}  // namespace

std::size_t citation_duplicate_urls(const std::vector<Source>& sources) {
    const std::vector<UrlKey> keys = url_keys(sources);
    std::set<std::u32string> distinct;
    for (const UrlKey& key : keys) distinct.insert(key.key());
    return keys.size() - distinct.size();
}

MetricValue domain_diversity(const std::vector<Source>& sources) {
    const std::vector<UrlKey> keys = url_keys(sources);
    if (keys.empty()) return std::nullopt;
    std::set<std::u32string> hosts;
    for (const UrlKey& key : keys) hosts.insert(key.host);
    return static_cast<double>(hosts.size()) / static_cast<double>(keys.size());
}

MetricValue citation_duplicate_urls_metric(const MetricInput& input) {
    return static_cast<double>(citation_duplicate_urls(input.sources));
}

MetricValue domain_diversity_metric(const MetricInput& input) { return domain_diversity(input.sources); }

}  // namespace evalpanel::metrics
