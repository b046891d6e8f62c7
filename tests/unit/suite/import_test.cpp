// `suite import` on small fixtures written in each dataset's own layout: the suite it writes loads with
// load_suite and holds the right cases; every malformed record is named with the file and its position.
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "suite/importers/dataset_import.hpp"
#include "suite/suite.hpp"
#include "temp_suite_dir.hpp"

namespace evalpanel::suite {
namespace {

using testing::TempSuiteDir;
using json = nlohmann::json;

ImportRequest request_for(const TempSuiteDir& dir, DatasetFormat format, const std::string& annotations,
                          const std::string& images = "data/images") {
    ImportRequest request;
    request.format = format;
    request.annotations = dir.root() / annotations;
    request.images = dir.root() / images;
    request.out = dir.root() / "suite.yaml";
    return request;
}

// Any bytes will do: import checks the image exists, the run decodes it.
void touch_images(const TempSuiteDir& dir, const std::vector<std::string>& paths) {
    for (const std::string& path : paths) dir.write(path, "not really a png");
}

// The problems import_dataset reports; fails the test when it succeeds.
std::vector<std::string> import_problems(const ImportRequest& request) {
    try {
        (void)import_dataset(request);
    } catch (const ImportError& error) {
        return error.problems();
    }
    ADD_FAILURE() << "the import succeeded, but problems were expected";
    return {};
}

bool mentions(const std::vector<std::string>& problems, const std::string& fragment) {
    for (const std::string& problem : problems) {
        if (problem.find(fragment) != std::string::npos) return true;
    }
    return false;
}

std::string all_of(const std::vector<std::string>& problems) {
    std::string text;
    for (const std::string& problem : problems) text += problem + "\n";
    return text;
}

TEST(ImportDataset, DocVqa) {
    const TempSuiteDir dir;
    touch_images(dir, {"data/images/documents/ffbf0023_4.png", "data/images/documents/abc_1.png"});
    const json data = {{"dataset_name", "docvqa"},
                       {"data",
                        {{{"questionId", 52212},
                          {"question", "What is the invoice number?"},
                          {"image", "documents/ffbf0023_4.png"},
                          {"docId", 1968},
                          {"answers", {"INV-0042", "inv-0042"}},
                          {"question_types", {"form"}}},
                         {{"questionId", 52213},
                          {"question", "What is the date?"},
                          {"image", "documents/abc_1.png"},
                          {"answers", {"17 March 2024"}}}}}};
    dir.write("data/val_v1.0.json", data.dump());
    const std::vector<ImportedSuite> written = import_dataset(request_for(dir, DatasetFormat::docvqa, "data/val_v1.0.json"));
    ASSERT_EQ(written.size(), 1u);
    EXPECT_EQ(written[0].metric, "anls");
    EXPECT_EQ(written[0].cases, 2u);

    const Suite suite = load_suite(dir.root() / "suite.yaml");
    EXPECT_EQ(suite.name, "suite");
    EXPECT_EQ(suite.task, Task::vqa);
    EXPECT_EQ(suite.metrics, std::vector<std::string>{"anls"});
    EXPECT_EQ(suite.prompt, "Answer the question using a single word or phrase.");
    ASSERT_EQ(suite.cases.size(), 2u);
    const Case& first = suite.cases[0];
    EXPECT_EQ(first.id, "docvqa-52212");
    EXPECT_EQ(first.question, "What is the invoice number?");
    EXPECT_EQ(first.answers, (std::vector<std::string>{"INV-0042", "inv-0042"}));
    EXPECT_EQ(first.tags, std::vector<std::string>{"form"});
    EXPECT_EQ(first.image->path, dir.root() / "data/images/documents/ffbf0023_4.png");
}

// Users often pass the `documents` folder itself as --images.
TEST(ImportDataset, DocVqaFindsImagesByFileNameToo) {
    const TempSuiteDir dir;
    touch_images(dir, {"docs/x.png"});
    dir.write("val.json",
              json{{"data", {{{"questionId", 1}, {"question", "q"}, {"image", "documents/x.png"}, {"answers", {"a"}}}}}}
                  .dump());
    (void)import_dataset(request_for(dir, DatasetFormat::docvqa, "val.json", "docs"));
    EXPECT_EQ(load_suite(dir.root() / "suite.yaml").cases.at(0).image->path, dir.root() / "docs/x.png");
}

TEST(ImportDataset, TextVqaUsesVqaAccuracyAndImageIdJpg) {
    const TempSuiteDir dir;
    touch_images(dir, {"data/images/0054c91397f2fe05.jpg"});
    const std::vector<std::string> answers = {"nous les gosses", "nous les gosses", "nous les gosses", "dakota",
                                              "nous les gosses", "nous les gosses", "nous les gosses", "dakota",
                                              "clos culombu",    "nous les gosses"};
    dir.write("TextVQA_0.5.1_val.json",
              json{{"dataset_name", "textvqa"},
                   {"data",
                    {{{"question_id", 34602},
                      {"question", "what is the brand of this camera?"},
                      {"image_id", "0054c91397f2fe05"},
                      {"answers", answers}}}}}
                  .dump());
    const auto written = import_dataset(request_for(dir, DatasetFormat::textvqa, "TextVQA_0.5.1_val.json"));
    EXPECT_EQ(written.at(0).metric, "vqa_accuracy");
    const Suite suite = load_suite(dir.root() / "suite.yaml");
    EXPECT_EQ(suite.metrics, std::vector<std::string>{"vqa_accuracy"});
    EXPECT_EQ(suite.cases.at(0).id, "textvqa-34602");
    EXPECT_EQ(suite.cases.at(0).answers, answers);
    EXPECT_EQ(suite.cases.at(0).image->path, dir.root() / "data/images/0054c91397f2fe05.jpg");
}

TEST(ImportDataset, ChartQaTakesNumericLabelsAndTagsTheSplit) {
    const TempSuiteDir dir;
    touch_images(dir, {"data/images/png/41699051005347.png", "data/images/2.png"});
    dir.write("test_human.json", json::array({{{"imgname", "41699051005347.png"},
                                               {"query", "What is the value for 2021?"},
                                               {"label", "12.5"}},
                                              {{"imgname", "2.png"}, {"query", "How many bars?"}, {"label", 4}}})
                                     .dump());
    const auto written = import_dataset(request_for(dir, DatasetFormat::chartqa, "test_human.json"));
    EXPECT_EQ(written.at(0).metric, "relaxed_accuracy");
    const Suite suite = load_suite(dir.root() / "suite.yaml");
    ASSERT_EQ(suite.cases.size(), 2u);
    EXPECT_EQ(suite.cases[0].id, "chartqa-1");
    EXPECT_EQ(suite.cases[0].answers, std::vector<std::string>{"12.5"});
    EXPECT_EQ(suite.cases[0].tags, std::vector<std::string>{"test_human"});
    EXPECT_EQ(suite.cases[0].image->path, dir.root() / "data/images/png/41699051005347.png");
    EXPECT_EQ(suite.cases[1].answers, std::vector<std::string>{"4"});
}

TEST(ImportDataset, OcrBenchSplitsHandwrittenMathsIntoItsOwnSuite) {
    const TempSuiteDir dir;
    touch_images(dir, {"data/images/IIIT5K/1.png", "data/images/HME100k/2.jpg"});
    dir.write("OCRBench.json",
              json::array({{{"dataset_name", "IIIT5K"},
                            {"id", 0},
                            {"image_path", "IIIT5K/1.png"},
                            {"question", "what is written in the image?"},
                            {"answers", "CHINA"},
                            {"type", "Regular Text Recognition"}},
                           {{"dataset_name", "HME100k"},
                            {"id", 1},
                            {"image_path", "HME100k/2.jpg"},
                            {"question", "Please write out the expression of the formula in the image using LaTeX format."},
                            {"answers", {"x^{2}", "x ^ { 2 }"}},
                            {"type", "Handwritten Mathematical Expression Recognition"}}})
                  .dump());
    const auto written = import_dataset(request_for(dir, DatasetFormat::ocrbench, "OCRBench.json"));
    ASSERT_EQ(written.size(), 2u);
    EXPECT_EQ(written[0].metric, "ocrbench");
    EXPECT_EQ(written[1].metric, "ocrbench_hme");
    EXPECT_EQ(written[1].file, dir.root() / "suite-hme.yaml");

    const Suite text = load_suite(dir.root() / "suite.yaml");
    ASSERT_EQ(text.cases.size(), 1u);
    EXPECT_EQ(text.cases[0].id, "ocrbench-0");
    EXPECT_EQ(text.cases[0].answers, std::vector<std::string>{"CHINA"});
    EXPECT_EQ(text.cases[0].tags, (std::vector<std::string>{"Regular Text Recognition", "IIIT5K"}));
    EXPECT_TRUE(text.prompt.empty());
    const Suite maths = load_suite(dir.root() / "suite-hme.yaml");
    EXPECT_EQ(maths.name, "suite-hme");
    EXPECT_EQ(maths.metrics, std::vector<std::string>{"ocrbench_hme"});
    EXPECT_EQ(maths.cases.at(0).answers, (std::vector<std::string>{"x^{2}", "x ^ { 2 }"}));
}

TEST(ImportDataset, JsonLinesWithLimitAndName) {
    const TempSuiteDir dir;
    touch_images(dir, {"data/images/a.png", "data/images/b.png"});
    dir.write("cases.jsonl",
              "{\"id\": \"one\", \"image\": \"a.png\", \"question\": \"Total?\", \"answers\": [\"12.50\", \"$12.50\"], "
              "\"tags\": [\"receipt\"]}\n"
              "\n"
              "{\"id\": 2, \"image\": \"b.png\", \"question\": \"Date?\", \"answers\": \"2024-03-17\"}\n"
              "{\"id\": 3, \"image\": \"missing.png\", \"question\": \"never read\", \"answers\": \"x\"}\n");
    ImportRequest request = request_for(dir, DatasetFormat::jsonl, "cases.jsonl");
    request.limit = 2;
    request.name = "my-receipts";
    const auto written = import_dataset(request);
    EXPECT_EQ(written.at(0).cases, 2u);
    const Suite suite = load_suite(dir.root() / "suite.yaml");
    EXPECT_EQ(suite.name, "my-receipts");
    EXPECT_EQ(suite.metrics, std::vector<std::string>{"anls"});
    EXPECT_EQ(suite.cases.at(0).tags, std::vector<std::string>{"receipt"});
    EXPECT_EQ(suite.cases.at(1).id, "2");
    EXPECT_EQ(suite.cases.at(1).answers, std::vector<std::string>{"2024-03-17"});
}

// Quotes, line breaks, "${env:...}" (which a suite refuses in its raw text), YAML keywords and colons
// all come back exactly as the dataset wrote them.
TEST(ImportDataset, HostileTextRoundTripsExactly) {
    const TempSuiteDir dir;
    touch_images(dir, {"data/images/a.png"});
    const std::string question = "Say \"${env:HOME}\": yes\\no?\n\tnext line #not a comment";
    const std::vector<std::string> answers = {"null", "~", "- a", "{x: 1}", "caf\u00E9 \u20AC5", "'single'"};
    dir.write("c.jsonl", json{{"id", "x"}, {"image", "a.png"}, {"question", question}, {"answers", answers}}.dump());
    (void)import_dataset(request_for(dir, DatasetFormat::jsonl, "c.jsonl"));
    const Suite suite = load_suite(dir.root() / "suite.yaml");
    EXPECT_EQ(suite.cases.at(0).question, question);
    EXPECT_EQ(suite.cases.at(0).answers, answers);
}

TEST(ImportDataset, EveryMalformedRecordIsNamed) {
    const TempSuiteDir dir;
    touch_images(dir, {"data/images/a.png"});
    dir.write("val.json",
              json{{"data",
                    {{{"questionId", 1}, {"question", "ok"}, {"image", "a.png"}, {"answers", {"a"}}},
                     {{"questionId", 2}, {"image", "a.png"}, {"answers", {"a"}}},
                     {{"questionId", 3}, {"question", "q"}, {"image", "a.png"}, {"answers", json::array()}},
                     "not an object",
                     {{"questionId", 5}, {"question", "q"}, {"image", "a.png"}, {"answers", {"a", 7.5, {1}}}},
                     {{"questionId", 6}, {"question", "q"}, {"image", "a.png"}},
                     {{"questionId", 1}, {"question", "again"}, {"image", "a.png"}, {"answers", {"a"}}},
                     {{"questionId", 8}, {"question", "q"}, {"image", "gone.png"}, {"answers", {"a"}}}}}}
                  .dump());
    const std::vector<std::string> problems = import_problems(request_for(dir, DatasetFormat::docvqa, "val.json"));
    const std::string file = (dir.root() / "val.json").string();
    const std::string text = all_of(problems);
    EXPECT_TRUE(mentions(problems, file + ": record 2: missing `question`")) << text;
    EXPECT_TRUE(mentions(problems, file + ": record 3: `answers` must be a non-empty list of strings, got an empty list"))
        << text;
    EXPECT_TRUE(mentions(problems, file + ": record 4: must be a JSON object, got string")) << text;
    EXPECT_TRUE(mentions(problems, file + ": record 5: `answers` item 3 must be a string, got array")) << text;
    EXPECT_TRUE(mentions(problems, file + ": record 6: missing `answers` (the DocVQA test split")) << text;
    EXPECT_TRUE(mentions(problems, file + ": record 7: case id `docvqa-1` repeats the id of record 1")) << text;
    EXPECT_TRUE(mentions(problems, file + ": record 8: image not found (looked for")) << text;
    EXPECT_EQ(problems.size(), 7u) << text;
    EXPECT_FALSE(std::filesystem::exists(dir.root() / "suite.yaml"));
}

TEST(ImportDataset, JsonLinesProblemsNameTheLine) {
    const TempSuiteDir dir;
    touch_images(dir, {"data/images/a.png"});
    dir.write("c.jsonl",
              "{\"id\": \"a\", \"image\": \"a.png\", \"question\": \"q\", \"answers\": [\"x\"]}\n"
              "{\"id\": \"b\", \"image\": \"a.png\", \"question\": \"q\", \"answers\": [\"x\"]\n"
              "{\"id\": \"c\", \"image\": \"a.png\", \"answers\": [\"x\"]}\n");
    const std::vector<std::string> problems = import_problems(request_for(dir, DatasetFormat::jsonl, "c.jsonl"));
    ASSERT_EQ(problems.size(), 2u) << all_of(problems);
    const std::string file = (dir.root() / "c.jsonl").string();
    EXPECT_EQ(problems[0].rfind(file + ": line 2: not valid JSON", 0), 0u) << problems[0];
    EXPECT_EQ(problems[1], file + ": line 3: missing `question`");
}

TEST(ImportDataset, WrongLayoutIsNamed) {
    const TempSuiteDir dir;
    touch_images(dir, {"data/images/a.png"});
    dir.write("chart.json", json::array({{{"imgname", "a.png"}, {"query", "q"}, {"label", "1"}}}).dump());
    const auto problems = import_problems(request_for(dir, DatasetFormat::docvqa, "chart.json"));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("expected a JSON object with a `data` list of questions (the DocVQA layout), got a "
                               "JSON array"),
              std::string::npos)
        << problems[0];
    dir.write("broken.json", "{\"data\": [");
    EXPECT_TRUE(mentions(import_problems(request_for(dir, DatasetFormat::docvqa, "broken.json")), "not valid JSON"));
}

TEST(ImportDataset, ImagesOutsideTheSuitesFolderAreRefusedNotCopied) {
    const TempSuiteDir dir;
    touch_images(dir, {"images/a.png"});
    dir.write("c.jsonl", "{\"id\": \"a\", \"image\": \"a.png\", \"question\": \"q\", \"answers\": [\"x\"]}\n");
    ImportRequest request = request_for(dir, DatasetFormat::jsonl, "c.jsonl", "images");
    request.out = dir.root() / "suites/s.yaml";
    const auto problems = import_problems(request);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("is outside the suite's folder"), std::string::npos) << problems[0];
    EXPECT_FALSE(std::filesystem::exists(dir.root() / "suites/s.yaml"));

    // A record may not climb out of the images folder either.
    touch_images(dir, {"suites/images/b.png"});
    dir.write("d.jsonl", "{\"id\": \"a\", \"image\": \"../../images/a.png\", \"question\": \"q\", \"answers\": [\"x\"]}\n");
    request = request_for(dir, DatasetFormat::jsonl, "d.jsonl", "suites/images");
    request.out = dir.root() / "suites/s.yaml";
    EXPECT_TRUE(mentions(import_problems(request), "line 1: image "));
}

TEST(ImportDataset, ExistingSuiteIsKeptUnlessForced) {
    const TempSuiteDir dir;
    touch_images(dir, {"data/images/a.png"});
    dir.write("c.jsonl", "{\"id\": \"a\", \"image\": \"a.png\", \"question\": \"q\", \"answers\": [\"x\"]}\n");
    dir.write("suite.yaml", "keep me");
    ImportRequest request = request_for(dir, DatasetFormat::jsonl, "c.jsonl");
    EXPECT_TRUE(mentions(import_problems(request), "already exists; pass --force"));
    request.overwrite = true;
    EXPECT_EQ(import_dataset(request).at(0).cases, 1u);
}

TEST(ImportDataset, FormatNames) {
    for (const char* name : {"docvqa", "textvqa", "chartqa", "ocrbench", "jsonl"}) {
        const auto format = dataset_format_from_string(name);
        ASSERT_TRUE(format.has_value()) << name;
        EXPECT_EQ(to_string(*format), name);
    }
    EXPECT_FALSE(dataset_format_from_string("vqav2").has_value());
}

}  // namespace
}  // namespace evalpanel::suite
