#include "report/json_report.hpp"

#include <gtest/gtest.h>

#include "report_sample.hpp"

namespace evalpanel::report {
namespace {

using nlohmann::ordered_json;

class JsonReport : public ::testing::Test {
protected:
    const ReportData data = sample::hostile_report();
    const std::string text = render_json(data);
    const ordered_json json = ordered_json::parse(text);
};

std::vector<std::string> keys(const ordered_json& object) {
    std::vector<std::string> out;
    for (const auto& [key, value] : object.items()) out.push_back(key);
    return out;
}

TEST_F(JsonReport, StableKeyOrder) {
    EXPECT_EQ(keys(json), (std::vector<std::string>{"schema_version", "title", "generated_at", "tools", "better", "runs",
                                                    "verdicts"}));
    EXPECT_EQ(keys(json["runs"][0]),
              (std::vector<std::string>{"id", "batch", "tool", "plugin", "plugin_version", "tool_kind", "suite",
                                        "suite_hash", "task", "status", "started_at", "finished_at", "evalpanel_version",
                                        "cases_total", "cases", "by_status", "failed", "latency_ms", "cost", "metrics",
                                        "slices", "errors"}));
    EXPECT_EQ(keys(json["verdicts"][0]),
              (std::vector<std::string>{"tool", "plugin", "plugin_version", "kind", "entry", "free", "run_ids",
                                        "panel_ship_pct", "community", "reviews", "pricing", "split", "figures", "text"}));
    EXPECT_EQ(render_json(data), text);  // same input, same bytes
}

TEST_F(JsonReport, RoundTripsWhenTextIsValid) {
    ReportData clean = data;
    clean.results.clear();  // the hostile outputs with invalid UTF-8 live in the results
    clean.cases.clear();
    clean.runs[0].run.tool = clean.runs[1].run.tool = "t";
    const ordered_json direct = report_json(clean);
    EXPECT_EQ(ordered_json::parse(render_json(clean)), direct);
}

TEST_F(JsonReport, RunFigures) {
    const ordered_json& a = json["runs"][0];
    EXPECT_EQ(a["id"], 1);
    EXPECT_EQ(a["cases"], 4);
    EXPECT_EQ(a["by_status"], (ordered_json{{"ok", 4}}));
    EXPECT_EQ(a["latency_ms"]["p50"], 250.0);
    EXPECT_EQ(a["cost"], (ordered_json{{"free", true}, {"per_case_usd", 0.0}, {"per_1000_usd", 0.0}, {"cases_with_cost", 0}}));
    const ordered_json& cer = a["metrics"][0];
    const MetricSummary& m = data.runs[0].metrics[0];
    EXPECT_EQ(cer["metric"], "cer");
    EXPECT_DOUBLE_EQ(cer["mean"].get<double>(), *m.mean);
    EXPECT_DOUBLE_EQ(cer["ci95"]["low"].get<double>(), m.ci95->low);
    EXPECT_DOUBLE_EQ(cer["ci95"]["high"].get<double>(), m.ci95->high);
    EXPECT_EQ(cer["scored"], 3);
    EXPECT_EQ(cer["undefined"], 1);
    EXPECT_EQ(a["slices"]["clean"]["cases"], 2);
    EXPECT_DOUBLE_EQ(a["slices"]["clean"]["metrics"][0]["mean"].get<double>(), 0.05);

    const ordered_json& b = json["runs"][1];
    EXPECT_EQ(b["failed"], 2);
    EXPECT_DOUBLE_EQ(b["cost"]["per_1000_usd"].get<double>(), 2.0);
    ASSERT_EQ(b["errors"].size(), 2u);
    EXPECT_EQ(b["errors"][0]["case_id"], "case-img");
    EXPECT_EQ(b["errors"][0]["status"], "timeout");
    EXPECT_EQ(b["errors"][0]["error"], "timeout: no answer in 30 s " + sample::kScript);
    EXPECT_EQ(json["better"], (ordered_json{{"cer", "lower"}}));
}

// Every figure a verdict card shows (ship %, community, entry, pricing, each reviewer's decision, sentences,
// rules, missing figures, the figures behind the sentences, the split) is in the JSON with the same value.
TEST_F(JsonReport, EveryVerdictFigure) {
    ASSERT_EQ(json["verdicts"].size(), data.verdicts.size());
    for (std::size_t i = 0; i < data.verdicts.size(); ++i) {
        const verdict::ToolVerdict& v = data.verdicts[i];
        const ordered_json& j = json["verdicts"][i];
        EXPECT_EQ(j["tool"], v.figures.tool);
        EXPECT_EQ(j["entry"], v.entry);
        EXPECT_DOUBLE_EQ(j["panel_ship_pct"].get<double>(), *v.panel_ship_pct);
        if (v.community) EXPECT_EQ(j["community"], (ordered_json{{"up", v.community->first}, {"down", v.community->second}}));
        else EXPECT_TRUE(j["community"].is_null());
        EXPECT_EQ(j["pricing"]["sentence"], v.pricing.sentence);
        EXPECT_EQ(j["pricing"]["cost_per_1000_usd"].get<double>(), *v.pricing.cost_per_1000_usd);
        EXPECT_EQ(j["pricing"]["monthly_cost_usd"].get<double>(), *v.pricing.monthly_cost_usd);
        EXPECT_EQ(j["split"]["ship"], v.split.ship);
        EXPECT_EQ(j["split"]["dont_ship"], v.split.dont_ship);
        EXPECT_EQ(j["split"]["sentence"], v.split.sentence);
        for (const auto& [name, value] : v.figures.figures) EXPECT_EQ(j["figures"][name].get<double>(), value) << name;
        ASSERT_EQ(j["reviews"].size(), v.reviews.size());
        for (std::size_t r = 0; r < v.reviews.size(); ++r) {
            const auto& review = v.reviews[r];
            const ordered_json& jr = j["reviews"][r];
            EXPECT_EQ(jr["reviewer"], review.reviewer_id);
            EXPECT_EQ(jr["sentences"], review.sentences);
            EXPECT_EQ(jr["failed_conditions"], review.failed_conditions);
            EXPECT_EQ(jr["missing_figures"], review.missing_figures);
            for (const auto& [name, value] : review.figures_used) EXPECT_EQ(jr["figures_used"][name].get<double>(), value);
        }
    }
    EXPECT_EQ(json["verdicts"][0]["reviews"][0]["decision"], "ship");
    EXPECT_EQ(json["verdicts"][0]["reviews"][1]["decision"], "dont_ship");
    EXPECT_EQ(json["verdicts"][0]["reviews"][2]["decision"], "undecided");
    EXPECT_TRUE(json["verdicts"][0]["reviews"][2]["ship"].is_null());
    EXPECT_TRUE(json["verdicts"][0]["pricing"]["quality_per_dollar"].is_null());
    EXPECT_EQ(json["verdicts"][0]["text"]["worst_slice"], "degraded" + sample::kImg);
}

TEST_F(JsonReport, InvalidUtf8IsReplacedNotThrown) {
    ReportData bad;
    bad.title = sample::kBadUtf8;
    const ordered_json parsed = ordered_json::parse(render_json(bad));
    EXPECT_EQ(parsed["title"], "caf\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD bad");
    EXPECT_TRUE(parsed["runs"].empty());
    EXPECT_TRUE(parsed["verdicts"].empty());
}

}  // namespace
}  // namespace evalpanel::report
