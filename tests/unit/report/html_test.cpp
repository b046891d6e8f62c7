#include "report/html.hpp"

#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "count_occurrences.hpp"

#include "report/html_escape.hpp"
#include "report_sample.hpp"

namespace evalpanel::report {
namespace {

using testing::count;

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

class HtmlReport : public ::testing::Test {
protected:
    const std::string page = render_html(sample::hostile_report());
};

TEST_F(HtmlReport, NoMarkupFromDataSurvives) {
    const std::string l = lower(page);
    EXPECT_EQ(count(l, "<script"), 0u);
    EXPECT_EQ(count(l, "<img"), 0u);
    EXPECT_EQ(count(l, "onerror=\""), 0u);
    EXPECT_EQ(count(l, "onload=\""), 0u);
    EXPECT_EQ(count(l, "<svg onload"), 0u);
    EXPECT_EQ(count(l, "id=\"pwned-style\""), 0u);
    EXPECT_EQ(count(l, "</style>"), 1u);  // only the page's own style sheet ends
    EXPECT_EQ(count(l, "<style>"), 1u);
}

// Every tag in the page is one the renderer writes: a '<' from data only ever appears as "&lt;".
TEST_F(HtmlReport, EveryTagIsTheRenderersOwn) {
    const std::set<std::string> allowed = {"!doctype", "html", "head", "meta", "title", "style", "body", "main", "header",
                                           "h1", "h2", "h3", "h4", "p", "b", "i", "small", "code", "div", "span",
                                           "article", "section", "dl", "dt", "dd", "table", "tr", "th", "td", "footer",
                                           "svg", "line", "text", "rect", "path", "g", "circle"};
    const std::regex tag("<(/?)([^\\s>/]+)");
    for (auto it = std::sregex_iterator(page.begin(), page.end(), tag); it != std::sregex_iterator(); ++it) {
        EXPECT_TRUE(allowed.contains(lower((*it)[2].str()))) << "unexpected tag <" << (*it)[2].str();
    }
}

TEST_F(HtmlReport, HostileTextIsShownEscaped) {
    EXPECT_NE(page.find("&lt;script&gt;document.title=&#39;PWNED&#39;;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(page.find("&quot;&gt;&lt;img src=x onerror=&quot;document.body.setAttribute"), std::string::npos);
    EXPECT_NE(page.find("&lt;/style&gt;&lt;b id=&quot;pwned-style&quot;&gt;"), std::string::npos);
    EXPECT_NE(page.find("]]&gt;&lt;svg onload="), std::string::npos);
    EXPECT_NE(page.find("<title>OCR comparison &lt;script&gt;"), std::string::npos);
}

TEST_F(HtmlReport, InvalidUtf8IsReplaced) {
    EXPECT_EQ(sanitize_utf8(page), page);
    EXPECT_NE(page.find("caf\xEF\xBF\xBD \xEF\xBF\xBD bad"), std::string::npos);
    EXPECT_EQ(page.find('\0'), std::string::npos);
    EXPECT_EQ(page.find('\x07'), std::string::npos);
}

TEST_F(HtmlReport, FetchesNothing) {
    const std::string l = lower(page);
    EXPECT_EQ(count(l, "http://"), 0u);
    EXPECT_EQ(count(l, "https://"), 0u);
    EXPECT_EQ(count(l, " src=\""), 0u);
    EXPECT_EQ(count(l, " href=\""), 0u);
    EXPECT_EQ(count(l, "url("), 0u);
    EXPECT_EQ(count(l, "@import"), 0u);
    EXPECT_NE(page.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                        "'unsafe-inline'; img-src data:\">"),
              std::string::npos);
}

TEST_F(HtmlReport, VerdictCardsSideBySide) {
    EXPECT_EQ(count(page, "<article class=\"card\""), 2u);
    EXPECT_NE(page.find("grid-template-columns:repeat(2,minmax(300px,1fr))"), std::string::npos);
    EXPECT_NE(page.find("<b>50%</b><span>Panel ship</span>"), std::string::npos);
    EXPECT_NE(page.find("<b>25%</b><span>Panel ship</span>"), std::string::npos);
    EXPECT_NE(page.find("<b>—</b><span>Community</span>"), std::string::npos);
    EXPECT_NE(page.find("<b>▲3 ▼1</b><span>Community</span>"), std::string::npos);
    EXPECT_NE(page.find("<b>Free</b><span>Entry</span>"), std::string::npos);
    EXPECT_NE(page.find("<b>Paid</b><span>Entry</span>"), std::string::npos);
    EXPECT_NE(page.find("tesseract_ocr 5.3.0 · runs locally, no account or key"), std::string::npos);
    // The first card comes before the second: tool order is the runs' order.
    EXPECT_LT(page.find("<b>50%</b>"), page.find("<b>25%</b>"));
}

TEST_F(HtmlReport, ReviewerScorecardPricingAndSplit) {
    EXPECT_EQ(count(page, "<section class=\"review\">"), 5u);
    EXPECT_EQ(count(page, "<span class=\"badge ship\">Ship</span>"), 2u);
    EXPECT_EQ(count(page, "<span class=\"badge dont_ship\">Don't ship</span>"), 2u);
    EXPECT_EQ(count(page, "<span class=\"badge undecided\">Undecided</span>"), 1u);
    EXPECT_NE(page.find("<b>The builder</b> <small>builder lens</small>"), std::string::npos);
    EXPECT_NE(page.find("<p>“Runs locally; p95 latency 385 ms. Output &lt;script&gt;"), std::string::npos);
    EXPECT_NE(page.find("Rules not met: <code>slice.degraded.cer.mean &lt;= 0.1</code>"), std::string::npos);
    EXPECT_NE(page.find("Not measured: <code>cost.per_case_usd</code>"), std::string::npos);
    EXPECT_NE(page.find("<dt>Cost per 1,000 cases</dt><dd>$2.00</dd>"), std::string::npos);
    EXPECT_NE(page.find("<dt>Monthly at panel volume</dt><dd>$20.00</dd>"), std::string::npos);
    EXPECT_NE(page.find("<dt>Quality per dollar</dt><dd>166.6500</dd>"), std::string::npos);
    EXPECT_NE(page.find("<dt>Quality per dollar</dt><dd>—</dd>"), std::string::npos);
    EXPECT_NE(page.find("<p>Ship: builder · Don't ship: skeptic · Undecided: buyer</p>"), std::string::npos);
    EXPECT_NE(page.find("<p>Ship: buyer · Don't ship: builder · Undecided: none</p>"), std::string::npos);
}

TEST_F(HtmlReport, MetricAndSliceTablesWithIntervals) {
    // tesseract: cer over 3 defined cases (0.1, 0.3, 0.0), 1 undefined.
    EXPECT_NE(page.find("<h3>cer <small>(lower is better)</small></h3>"), std::string::npos);
    EXPECT_NE(page.find("<tr><td>tesseract</td><td>receipts</td><td class=\"num\">0.1333</td><td class=\"num\">["),
              std::string::npos);
    EXPECT_NE(page.find("</td><td class=\"num\">3</td><td class=\"num\">1</td></tr>"), std::string::npos);
    EXPECT_NE(page.find("<h3>receipts · cer</h3>"), std::string::npos);
    // The clean slice of tesseract: cases 0.1 and 0.0.
    EXPECT_NE(page.find("<tr><td>clean</td><td class=\"num\">0.0500 [0.0000, 0.1000] <small>n=2</small></td>"),
              std::string::npos);
    EXPECT_NE(page.find("<tr><td>degraded&quot;&gt;&lt;img"), std::string::npos);
}

TEST_F(HtmlReport, ChartsArePresent) {
    EXPECT_EQ(count(page, "<svg class=\"chart\""), 3u);
    EXPECT_NE(page.find("aria-label=\"Score per tool and metric, with 95% intervals\""), std::string::npos);
    // Answered cases take 100 to 900 ms (the 30 s one timed out): under 30 times apart, so a linear axis.
    EXPECT_NE(page.find("aria-label=\"Latency per case and tool (linear scale)\""), std::string::npos);
    EXPECT_NE(page.find("aria-label=\"Cost per 1,000 cases against cer\""), std::string::npos);
    EXPECT_NE(page.find("tesseract × receipts — free, cost 0"), std::string::npos);
    EXPECT_NE(page.find("— $2.00, cer 0.6667</title>"), std::string::npos);
    EXPECT_NE(page.find("… — $2.00</text>"), std::string::npos);  // a long label is cut, its cost is not
}

TEST_F(HtmlReport, OverviewShowsCostAndErrors) {
    EXPECT_NE(page.find("<td class=\"num\">$0 (free)</td>"), std::string::npos);
    EXPECT_NE(page.find("<td class=\"num\">$2.00</td>"), std::string::npos);
    EXPECT_NE(page.find("<td>timeout</td><td class=\"text\">timeout: no answer in 30 s &lt;script&gt;"), std::string::npos);
}

TEST(Html, WithoutPanelHasNoCards) {
    ReportData data = sample::hostile_report();
    data.verdicts.clear();
    const std::string page = render_html(data);
    EXPECT_EQ(page.find("class=\"card\""), std::string::npos);
    EXPECT_EQ(page.find("Panel verdict"), std::string::npos);
    EXPECT_EQ(count(page, "<svg class=\"chart\""), 3u);
}

TEST(Html, NoRuns) {
    const std::string page = render_html(ReportData{});
    EXPECT_NE(page.find("<p>No runs.</p>"), std::string::npos);
    EXPECT_NE(page.find("<title>evalpanel report</title>"), std::string::npos);
}

}  // namespace
}  // namespace evalpanel::report
