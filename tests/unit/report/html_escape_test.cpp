#include "report/html_escape.hpp"

#include <gtest/gtest.h>

namespace evalpanel::report {
namespace {

TEST(SanitizeUtf8, KeepsValidText) { EXPECT_EQ(sanitize_utf8("plain, é, —, 😀"), "plain, é, —, 😀"); }

TEST(SanitizeUtf8, ReplacesEachIllFormedRunOnce) {
    EXPECT_EQ(sanitize_utf8("a\xFF\xFE" "b"), "a\xEF\xBF\xBD" "b");                // invalid bytes
    EXPECT_EQ(sanitize_utf8("caf\xC3"), "caf\xEF\xBF\xBD");                       // truncated at the end
    EXPECT_EQ(sanitize_utf8("\xC0\xAF"), "\xEF\xBF\xBD");                         // overlong '/'
    EXPECT_EQ(sanitize_utf8("\xED\xA0\x80"), "\xEF\xBF\xBD");                     // a surrogate
    EXPECT_EQ(sanitize_utf8("\xF4\x90\x80\x80"), "\xEF\xBF\xBD");                 // above U+10FFFF
    EXPECT_EQ(sanitize_utf8("\x80" "x\x80"), "\xEF\xBF\xBD" "x\xEF\xBF\xBD");     // stray continuation bytes
}

TEST(EscapeHtml, EscapesMarkupQuotesAndControls) {
    EXPECT_EQ(escape_html("<script>alert('x')</script>"), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    EXPECT_EQ(escape_html("\"><img src=x onerror=alert(1)>"), "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    EXPECT_EQ(escape_html("a & b ]]>"), "a &amp; b ]]&gt;");
    EXPECT_EQ(escape_html(std::string("t\tn\nr\r nul") + '\0' + "\x07"), "t\tn\nr\r nul\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(escape_html("bad\xFF<"), "bad\xEF\xBF\xBD&lt;");
}

TEST(EscapeXml, EscapesAndDropsWhatXml10Forbids) {
    EXPECT_EQ(escape_xml("<a b=\"c\" d='e'>&</a>"), "&lt;a b=&quot;c&quot; d=&apos;e&apos;&gt;&amp;&lt;/a&gt;");
    EXPECT_EQ(escape_xml(std::string("bell\x07 nul") + '\0' + " vt\x0B end"), "bell nul vt end");
    EXPECT_EQ(escape_xml("tab\tline\ncr\r"), "tab&#9;line&#10;cr&#13;");
    EXPECT_EQ(escape_xml("\xEF\xBF\xBE\xEF\xBF\xBF" "ok"), "ok");  // U+FFFE, U+FFFF
    EXPECT_EQ(escape_xml("\xFF"), "\xEF\xBF\xBD");
}

TEST(TruncateUtf8, CutsAtACodePointBoundary) {
    EXPECT_EQ(truncate_utf8("short", 10), "short");
    EXPECT_EQ(truncate_utf8("abcdef", 3), "abc…");
    EXPECT_EQ(truncate_utf8("aé", 2), "a…");  // "é" is two bytes: never half of it
}

}  // namespace
}  // namespace evalpanel::report
