#include "report/export_jsonl.hpp"

#include <sstream>

#include <gtest/gtest.h>

namespace evalpanel::report {
namespace {

TEST(ExportJsonl, OneObjectPerCaseWithNullForUndefined) {
    store::RunRecord run;
    run.id = 7;
    run.tool = "tesseract";
    run.suite_name = "codes";
    run.metrics = {{"cer", {{"collapse_whitespace", true}}}, {"exact_match", nlohmann::json::object()}};
    store::ResultRecord ok;
    ok.case_id = "c1";
    ok.tags = {"clean", "code"};
    ok.expected = "SKU-1";
    ok.status = "ok";
    ok.output = "SKU-l";
    ok.latency_ms = 4.5;
    ok.scores = {{"cer", 0.2}, {"exact_match", std::nullopt}};
    store::ResultRecord bad = ok;
    bad.case_id = "c2";
    bad.status = "error";
    bad.output = std::string("\xff\xfe", 2);  // invalid UTF-8 from a tool must not break the export
    bad.error = "bad_input: could not decode";

    std::ostringstream out;
    write_jsonl(out, run, {ok, bad});
    std::istringstream lines(out.str());
    std::string line;
    std::vector<nlohmann::json> rows;
    while (std::getline(lines, line)) rows.push_back(nlohmann::json::parse(line));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0]["case_id"], "c1");
    EXPECT_EQ(rows[0]["suite"], "codes");
    EXPECT_EQ(rows[0]["tool"], "tesseract");
    EXPECT_EQ(rows[0]["tags"], nlohmann::json({"clean", "code"}));
    EXPECT_EQ(rows[0]["expected"], "SKU-1");
    EXPECT_EQ(rows[0]["output"], "SKU-l");
    EXPECT_DOUBLE_EQ(rows[0]["scores"]["cer"].get<double>(), 0.2);
    EXPECT_TRUE(rows[0]["scores"]["exact_match"].is_null());
    EXPECT_TRUE(rows[0]["error"].is_null());
    EXPECT_EQ(rows[0]["metric_params"]["cer"]["collapse_whitespace"], true);
    EXPECT_DOUBLE_EQ(rows[0]["latency_ms"].get<double>(), 4.5);
    EXPECT_EQ(rows[1]["status"], "error");
    EXPECT_EQ(rows[1]["error"], "bad_input: could not decode");
}

}  // namespace
}  // namespace evalpanel::report
