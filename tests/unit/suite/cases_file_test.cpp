// `cases_file:` — a suite's cases as JSON Lines, checked like cases under `cases:`, each problem at its line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "suite/suite.hpp"
#include "temp_suite_dir.hpp"

namespace evalpanel::suite {
namespace {

using ::testing::HasSubstr;
using testing::TempSuiteDir;

constexpr std::string_view header = "suite: big-ocr\ntask: ocr\nmetrics: [cer]\ndefaults: {tags: [printed]}\n"
                                    "cases_file: data/cases.jsonl\n";

std::vector<std::string> problems_of(const std::filesystem::path& file) {
    try {
        load_suite(file);
    } catch (const SuiteError& error) {
        std::vector<std::string> lines;
        for (const Diagnostic& d : error.diagnostics()) lines.push_back(d.to_string());
        return lines;
    }
    return {};
}

TEST(CasesFile, ReadsEveryLineAsACaseInOrder) {
    const TempSuiteDir dir;
    dir.write("data/img/a.png", "png bytes");
    dir.write("data/cases.jsonl",
              "{\"id\": \"a\", \"image\": \"data/img/a.png\", \"expected\": \"TOTAL 12.50\", \"tags\": [\"receipt\"]}\n"
              "\n"
              "{\"id\": \"b\", \"image\": {\"generate\": {\"text\": \"Invoice 7\"}}, \"expected\": 1234}\n");
    const Suite suite = load_suite(dir.write("big.yaml", header));
    ASSERT_EQ(suite.cases.size(), 2u);
    EXPECT_EQ(suite.cases[0].id, "a");
    EXPECT_EQ(suite.cases[0].expected, "TOTAL 12.50");
    EXPECT_EQ(suite.cases[0].image->path, dir.root() / "data/img/a.png");
    EXPECT_EQ(suite.cases[0].tags, (std::vector<std::string>{"printed", "receipt"}));
    EXPECT_EQ(suite.cases[0].line, 1);
    EXPECT_EQ(suite.cases[1].expected, "1234");  // a JSON number is its text, as in YAML
    ASSERT_NE(suite.cases[1].image->generate, nullptr);
    EXPECT_EQ(suite.cases[1].image->generate->text, "Invoice 7");
    EXPECT_EQ(suite.cases[1].line, 3);
    EXPECT_EQ(suite.cases_file, dir.root() / "data/cases.jsonl");
}

TEST(CasesFile, TheSuiteVersionCoversTheCasesFile) {
    const TempSuiteDir dir;
    dir.write("data/img/a.png", "png bytes");
    const auto file = dir.write("big.yaml", header);
    dir.write("data/cases.jsonl", "{\"id\": \"a\", \"image\": \"data/img/a.png\", \"expected\": \"x\"}\n");
    const std::string before = load_suite(file).content_hash;
    dir.write("data/cases.jsonl", "{\"id\": \"a\", \"image\": \"data/img/a.png\", \"expected\": \"y\"}\n");
    EXPECT_NE(load_suite(file).content_hash, before);
}

TEST(CasesFile, EveryBadLineIsReportedAtItsLine) {
    const TempSuiteDir dir;
    dir.write("data/img/a.png", "png bytes");
    dir.write("data/cases.jsonl",
              "{\"id\": \"a\", \"image\": \"data/img/a.png\", \"expected\": \"x\"}\n"
              "{\"id\": \"b\", \"image\": \"data/img/a.png\", \"expected\": \"x\"\n"
              "[1, 2]\n"
              "{\"image\": \"data/img/a.png\", \"expected\": \"x\"}\n"
              "{\"id\": \"a\", \"image\": \"data/img/a.png\", \"expected\": \"x\"}\n"
              "{\"id\": \"e\", \"image\": \"../../etc/passwd\", \"expected\": \"x\"}\n"
              "{\"id\": \"f\", \"image\": \"data/img/a.png\", \"expected\": [\"x\"], \"question\": \"q\"}\n");
    const auto file = dir.write("big.yaml", header);
    const std::string cases = (dir.root() / "data/cases.jsonl").string();
    const auto problems = problems_of(file);
    ASSERT_GE(problems.size(), 6u) << ::testing::PrintToString(problems);
    EXPECT_THAT(problems[0], HasSubstr(cases + ":2: not a line of JSON"));
    EXPECT_THAT(problems[1], HasSubstr(cases + ":3: a case must be a JSON object"));
    EXPECT_THAT(problems[2], HasSubstr(cases + ":4: case #4: missing required key `id`"));
    EXPECT_THAT(problems[3], HasSubstr(cases + ":5: duplicate case id `a`; the first case with this id is at line 1"));
    EXPECT_THAT(problems[4], HasSubstr(cases + ":6: case `e`"));
    EXPECT_THAT(problems[4], HasSubstr("outside the suite's folder"));
    const std::string all = ::testing::PrintToString(problems);
    EXPECT_THAT(all, HasSubstr(cases + ":7: case `f`"));
    EXPECT_THAT(all, HasSubstr("`question`"));
}

TEST(CasesFile, CasesSharingAnImageEachGetItAndEachGetItsProblem) {
    const TempSuiteDir dir;
    dir.write("data/img/chart.png", "png bytes");
    dir.write("data/cases.jsonl",
              "{\"id\": \"q1\", \"image\": \"data/img/chart.png\", \"expected\": \"x\"}\n"
              "{\"id\": \"q2\", \"image\": \"data/img/chart.png\", \"expected\": \"y\"}\n");
    const Suite suite = load_suite(dir.write("ok.yaml", header));
    ASSERT_EQ(suite.cases.size(), 2u);
    EXPECT_EQ(suite.cases[1].image->path, dir.root() / "data/img/chart.png");

    dir.write("data/cases.jsonl",
              "{\"id\": \"q1\", \"image\": \"data/img/gone.png\", \"expected\": \"x\"}\n"
              "{\"id\": \"q2\", \"image\": \"data/img/gone.png\", \"expected\": \"y\"}\n");
    const auto problems = problems_of(dir.write("bad.yaml", header));
    ASSERT_EQ(problems.size(), 2u) << ::testing::PrintToString(problems);
    EXPECT_THAT(problems[0], HasSubstr(":1: case `q1`: image `data/img/gone.png` does not exist"));
    EXPECT_THAT(problems[1], HasSubstr(":2: case `q2`: image `data/img/gone.png` does not exist"));
}

// The same cases inline (YAML reads JSON objects as flow maps) and in a cases file must load the same,
// whichever way the cases file reads each line (plain cases go straight from JSON, others through YAML).
TEST(CasesFile, ACaseReadsTheSameInlineAndFromACasesFile) {
    const TempSuiteDir dir;
    dir.write("img/a.png", "png bytes");
    const std::vector<std::string> lines = {
        R"({"id": "plain", "image": "img/a.png", "question": "What total?", "answers": ["12.50", "$12.50"], "tags": ["chart", "printed"]})",
        R"({"id": "unicode", "image": "img/a.png", "question": "", "answers": ["€ 3,00 — naïve 日本"]})",
        R"({"id": "number", "image": "img/a.png", "question": 42, "answers": [7]})",
        R"({"id": "generated", "image": {"generate": {"text": "Sign"}}, "question": "q", "answers": ["Sign"]})",
    };
    std::string jsonl, inline_cases;
    for (const std::string& line : lines) {
        jsonl += line + "\n";
        inline_cases += "  - " + line + "\n";
    }
    dir.write("cases.jsonl", jsonl);
    const std::string top = "suite: s\ntask: vqa\nmetrics: [anls]\ndefaults: {tags: [printed]}\n";
    const Suite from_file = load_suite(dir.write("file.yaml", top + "cases_file: cases.jsonl\n"));
    const Suite from_yaml = load_suite(dir.write("inline.yaml", top + "cases:\n" + inline_cases));
    ASSERT_EQ(from_file.cases.size(), lines.size());
    ASSERT_EQ(from_yaml.cases.size(), lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        SCOPED_TRACE(lines[i]);
        const Case& a = from_file.cases[i];
        const Case& b = from_yaml.cases[i];
        EXPECT_EQ(a.id, b.id);
        EXPECT_EQ(a.question, b.question);
        EXPECT_EQ(a.answers, b.answers);
        EXPECT_EQ(a.tags, b.tags);
        EXPECT_EQ(a.image.has_value(), b.image.has_value());
        EXPECT_EQ(a.image->path, b.image->path);
        EXPECT_EQ(a.image->generate != nullptr, b.image->generate != nullptr);
    }
    EXPECT_EQ(from_file.cases[0].tags, (std::vector<std::string>{"printed", "chart"}));  // defaults first, no repeats
    EXPECT_EQ(from_file.cases[2].question, "42");
}

TEST(CasesFile, TheFileMustExistStayInsideTheFolderAndHoldCases) {
    const TempSuiteDir dir;
    EXPECT_THAT(::testing::PrintToString(problems_of(dir.write("missing.yaml", header))), HasSubstr("no such file"));
    dir.write("data/cases.jsonl", "\n\n");
    EXPECT_THAT(::testing::PrintToString(problems_of(dir.write("empty.yaml", header))),
                HasSubstr("the cases file holds no cases"));
    const std::string outside = "suite: s\ntask: ocr\nmetrics: [cer]\ncases_file: ../elsewhere.jsonl\n";
    EXPECT_THAT(::testing::PrintToString(problems_of(dir.write("outside.yaml", outside))),
                HasSubstr("outside the suite's folder"));
    const std::string both = std::string(header) + "cases:\n  - {id: a, image: x.png, expected: x}\n";
    EXPECT_THAT(::testing::PrintToString(problems_of(dir.write("both.yaml", both))),
                HasSubstr("either `cases` or `cases_file`, not both"));
}

}  // namespace
}  // namespace evalpanel::suite
