#include "report/junit.hpp"

#include <gtest/gtest.h>

#include "count_occurrences.hpp"

#include "report/html_escape.hpp"
#include "report_sample.hpp"

namespace evalpanel::report {
namespace {

using testing::count;

TEST(PassRule, Parses) {
    const PassRule rule = parse_pass_rule(" cer <= 0.1 ");
    EXPECT_EQ(rule.metric, "cer");
    EXPECT_EQ(rule.op, "<=");
    EXPECT_EQ(rule.threshold, 0.1);
    EXPECT_EQ(rule.text, "cer <= 0.1");
    EXPECT_EQ(parse_pass_rule("anls>0.5").op, ">");
    EXPECT_EQ(parse_pass_rule("exact_match==1").threshold, 1.0);
    EXPECT_EQ(parse_pass_rule("x!=-2e-3").threshold, -0.002);
}

TEST(PassRule, Compares) {
    EXPECT_TRUE(parse_pass_rule("cer<=0.1").passes(0.1));
    EXPECT_FALSE(parse_pass_rule("cer<0.1").passes(0.1));
    EXPECT_TRUE(parse_pass_rule("anls>=0.5").passes(0.5));
    EXPECT_FALSE(parse_pass_rule("anls>0.5").passes(0.5));
    EXPECT_TRUE(parse_pass_rule("m==1").passes(1));
    EXPECT_FALSE(parse_pass_rule("m!=1").passes(1));
}

TEST(PassRule, ClearErrors) {
    auto message = [](const std::string& text) {
        try {
            parse_pass_rule(text);
        } catch (const PassRuleError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(message("cer"), "pass rule 'cer' has no comparison; write it as METRIC<=VALUE (operators: < <= > >= == !=)");
    EXPECT_EQ(message("<=0.1"), "pass rule '<=0.1' names no metric; write it as METRIC<=VALUE");
    EXPECT_EQ(message("cer=<0.1"), "pass rule 'cer=<0.1': '=<' is not an operator (use < <= > >= == !=)");
    EXPECT_EQ(message("cer=0.1"), "pass rule 'cer=0.1': '=' is not an operator (use < <= > >= == !=)");
    EXPECT_EQ(message("cer<="), "pass rule 'cer<=' has no value after '<='");
    EXPECT_EQ(message("cer<=ten"), "pass rule 'cer<=ten': 'ten' is not a number");
    EXPECT_EQ(message("cer<=0.1x"), "pass rule 'cer<=0.1x': '0.1x' is not a number");
    EXPECT_EQ(message("cer<=nan"), "pass rule 'cer<=nan': 'nan' is not a number");
}

TEST(PassRule, RulesWithoutMetric) {
    const ReportData data = sample::hostile_report();
    EXPECT_EQ(rules_without_metric(data, {parse_pass_rule("cer<=0.1"), parse_pass_rule("cre<=0.1")}),
              (std::vector<std::string>{"cre<=0.1"}));
}

TEST(Junit, OneSuitePerRunOneCasePerResult) {
    const std::string xml = render_junit(sample::hostile_report(), {});
    EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"OCR comparison &lt;script&gt;", 0), 0u);
    EXPECT_EQ(count(xml, "<testsuite "), 2u);
    EXPECT_EQ(count(xml, "<testcase "), 7u);
    EXPECT_EQ(count(xml, "<failure "), 2u);  // the timeout and the error
    EXPECT_NE(xml.find("tests=\"7\" failures=\"2\" errors=\"0\" time=\"33.100\">"), std::string::npos);
    EXPECT_NE(xml.find("<testsuite name=\"tesseract × receipts\" tests=\"4\" failures=\"0\" errors=\"0\" skipped=\"0\" "
                       "time=\"1.000\" timestamp=\"2026-11-24T15:00:00.000Z\">"),
              std::string::npos);
    EXPECT_NE(xml.find("<testcase classname=\"receipts\" name=\"case-img\" time=\"0.200\"/>"), std::string::npos);
    EXPECT_NE(xml.find("<property name=\"run_id\" value=\"2\"/>"), std::string::npos);
    EXPECT_NE(xml.find("<failure message=\"timeout: no answer in 30 s &lt;script&gt;document.title=&apos;PWNED&apos;;"
                       "alert(1)&lt;/script&gt;\" type=\"timeout\">expected: TOTAL 12.50&#10;output: </failure>"),
              std::string::npos);
}

TEST(Junit, PassRulesFailCasesButNotUndefinedOnes) {
    const std::string xml = render_junit(sample::hostile_report(), {parse_pass_rule("cer<=0.2")});
    // tesseract: case-img (0.3) fails; case-bytes has no cer and is not judged. The other run: two errors.
    EXPECT_EQ(count(xml, "<failure "), 3u);
    EXPECT_NE(xml.find("failures=\"1\""), std::string::npos);
    EXPECT_NE(xml.find("<failure message=\"cer = 0.3 fails cer&lt;=0.2\" type=\"pass rule\">"), std::string::npos);
    EXPECT_NE(xml.find("<testcase classname=\"receipts\" name=\"case-bytes\" time=\"0.400\"/>"), std::string::npos);
}

TEST(Junit, EscapesAndStripsIllegalCharacters) {
    const std::string xml = render_junit(sample::hostile_report(), {parse_pass_rule("cer<=0.0")});
    EXPECT_EQ(xml.find("<script"), std::string::npos);
    EXPECT_EQ(xml.find("<img"), std::string::npos);
    EXPECT_EQ(xml.find("<svg"), std::string::npos);
    EXPECT_EQ(sanitize_utf8(xml), xml);
    for (char c : xml) {
        const auto u = static_cast<unsigned char>(c);
        EXPECT_TRUE(u >= 0x20 || c == '\n') << "control character " << int(u);
    }
    EXPECT_NE(xml.find("name=\"cloud&quot;&gt;&lt;img src=x onerror=&quot;"), std::string::npos);
    EXPECT_NE(xml.find("http: 500 &quot;&gt;&lt;img"), std::string::npos);
    EXPECT_NE(xml.find("bell nul vt end"), std::string::npos);
    EXPECT_EQ(xml.find("]]>"), std::string::npos);
}

TEST(Junit, NoRuns) {
    EXPECT_EQ(render_junit(ReportData{}, {}),
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"evalpanel\" tests=\"0\" failures=\"0\" "
              "errors=\"0\" time=\"0.000\">\n</testsuites>\n");
}

}  // namespace
}  // namespace evalpanel::report
