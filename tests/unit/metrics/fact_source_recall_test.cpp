#include "metrics/fact_source_recall.hpp"

#include <gtest/gtest.h>

namespace evalpanel::metrics {
namespace {

using Strings = std::vector<std::string>;

std::vector<Source> with_urls(std::initializer_list<const char*> urls) {
    std::vector<Source> sources;
    for (const char* url : urls) sources.push_back({.url = url, .title = "", .text = "", .date = ""});
    return sources;
}

// METRICS.md §10.6 table.
TEST(FactRecall, WorkedExample) {
    EXPECT_EQ(fact_recall("The Act entered into force on 1 August 2024 [1].",
                          Strings{"1 August 2024", "European Parliament"}, 0.8),
              0.5);
}

TEST(FactRecall, TwoWordFactsNeedBothFiveWordFactsFour) {
    const std::string answer = "The European Parliament adopted the AI Act in Strasbourg.";
    EXPECT_EQ(fact_recall(answer, Strings{"European Parliament"}, 0.8), 1.0);
    EXPECT_EQ(fact_recall(answer, Strings{"European Council"}, 0.8), 0.0);  // 1/2
    // parliament adopted act strasbourg march: 4/5 = 0.8 is enough, 3/5 is not.
    EXPECT_EQ(fact_recall(answer, Strings{"Parliament adopted Act Strasbourg March"}, 0.8), 1.0);
    EXPECT_EQ(fact_recall(answer, Strings{"Parliament adopted Act Brussels March"}, 0.8), 0.0);
    EXPECT_EQ(fact_recall(answer, Strings{"Parliament adopted Act Brussels March"}, 0.6), 1.0);
}

// Guards remove_citations on the answer: the marker "[1]" must not supply the fact's "1".
TEST(FactRecall, CitationMarkersAreNotAnswerWords) {
    EXPECT_EQ(fact_recall("Paris is nice [1].", Strings{"Paris 1"}, 0.8), 0.0);
    EXPECT_EQ(fact_recall("Paris is nice 1.", Strings{"Paris 1"}, 0.8), 1.0);
}

TEST(FactRecall, UndefinedWithoutExpectedFacts) {
    EXPECT_EQ(fact_recall("Anything.", Strings{}, 0.8), std::nullopt);
    EXPECT_EQ(fact_recall("Anything.", Strings{"the"}, 0.8), 0.0);  // a fact without content words is absent
}

TEST(SourceRecall, WorkedExamples) {
    EXPECT_EQ(source_recall(with_urls({"https://eur-lex.europa.eu/x", "https://news.example/y"}),
                            Strings{"europa.eu", "who.int"}),
              0.5);
    EXPECT_EQ(source_recall(with_urls({"https://www.who.int/news/item/1/"}), Strings{"who.int/news/item/1"}), 1.0);
}

// Guards the domain rule: equal host or a "." before the suffix, after the URL normalisation.
TEST(SourceRecall, DomainsMatchTheirSubDomainsOnly) {
    const auto sources = with_urls({"https://notwho.int/a", "HTTP://WWW.Example.ORG:443/"});
    EXPECT_EQ(source_recall(sources, Strings{"who.int"}), 0.0);
    EXPECT_EQ(source_recall(sources, Strings{"example.org"}), 1.0);
    EXPECT_EQ(source_recall(sources, Strings{"https://www.example.org"}), 1.0);  // still a domain: no path
    EXPECT_EQ(source_recall(sources, Strings{"org"}), 1.0);
    EXPECT_EQ(source_recall(sources, Strings{"sub.example.org"}), 0.0);
}

// A "/" after the host makes it a URL, matched by key only.
TEST(SourceRecall, UrlsMatchByKey) {
    const auto sources = with_urls({"https://who.int/news/item/1?lang=en#x", "https://a.example/"});
    EXPECT_EQ(source_recall(sources, Strings{"who.int/news/item/1"}), 0.0);  // the query differs
    EXPECT_EQ(source_recall(sources, Strings{"http://www.who.int/news/item/1/?lang=en"}), 1.0);
    EXPECT_EQ(source_recall(sources, Strings{"who.int/news"}), 0.0);         // not a prefix match
    EXPECT_EQ(source_recall(sources, Strings{"a.example/"}), 1.0);           // the home page itself
    EXPECT_EQ(source_recall(with_urls({"https://sub.a.example/"}), Strings{"a.example/"}), 0.0);
}

TEST(SourceRecall, UndefinedWithoutExpectedSources) {
    EXPECT_EQ(source_recall(with_urls({"https://who.int/"}), Strings{}), std::nullopt);
    EXPECT_EQ(source_recall(with_urls({}), Strings{"who.int"}), 0.0);
}

TEST(FactSourceRecall, RegistryEntries) {
    const std::vector<std::string> references;
    const auto sources = with_urls({"https://eur-lex.europa.eu/x"});
    const Strings facts = {"1 August 2024", "European Parliament"};
    const Strings expected = {"europa.eu", "who.int"};
    const nlohmann::json defaults = nlohmann::json::object();
    const MetricInput input{"The Act entered into force on 1 August 2024 [1].", references, defaults, sources, facts,
                            expected};
    EXPECT_EQ(fact_recall_metric(input), 0.5);
    EXPECT_EQ(source_recall_metric(input), 0.5);
    const nlohmann::json loose = {{"fact_threshold", 0.5}};
    const Strings half_fact = {"European Commission"};
    EXPECT_EQ(fact_recall_metric({"The European Union.", references, loose, sources, half_fact}), 1.0);
    EXPECT_EQ(fact_recall_metric({"The European Union.", references, defaults, sources, half_fact}), 0.0);
}

}  // namespace
}  // namespace evalpanel::metrics
