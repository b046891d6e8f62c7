#include "metrics/url_key.hpp"

#include <gtest/gtest.h>

namespace evalpanel::metrics {
namespace {

std::u32string key(std::string_view url) { return normalize_url(url).key(); }

// Guards dropping the scheme (any scheme://, case-insensitive letters kept out of the key).
TEST(CitationUrlKey, DropsTheScheme) {
    EXPECT_EQ(key("https://a.example/x"), U"a.example/x");
    EXPECT_EQ(key("http://a.example/x"), U"a.example/x");
    EXPECT_EQ(key("HTTPS://a.example/x"), U"a.example/x");
    EXPECT_EQ(key("git+ssh://a.example/x"), U"a.example/x");
    EXPECT_EQ(key("a.example/x"), U"a.example/x");
    EXPECT_EQ(key("1http://a.example/x"), U"1http://a.example/x");  // no scheme: starts with a digit
}

// Guards the host rules, in order: user@, lower-case, default port, www.
TEST(CitationUrlKey, NormalisesTheHost) {
    EXPECT_EQ(key("https://User:Pw@A.Example/Path"), U"a.example/Path");
    EXPECT_EQ(key("https://a.example:80/x"), U"a.example/x");
    EXPECT_EQ(key("https://a.example:443/x"), U"a.example/x");
    EXPECT_EQ(key("https://a.example:8080/x"), U"a.example:8080/x");
    EXPECT_EQ(key("https://a.example:4430/x"), U"a.example:4430/x");
    EXPECT_EQ(key("https://WWW.A.example/x"), U"a.example/x");    // lower-cased before "www." goes
    EXPECT_EQ(key("https://www.a.example:443/"), U"a.example");
    EXPECT_EQ(key("https://www2.a.example/x"), U"www2.a.example/x");
    EXPECT_EQ(key("https://sub.www.a.example/"), U"sub.www.a.example");  // only a leading "www."
    EXPECT_EQ(key("https://\u00C9COLE.example/"), U"\u00E9cole.example");  // full lower-casing (§0)
}

// Guards the path rules: trailing slashes go, case stays.
TEST(CitationUrlKey, TrimsTrailingSlashesAndKeepsPathCase) {
    EXPECT_EQ(key("https://a.example/A/b///"), U"a.example/A/b");
    EXPECT_EQ(key("https://a.example/"), U"a.example");
    EXPECT_EQ(key("https://a.example"), U"a.example");
    EXPECT_NE(key("https://a.example/A"), key("https://a.example/a"));
}

// Guards the fragment cut (before the query split) and the case-sensitive query.
TEST(CitationUrlKey, FragmentAndQuery) {
    EXPECT_EQ(key("https://a.example/x#top"), U"a.example/x");
    EXPECT_EQ(key("https://a.example/x/?q=1#f"), U"a.example/x?q=1");
    EXPECT_EQ(key("https://a.example/x#f?q=1"), U"a.example/x");
    EXPECT_EQ(key("https://a.example/x?"), U"a.example/x");        // empty query: no "?"
    EXPECT_EQ(key("https://a.example?Q=A/b"), U"a.example?Q=A/b");  // a "/" in the query is not a path
    EXPECT_NE(key("https://a.example/x?Q=A"), key("https://a.example/x?q=a"));
}

TEST(CitationUrlKey, StripsWhiteSpace) {
    EXPECT_EQ(key("  https://a.example/x/ \n"), U"a.example/x");
    EXPECT_EQ(key(""), U"");
}

TEST(CitationUrlKey, RecordsWhetherAPathFollowsTheHost) {
    EXPECT_FALSE(normalize_url("who.int").has_slash);
    EXPECT_TRUE(normalize_url("who.int/").has_slash);
    EXPECT_FALSE(normalize_url("https://who.int?x=1/y").has_slash);
    EXPECT_EQ(normalize_url("https://www.who.int/news/").host, U"who.int");
    EXPECT_EQ(normalize_url("https://www.who.int/news/").path, U"/news");
    EXPECT_EQ(normalize_url("https://who.int/a?b=C").query, U"b=C");
}

}  // namespace
}  // namespace evalpanel::metrics
