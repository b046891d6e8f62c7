// Every kind of problem in a suite file is reported with its file, line and column and a sentence that
// names the field; all the problems of a file are reported together.
#include <gtest/gtest.h>

#include "suite/suite.hpp"
#include "temp_suite_dir.hpp"

namespace evalpanel::suite {
namespace {

using testing::problems_of;
using testing::TempSuiteDir;

// A valid one-case OCR suite; tests change one line of it. Lines are numbered in the comments.
std::string ocr_suite(std::string_view case_lines = "    expected: A\n",
                      std::string_view image_line = "    image: {generate: {text: A}}\n",
                      std::string_view metrics_line = "metrics: [cer]\n") {
    return "suite: s\n"          // 1
           "task: ocr\n"         // 2
           + std::string(metrics_line) +  // 3
           "cases:\n"            // 4
           "  - id: a\n"         // 5
           + std::string(image_line) +    // 6
           std::string(case_lines);       // 7...
}

// Asserts that loading `file` reports exactly one problem, at line:column, whose message holds `fragment`.
void expect_only_problem(const std::filesystem::path& file, int line, int column, std::string_view fragment) {
    const std::vector<Diagnostic> problems = problems_of(file);
    ASSERT_EQ(problems.size(), 1u) << SuiteError(problems).what();
    const std::string text = problems[0].to_string();
    const std::string location = file.string() + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
    EXPECT_EQ(text.substr(0, location.size()), location) << text;
    EXPECT_NE(text.find(fragment), std::string::npos) << text;
}

TEST(SuiteDiagnostics, UnknownTopLevelKeySuggestsTheNearestKey) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", ocr_suite() + "promt: hello\n");
    expect_only_problem(file, 8, 1, "unknown key `promt` (did you mean `prompt`?)");
}

TEST(SuiteDiagnostics, UnknownCaseKey) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", ocr_suite("    expected: A\n    colour: red\n"));
    expect_only_problem(file, 8, 5, "case `a`: unknown key `colour`");
}

TEST(SuiteDiagnostics, UnknownGenerateKey) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", ocr_suite("    expected: A\n", "    image: {generate: {text: A, blurr: 1}}\n"));
    expect_only_problem(file, 6, 33, "case `a`, image.generate: unknown key `blurr` (did you mean `blur`?)");
}

TEST(SuiteDiagnostics, KeyOfAnotherTaskIsReportedOnceNotTypeChecked) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", ocr_suite("    expected: A\n    answers: not-a-list\n"));
    expect_only_problem(file, 8, 5, "`answers` is for vqa cases; this suite's task is ocr");
}

TEST(SuiteDiagnostics, ResearchPassageNeedsUrlAndText) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", R"(suite: s
task: research
metrics: [token_f1]
cases:
  - id: r
    query: q
    passages:
      - {title: Only a title, text: Body.}
)");
    expect_only_problem(file, 8, 9, "case `r`, passage: missing required key `url`");
}

TEST(SuiteDiagnostics, ImageMapNeedsGenerate) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", ocr_suite("    expected: A\n", "    image: {render: {text: A}}\n"));
    expect_only_problem(file, 6, 13, "case `a`, image: unknown key `render`; expected one of: generate");
}

TEST(SuiteDiagnostics, RepeatedKey) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", ocr_suite("    expected: A\n    expected: B\n"));
    expect_only_problem(file, 8, 5, "key `expected` appears twice (first at line 7)");
}

TEST(SuiteDiagnostics, ExpectedMustBeAString) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", ocr_suite("    expected: [1, 2]\n"));
    expect_only_problem(file, 7, 15, "case `a`: `expected` must be a string, got a list");
}

TEST(SuiteDiagnostics, TagsMustBeAList) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", ocr_suite("    expected: A\n    tags: foo\n"));
    expect_only_problem(file, 8, 11, "`tags` must be a list of strings, got `foo`");
}

TEST(SuiteDiagnostics, TagItemsMustBeStrings) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", ocr_suite("    expected: A\n    tags: [ok, {x: 1}]\n"));
    expect_only_problem(file, 8, 16, "every item of `tags` must be a string, got a map");
}

TEST(SuiteDiagnostics, GenerateNumberMustBeANumber) {
    const TempSuiteDir dir;
    const auto file =
        dir.write("s.yaml", ocr_suite("    expected: A\n", "    image: {generate: {text: A, blur: \"x\"}}\n"));
    expect_only_problem(file, 6, 39, "`blur` must be a number, got the quoted text \"x\"");
}

TEST(SuiteDiagnostics, GenerateWholeNumberRejectsFractions) {
    const TempSuiteDir dir;
    const auto file =
        dir.write("s.yaml", ocr_suite("    expected: A\n", "    image: {generate: {text: A, thickness: 2.5}}\n"));
    expect_only_problem(file, 6, 44, "`thickness` must be a whole number, got `2.5`");
}

TEST(SuiteDiagnostics, GenerateValuesOutOfRange) {
    struct Example {
        std::string generate;  // the inside of {generate: {...}}
        int column;
        std::string fragment;
    };
    const std::vector<Example> examples = {
        {"text: A, blur: -1", 39, "`blur` must be 0 or more"},
        {"text: A, contrast: 0", 43, "`contrast` must be greater than 0 and at most 1, got 0"},
        {"text: A, contrast: 1.5", 43, "`contrast` must be greater than 0 and at most 1, got 1.5"},
        {"text: A, jpeg_quality: 101", 47, "`jpeg_quality` must be from 0 (PNG) to 100"},
        {"text: A, jpeg_quality: -1", 47, "`jpeg_quality` must be from 0 (PNG) to 100"},
        {"text: A, scale: 0", 40, "`scale` must be greater than 0"},
        {"text: A, noise: 2", 40, "`noise` must be from 0 to 1"},
        {"text: A, seed: -3", 39, "`seed` must be 0 or more"},
        {"text: \"\"", 30, "`text` must not be empty"},
    };
    const TempSuiteDir dir;
    for (const Example& example : examples) {
        SCOPED_TRACE(example.generate);
        const auto file = dir.write(
            "s.yaml", ocr_suite("    expected: A\n", "    image: {generate: {" + example.generate + "}}\n"));
        expect_only_problem(file, 6, example.column, example.fragment);
    }
}

TEST(SuiteDiagnostics, GenerateNeedsText) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", ocr_suite("    expected: A\n", "    image: {generate: {seed: 1}}\n"));
    expect_only_problem(file, 6, 23, "missing required key `text`");
}

TEST(SuiteDiagnostics, MissingRequiredTopLevelKey) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", ocr_suite("    expected: A\n", "    image: {generate: {text: A}}\n", ""));
    expect_only_problem(file, 1, 1, "missing required key `metrics`");
}

TEST(SuiteDiagnostics, MissingRequiredCaseKeyForTheTask) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", ocr_suite(""));
    expect_only_problem(file, 5, 5, "case `a`: missing required key `expected` (every ocr case needs it)");
}

TEST(SuiteDiagnostics, UnknownTask) {
    const TempSuiteDir dir;
    std::string text = ocr_suite();
    text.replace(text.find("task: ocr"), 9, "task: ocrr");
    const auto file = dir.write("s.yaml", text);
    expect_only_problem(file, 2, 7, "`task` must be one of ocr, vqa, research, got `ocrr`");
}

TEST(SuiteDiagnostics, DuplicateCaseIdSaysWhereTheFirstIs) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", ocr_suite("    expected: A\n  - id: a\n    image: {generate: {text: B}}\n"
                                                    "    expected: B\n"));
    expect_only_problem(file, 8, 9, "duplicate case id `a`; the first case with this id is at line 5");
}

TEST(SuiteDiagnostics, MissingImageFile) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", ocr_suite("    expected: A\n", "    image: assets/missing.png\n"));
    expect_only_problem(file, 6, 12, "image `assets/missing.png` does not exist");
}

TEST(SuiteDiagnostics, ImageOutsideTheSuiteFolder) {
    const TempSuiteDir dir;
    dir.write("outside.png", "png");
    const auto file = dir.write("suites/s.yaml", ocr_suite("    expected: A\n", "    image: ../outside.png\n"));
    expect_only_problem(file, 6, 12, "outside the suite's folder");
}

TEST(SuiteDiagnostics, ImageInASiblingFolderWithTheSamePrefixIsOutside) {
    const TempSuiteDir dir;
    dir.write("suites-other/x.png", "png");
    const auto file =
        dir.write("suites/s.yaml", ocr_suite("    expected: A\n", "    image: ../suites-other/x.png\n"));
    expect_only_problem(file, 6, 12, "outside the suite's folder");
}

TEST(SuiteDiagnostics, UnknownMetric) {
    const TempSuiteDir dir;
    const auto file =
        dir.write("s.yaml", ocr_suite("    expected: A\n", "    image: {generate: {text: A}}\n", "metrics: [cer, bleu]\n"));
    expect_only_problem(file, 3, 16, "unknown metric `bleu`; known metrics: ");
}

TEST(SuiteDiagnostics, UnknownMetricParameter) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", ocr_suite("    expected: A\n", "    image: {generate: {text: A}}\n",
                                                    "metrics: [{cer: {collapse: true}}]\n"));
    expect_only_problem(file, 3, 18, "metric `cer` has no parameter `collapse`; it accepts: collapse_whitespace");
}

TEST(SuiteDiagnostics, MetricParameterOfTheWrongType) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", ocr_suite("    expected: A\n", "    image: {generate: {text: A}}\n",
                                                    "metrics: [{cer: {collapse_whitespace: \"yes\"}}]\n"));
    expect_only_problem(file, 3, 39, "collapse_whitespace");
}

TEST(SuiteDiagnostics, MetricListedTwice) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", ocr_suite("    expected: A\n", "    image: {generate: {text: A}}\n",
                                                    "metrics: [cer, cer]\n"));
    expect_only_problem(file, 3, 16, "metric `cer` is listed twice");
}

TEST(SuiteDiagnostics, EmptyMetricList) {
    const TempSuiteDir dir;
    const auto file =
        dir.write("s.yaml", ocr_suite("    expected: A\n", "    image: {generate: {text: A}}\n", "metrics: []\n"));
    expect_only_problem(file, 3, 10, "`metrics` must be a non-empty list");
}

TEST(SuiteDiagnostics, YamlSyntaxError) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", "suite: s\nmetrics: [cer, wer\ntask: ocr\n");
    const std::vector<Diagnostic> problems = problems_of(file);
    ASSERT_EQ(problems.size(), 1u) << SuiteError(problems).what();
    EXPECT_EQ(problems[0].line, 3);
    EXPECT_EQ(problems[0].column, 5);
    EXPECT_NE(problems[0].message.find("YAML syntax error"), std::string::npos) << problems[0].message;
}

TEST(SuiteDiagnostics, EmptyFile) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", "# nothing but a comment\n");
    expect_only_problem(file, 1, 1, "the file is empty");
}

TEST(SuiteDiagnostics, TopLevelMustBeAMap) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", "- a\n- b\n");
    expect_only_problem(file, 1, 1, "a suite must be a map");
}

TEST(SuiteDiagnostics, EnvironmentReferenceIsRefused) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", ocr_suite() + "prompt: \"Key: ${env:API_KEY}\"\n");
    expect_only_problem(file, 8, 15, "`${env:...}` is not allowed in a suite");
}

TEST(SuiteDiagnostics, DatasetIsNotSupportedYet) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", ocr_suite() + "dataset: {format: docvqa, path: data/val.json}\n");
    expect_only_problem(file, 8, 1, "`dataset` is not supported yet");
}

TEST(SuiteDiagnostics, MissingSuiteFile) {
    const TempSuiteDir dir;
    const auto file = dir.root() / "absent.yaml";
    const std::vector<Diagnostic> problems = problems_of(file);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].to_string(), file.string() + ": no such file");
}

TEST(SuiteDiagnostics, EveryProblemIsReportedInFileOrder) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", R"(suite: s
task: ocr
metrics: [cer, bleu]
cases:
  - id: a
    image: {generate: {text: A, blur: -1}}
    expected: [1, 2]
    tags: foo
  - id: a
    image: missing.png
    expected: A
)");
    const std::vector<Diagnostic> problems = problems_of(file);
    std::vector<std::pair<int, int>> positions;
    for (const Diagnostic& problem : problems) positions.emplace_back(problem.line, problem.column);
    EXPECT_EQ(positions, (std::vector<std::pair<int, int>>{{3, 16}, {6, 39}, {7, 15}, {8, 11}, {9, 9}, {10, 12}}));

    const std::string what = SuiteError(problems).what();
    EXPECT_EQ(std::count(what.begin(), what.end(), '\n'), 5);
    EXPECT_EQ(what.substr(0, what.find('\n')), problems[0].to_string());
}

}  // namespace
}  // namespace evalpanel::suite

namespace evalpanel::suite {
namespace {

using testing::problems_of;
using testing::TempSuiteDir;

std::string research_suite(std::string_view metrics_block) {
    return "suite: r\n"                    // 1
           "task: research\n"              // 2
           + std::string(metrics_block) +  // 3...
           "cases:\n"
           "  - id: q\n"
           "    query: what?\n";
}

TEST(SuiteDiagnostics, RequiredMetricParameterMissingIsReportedAtTheMetric) {
    const TempSuiteDir dir;
    const auto file = dir.write("r.yaml", research_suite("metrics:\n  - fresh_source_ratio\n"));
    const auto problems = problems_of(file);
    ASSERT_EQ(problems.size(), 1u) << SuiteError(problems).what();
    EXPECT_EQ(problems[0].line, 4);
    EXPECT_NE(problems[0].message.find("as_of"), std::string::npos) << problems[0].message;
}

TEST(SuiteDiagnostics, ParametersAreCheckedTogetherAndAWrongValueIsReportedWhereItIs) {
    const TempSuiteDir dir;
    // Both present: no complaint that as_of is missing when max_age_days is read.
    const auto good = dir.write("good.yaml", research_suite("metrics:\n  - fresh_source_ratio: {as_of: \"2025-06-01\", max_age_days: 30}\n"));
    EXPECT_NO_THROW(load_suite(good));
    const auto bad = dir.write("bad.yaml", research_suite("metrics:\n  - fresh_source_ratio:\n      as_of: \"2025-06-01\"\n      max_age_days: soon\n"));
    const auto problems = problems_of(bad);
    ASSERT_EQ(problems.size(), 1u) << SuiteError(problems).what();
    EXPECT_EQ(problems[0].line, 6);
    EXPECT_NE(problems[0].message.find("max_age_days"), std::string::npos) << problems[0].message;
}

}  // namespace
}  // namespace evalpanel::suite
