#include <fstream>

#include <gtest/gtest.h>

#include "verdict/verdict.hpp"

namespace evalpanel::verdict {
namespace {

class PanelLoader : public ::testing::Test {
protected:
    std::filesystem::path file_ = std::filesystem::path(::testing::TempDir()) /
                                  (std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".yaml");

    Panel load(const std::string& text) {
        std::ofstream(file_, std::ios::binary) << text;
        return load_panel(file_);
    }
    // The error's message with the file name replaced by FILE.
    std::string error(const std::string& text) {
        try {
            load(text);
        } catch (const PanelError& e) {
            std::string message = e.what();
            if (message.starts_with(file_.string())) message.replace(0, file_.string().size(), "FILE");
            return message;
        }
        return "no error";
    }
};

// Lines 1-8; tests replace one of them.
const std::string kHead = "monthly_volume: 5000\nreviewers:\n  - id: a\n    title: A\n    lens: L\n";
const std::string kRules = "    ship_if:\n      - \"error_rate < 0.02\"\n";
const std::string kVoice = "    voice: [\"{tool} one.\", \"Two {cases}.\"]\n";

TEST_F(PanelLoader, ReadsAValidPanel) {
    const Panel p = load(kHead + "    weight: 2.5\n" + kRules + kVoice +
                         "    voice_no_ship: [\"No {tool}.\", \"{text:worst_slice.cer} {worst_slice.cer.mean:.2f}.\"]\n"
                         "  - id: b\n    title: B\n    lens: M\n    ship_if: [\"primary.change >= 0 when measured\"]\n" + kVoice +
                         "primary_metric: exact_match\n");
    EXPECT_DOUBLE_EQ(p.monthly_volume, 5000);
    EXPECT_EQ(p.primary_metric, "exact_match");
    EXPECT_EQ(p.file, file_);
    ASSERT_EQ(p.reviewers.size(), 2u);
    const Reviewer& a = p.reviewers[0];
    EXPECT_EQ(a.id, "a");
    EXPECT_EQ(a.title, "A");
    EXPECT_EQ(a.lens, "L");
    EXPECT_DOUBLE_EQ(a.weight, 2.5);
    ASSERT_EQ(a.ship_if.size(), 1u);
    EXPECT_EQ(a.ship_if[0].text, "error_rate < 0.02");
    EXPECT_EQ(a.voice, (std::vector<std::string>{"{tool} one.", "Two {cases}."}));
    EXPECT_EQ(a.voice_no_ship.size(), 2u);
    EXPECT_DOUBLE_EQ(p.reviewers[1].weight, 1);
    EXPECT_TRUE(p.reviewers[1].ship_if[0].when_measured);
}

TEST_F(PanelLoader, UnknownKey) {
    EXPECT_EQ(error(kHead + "    wieght: 2\n" + kRules + kVoice),
              "FILE:6:5: reviewer `a`: unknown key `wieght` (allowed: id, title, lens, weight, ship_if, voice, voice_no_ship)");
    EXPECT_EQ(error("reviewer: []\n"), "FILE:1:1: unknown key `reviewer` (allowed: monthly_volume, primary_metric, reviewers)");
}

TEST_F(PanelLoader, WrongType) {
    EXPECT_EQ(error(kHead + "    weight: heavy\n" + kRules + kVoice), "FILE:6:13: reviewer `a`: `weight` must be a number, got `heavy`");
    EXPECT_EQ(error(kHead + "    weight: \"2\"\n" + kRules + kVoice), "FILE:6:13: reviewer `a`: `weight` must be a number, got `2`");
    EXPECT_EQ(error(kHead + "    ship_if: error_rate < 0.02\n" + kVoice),
              "FILE:6:14: reviewer `a`: `ship_if` must be a list, got `error_rate < 0.02`");
    EXPECT_EQ(error(kHead + kRules + "    voice: [\"one\", [two]]\n"),
              "FILE:8:20: reviewer `a`: `voice`[2] must be a string, got a list");
    EXPECT_EQ(error("monthly_volume: lots\nreviewers: []\n"), "FILE:1:17: `monthly_volume` must be a number, got `lots`");
}

TEST_F(PanelLoader, BadConditionSyntax) {
    // The rule's quote is column 9; `0.02` starts 11 characters into the rule.
    EXPECT_EQ(error(kHead + "    ship_if:\n      - \"error_rate 0.02\"\n" + kVoice),
              "FILE:7:21: reviewer `a`: `ship_if`[1] `error_rate 0.02`: expected a comparison after `error_rate`; a rule is "
              "`FIGURE OP NUMBER` (e.g. `error_rate < 0.02`), optionally followed by `when measured`");
    EXPECT_EQ(error(kHead + "    ship_if:\n      - error_rate < many\n" + kVoice),
              "FILE:7:22: reviewer `a`: `ship_if`[1] `error_rate < many`: expected a number after `<`; a rule is "
              "`FIGURE OP NUMBER` (e.g. `error_rate < 0.02`), optionally followed by `when measured`");
}

TEST_F(PanelLoader, UnknownOperator) {
    EXPECT_EQ(error(kHead + "    ship_if:\n      - \"error_rate => 0.02\"\n" + kVoice),
              "FILE:7:21: reviewer `a`: `ship_if`[1] `error_rate => 0.02`: unknown operator `=>` (use <, <=, >, >=, == or !=)");
}

TEST_F(PanelLoader, UnknownFigureFamilyInARule) {
    EXPECT_EQ(error(kHead + "    ship_if:\n      - \"latncy.p50_ms < 100\"\n" + kVoice).substr(0, 91),
              "FILE:7:10: reviewer `a`: `ship_if`[1] `latncy.p50_ms < 100`: unknown figure family `latncy`");
}

TEST_F(PanelLoader, UnknownPlaceholderFamily) {
    EXPECT_EQ(error(kHead + kRules + "    voice:\n      - \"{tool} is fast.\"\n      - \"It takes {latncy.p50_ms:time}.\"\n")
                  .substr(0, 67),
              "FILE:10:9: reviewer `a`: `voice`[2]: unknown figure family `latncy`");
}

TEST_F(PanelLoader, UnknownMetricInAPlaceholder) {
    EXPECT_EQ(error(kHead + kRules + "    voice: [\"{tool} one.\", \"{metric.cerr.mean} two.\"]\n"),
              "FILE:8:28: reviewer `a`: `voice`[2]: unknown metric `cerr` in a figure name (registered metrics, or `primary`) "
              "(at character 2 of the template)");
}

TEST_F(PanelLoader, BadFormat) {
    EXPECT_EQ(error(kHead + kRules + "    voice: [\"{tool} one.\", \"{cases:.2x} two.\"]\n"),
              "FILE:8:28: reviewer `a`: `voice`[2]: unknown format `.2x` (use .Nf, +.Nf, .N%, %, $ or time) (at character 8 of the template)");
}

TEST_F(PanelLoader, VoiceNeedsTwoToFourSentences) {
    EXPECT_EQ(error(kHead + kRules + "    voice: [\"{tool} one.\"]\n"),
              "FILE:8:12: reviewer `a`: `voice` must hold 2 to 4 sentence templates, got 1");
}

TEST_F(PanelLoader, DuplicateReviewerId) {
    EXPECT_EQ(error(kHead + kRules + kVoice + "  - id: a\n    title: B\n    lens: M\n" + kRules + kVoice),
              "FILE:9:9: duplicate reviewer id `a`; the first is at line 3");
}

TEST_F(PanelLoader, WeightMustBePositive) {
    EXPECT_EQ(error(kHead + "    weight: 0\n" + kRules + kVoice),
              "FILE:6:13: reviewer `a`: `weight` must be more than 0 (remove the reviewer instead)");
    EXPECT_EQ(error(kHead + "    weight: -1\n" + kRules + kVoice),
              "FILE:6:13: reviewer `a`: `weight` must be more than 0 (remove the reviewer instead)");
}

TEST_F(PanelLoader, NoReviewers) {
    EXPECT_EQ(error("monthly_volume: 10\nreviewers: []\n"), "FILE:2:12: `reviewers` must list at least one reviewer, got a list");
    EXPECT_EQ(error("monthly_volume: 10\nreviewers:\n"), "FILE:2:1: `reviewers` must list at least one reviewer, got nothing");
    EXPECT_EQ(error("monthly_volume: 10\n"), "FILE:1:1: missing required key `reviewers` (the list of reviewers)");
    EXPECT_EQ(error(""), "FILE:1:1: a panel file must be a map with `reviewers` (and optional `monthly_volume`, `primary_metric`)");
}

TEST_F(PanelLoader, MissingRequiredKey) {
    EXPECT_EQ(error("reviewers:\n  - id: a\n    title: A\n" + kRules + kVoice), "FILE:2:5: reviewer `a`: missing required key `lens`");
}

TEST_F(PanelLoader, RepeatedKey) {
    EXPECT_EQ(error(kHead + "    title: B\n" + kRules + kVoice), "FILE:6:5: reviewer `a`: key `title` is given twice");
}

TEST_F(PanelLoader, UnknownPrimaryMetric) {
    EXPECT_EQ(error("primary_metric: cerr\n" + kHead.substr(21) + kRules + kVoice),
              "FILE:1:17: `primary_metric`: unknown metric `cerr`");
}

TEST_F(PanelLoader, NotYaml) {
    EXPECT_EQ(error("reviewers: [a, b\n"), "FILE:2:1: not valid YAML: end of sequence flow not found");
}

TEST_F(PanelLoader, MissingFile) {
    EXPECT_THROW(load_panel("/nonexistent/panel.yaml"), PanelError);
}

}  // namespace
}  // namespace evalpanel::verdict
