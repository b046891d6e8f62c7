#include "metrics/citation_url_checks.hpp"

#include <gtest/gtest.h>

namespace evalpanel::metrics {
namespace {

std::vector<Source> with_urls(std::initializer_list<const char*> urls) {
    std::vector<Source> sources;
    for (const char* url : urls) sources.push_back({.url = url, .title = "", .text = "", .date = ""});
    return sources;
}

// METRICS.md §10.5 table.
TEST(CitationDuplicateUrls, WorkedExamples) {
    EXPECT_EQ(citation_duplicate_urls(with_urls({"https://a.example/x", "https://A.example/x/"})), 1u);
    EXPECT_EQ(citation_duplicate_urls(with_urls({"https://x.example/a?b=1", "https://x.example/a?b=2"})), 0u);
    EXPECT_EQ(citation_duplicate_urls(with_urls({"https://x.example/a#top", "https://www.x.example/a"})), 1u);
}

TEST(CitationDuplicateUrls, CountsEveryRepeat) {
    EXPECT_EQ(citation_duplicate_urls(with_urls({"http://a.example", "https://a.example:443/", "a.example//",
                                                 "https://user@www.a.example:80"})),
              3u);
    EXPECT_EQ(citation_duplicate_urls(with_urls({})), 0u);
}

// Our choice (header): a source without a URL is left out, so two URL-less sources are not duplicates.
TEST(CitationDuplicateUrls, SourcesWithoutUrlAreLeftOut) {
    EXPECT_EQ(citation_duplicate_urls(with_urls({"", " ", "https://a.example/"})), 0u);
}

TEST(DomainDiversity, WorkedExamples) {
    EXPECT_EQ(domain_diversity(with_urls({"https://a.example/1", "https://a.example/2", "https://b.example/"})),
              0.6666666666666666);
    EXPECT_EQ(domain_diversity(with_urls({"https://www.x.example/", "http://x.example/about"})), 0.5);
    EXPECT_EQ(domain_diversity(with_urls({"https://a.example/", "https://b.example/", "https://c.example/"})), 1.0);
}

TEST(DomainDiversity, SubDomainsAndPortsAreDifferentHosts) {
    EXPECT_EQ(domain_diversity(with_urls({"https://a.example/", "https://sub.a.example/", "https://a.example:8443/",
                                          "https://a.example:443/"})),
              0.75);
}

TEST(DomainDiversity, UndefinedWithoutAnyUrl) {
    EXPECT_EQ(domain_diversity(with_urls({})), std::nullopt);
    EXPECT_EQ(domain_diversity(with_urls({"", "\t"})), std::nullopt);
    EXPECT_EQ(domain_diversity(with_urls({"", "https://a.example/"})), 1.0);
}

TEST(CitationUrlChecks, RegistryEntries) {
    const std::vector<std::string> references;
    const nlohmann::json params = nlohmann::json::object();
    const auto sources = with_urls({"https://a.example/x", "https://A.example/x/", "https://b.example"});
    const MetricInput input{"", references, params, sources};
    EXPECT_EQ(citation_duplicate_urls_metric(input), 1.0);
    EXPECT_EQ(domain_diversity_metric(input), 0.6666666666666666);
}

}  // namespace
}  // namespace evalpanel::metrics
