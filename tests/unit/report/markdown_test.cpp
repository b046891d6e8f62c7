#include "report/markdown.hpp"

#include <gtest/gtest.h>

namespace evalpanel::report {
namespace {

RunSummary sample() {
    store::RunRecord run;
    run.id = 3;
    run.tool = "tess|eract";
    run.suite_name = "receipts";
    run.suite_hash = "abcdef0123456789";
    store::ResultRecord a;
    a.status = "ok";
    a.latency_ms = 12;
    a.tags = {"clean"};
    a.scores = {{"cer", 0.25}};
    store::ResultRecord b = a;
    b.status = "timeout";
    b.scores = {{"cer", std::nullopt}};
    return summarize(run, {a, b});
}

TEST(Markdown, TableHasToolSuiteMetricsAndLatency) {
    const std::string md = render_markdown({sample()});
    EXPECT_NE(md.find("| 3 | tess\\|eract | receipts | 2 | 1 | 0 | 1 | 0.2500 [0.250, 0.250] (1 n/a) | 12.0 | 12.0 |"), std::string::npos) << md;
    EXPECT_NE(md.find("### tess\\|eract × receipts (run 3)"), std::string::npos);
    EXPECT_NE(md.find("| clean | 2 | 0.2500 (1 n/a) |"), std::string::npos) << md;
    EXPECT_NE(md.find("| 3 | timeout | 1 |"), std::string::npos);
}

TEST(Markdown, SummaryTableAlignsColumns) {
    const std::string table = render_summary_table({sample()});
    EXPECT_NE(table.find("cer"), std::string::npos);
    EXPECT_NE(table.find("0.2500"), std::string::npos);
    EXPECT_NE(table.find("----"), std::string::npos);
}

TEST(Markdown, NoRuns) { EXPECT_NE(render_markdown({}).find("No runs."), std::string::npos); }

}  // namespace
}  // namespace evalpanel::report
