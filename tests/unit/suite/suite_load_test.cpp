// Suites that are valid load with every field in place.
#include <gtest/gtest.h>

#include "suite/generate.hpp"
#include "suite/sha256.hpp"
#include "suite/suite.hpp"
#include "temp_suite_dir.hpp"

namespace evalpanel::suite {
namespace {

using testing::TempSuiteDir;

constexpr std::string_view ocr_suite = R"(suite: receipts-ocr
task: ocr
description: Printed receipts and one synthetic invoice.
metrics: [cer, {wer: {collapse_whitespace: true}}, exact_match]
prompt: "Transcribe all the text in this image."
defaults:
  tags: [printed]
cases:
  - id: receipt-001
    image: assets/receipt-001.png
    expected: "TOTAL $12.50"
    tags: [receipt, printed]
  - id: invoice-blur
    image: {generate: {text: "Invoice 2024-113", scale: 1.5, thickness: 3, blur: 1.5, noise: 0.05,
                       rotate: -2, contrast: 0.5, jpeg_quality: 80, seed: 7}}
    expected: 2024
)";

TEST(LoadSuite, OcrSuiteHasEveryField) {
    const TempSuiteDir dir;
    dir.write("assets/receipt-001.png", "not really a png");
    const auto file = dir.write("receipts.yaml", ocr_suite);

    const Suite suite = load_suite(file);
    EXPECT_EQ(suite.name, "receipts-ocr");
    EXPECT_EQ(suite.task, Task::ocr);
    EXPECT_EQ(suite.description, "Printed receipts and one synthetic invoice.");
    EXPECT_EQ(suite.prompt, "Transcribe all the text in this image.");
    EXPECT_EQ(suite.metrics, (std::vector<std::string>{"cer", "wer", "exact_match"}));
    EXPECT_EQ(suite.metric_params,
              (nlohmann::json{{"cer", nlohmann::json::object()},
                              {"wer", {{"collapse_whitespace", true}}},
                              {"exact_match", nlohmann::json::object()}}));
    EXPECT_EQ(suite.file, file);
    EXPECT_EQ(suite.root, dir.root());
    ASSERT_EQ(suite.cases.size(), 2u);

    const Case& receipt = suite.cases[0];
    EXPECT_EQ(receipt.id, "receipt-001");
    EXPECT_EQ(receipt.line, 9);
    EXPECT_EQ(receipt.expected, "TOTAL $12.50");
    EXPECT_EQ(receipt.tags, (std::vector<std::string>{"printed", "receipt"}));  // defaults first, no repeats
    ASSERT_TRUE(receipt.image.has_value());
    EXPECT_EQ(receipt.image->path, dir.root() / "assets/receipt-001.png");
    EXPECT_EQ(receipt.image->generate, nullptr);

    const Case& invoice = suite.cases[1];
    EXPECT_EQ(invoice.line, 13);
    EXPECT_EQ(invoice.expected, "2024");  // a plain number is the text as written
    EXPECT_EQ(invoice.tags, (std::vector<std::string>{"printed"}));
    ASSERT_TRUE(invoice.image.has_value());
    EXPECT_TRUE(invoice.image->path.empty());
    ASSERT_NE(invoice.image->generate, nullptr);
    const GenerateSpec& spec = *invoice.image->generate;
    EXPECT_EQ(spec.text, "Invoice 2024-113");
    EXPECT_DOUBLE_EQ(spec.scale, 1.5);
    EXPECT_EQ(spec.thickness, 3);
    EXPECT_DOUBLE_EQ(spec.blur, 1.5);
    EXPECT_DOUBLE_EQ(spec.noise, 0.05);
    EXPECT_DOUBLE_EQ(spec.rotate, -2);
    EXPECT_DOUBLE_EQ(spec.contrast, 0.5);
    EXPECT_EQ(spec.jpeg_quality, 80);
    EXPECT_EQ(spec.seed, 7u);
}

TEST(LoadSuite, GenerateDefaultsApplyToKeysLeftOut) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", R"(suite: s
task: ocr
metrics: [cer]
cases:
  - {id: a, image: {generate: {text: "Hi"}}, expected: Hi}
)");
    const GenerateSpec spec = *load_suite(file).cases.at(0).image->generate;
    const GenerateSpec defaults;
    EXPECT_EQ(spec.text, "Hi");
    EXPECT_EQ(spec.scale, defaults.scale);
    EXPECT_EQ(spec.thickness, defaults.thickness);
    EXPECT_EQ(spec.contrast, defaults.contrast);
    EXPECT_EQ(spec.jpeg_quality, defaults.jpeg_quality);
}

TEST(LoadSuite, VqaSuiteKeepsQuestionAndAnswers) {
    const TempSuiteDir dir;
    dir.write("chart.png", "png");
    const auto file = dir.write("vqa.yaml", R"(suite: charts
task: vqa
metrics: [exact_match]
cases:
  - id: q1
    image: chart.png
    question: "What is the highest bar?"
    answers: [blue, "Blue", the blue one]
)");
    const Suite suite = load_suite(file);
    EXPECT_EQ(suite.task, Task::vqa);
    const Case& c = suite.cases.at(0);
    EXPECT_EQ(c.question, "What is the highest bar?");
    EXPECT_EQ(c.answers, (std::vector<std::string>{"blue", "Blue", "the blue one"}));
}

TEST(LoadSuite, ResearchSuiteKeepsQueryFactsSourcesAndPassages) {
    const TempSuiteDir dir;
    const auto file = dir.write("research.yaml", R"(suite: eu-ai-act
task: research
metrics: [token_f1]
cases:
  - id: entry-into-force
    query: When did the EU AI Act enter into force?
    facts: [1 August 2024, European Parliament]
    sources: [europa.eu, "https://www.who.int/news/item/1/"]
    passages:
      - url: https://eur-lex.europa.eu/x
        title: Regulation (EU) 2024/1689
        text: The Regulation entered into force on 1 August 2024.
        date: 2024-07-12
      - {url: "https://news.example/y", text: Short note.}
    tags: [law]
)");
    const Suite suite = load_suite(file);
    const Case& c = suite.cases.at(0);
    EXPECT_EQ(c.query, "When did the EU AI Act enter into force?");
    EXPECT_EQ(c.facts, (std::vector<std::string>{"1 August 2024", "European Parliament"}));
    EXPECT_EQ(c.sources, (std::vector<std::string>{"europa.eu", "https://www.who.int/news/item/1/"}));
    ASSERT_EQ(c.passages.size(), 2u);
    EXPECT_EQ(c.passages[0].url, "https://eur-lex.europa.eu/x");
    EXPECT_EQ(c.passages[0].title, "Regulation (EU) 2024/1689");
    EXPECT_EQ(c.passages[0].text, "The Regulation entered into force on 1 August 2024.");
    EXPECT_EQ(c.passages[0].date, "2024-07-12");
    EXPECT_EQ(c.passages[1].title, "");
    EXPECT_FALSE(c.image.has_value());
    EXPECT_EQ(c.tags, (std::vector<std::string>{"law"}));
}

TEST(LoadSuite, ContentHashIsTheFileBytesAndFollowsEdits) {
    const TempSuiteDir dir;
    const std::string text = "suite: s\ntask: ocr\nmetrics: [cer]\ncases:\n  - {id: a, image: {generate: {text: A}}, expected: A}\n";
    const auto file = dir.write("s.yaml", text);
    const std::string first = load_suite(file).content_hash;
    EXPECT_EQ(first, sha256_hex(text));

    dir.write("s.yaml", text + "# a comment changes the version that was run\n");
    const std::string second = load_suite(file).content_hash;
    EXPECT_EQ(second.size(), 64u);
    EXPECT_NE(first, second);
}

TEST(LoadImageBytes, ReadsTheFileRendersGeneratedAndIsEmptyWithoutImage) {
    const TempSuiteDir dir;
    const std::string png_bytes("\x89PNG\r\n\x1a\n\0\x01", 10);
    dir.write("img.png", png_bytes);
    const auto file = dir.write("s.yaml", R"(suite: s
task: research
metrics: [token_f1]
cases:
  - {id: with-file, query: q, image: img.png}
  - {id: generated, query: q, image: {generate: {text: "Hello", seed: 3}}}
  - {id: no-image, query: q}
)");
    const Suite suite = load_suite(file);
    const std::vector<std::uint8_t> from_file = load_image_bytes(suite.cases.at(0));
    EXPECT_EQ(std::string(from_file.begin(), from_file.end()), png_bytes);

    const std::vector<std::uint8_t> generated = load_image_bytes(suite.cases.at(1));
    EXPECT_FALSE(generated.empty());
    EXPECT_EQ(generated, render_text_image(*suite.cases.at(1).image->generate));

    EXPECT_TRUE(load_image_bytes(suite.cases.at(2)).empty());
}

TEST(LoadImageBytes, MissingFileNamesIt) {
    Case c;
    c.id = "gone";
    c.image = ImageSource{"/nonexistent/evalpanel/gone.png", nullptr};
    try {
        (void)load_image_bytes(c);
        FAIL() << "expected an error";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("/nonexistent/evalpanel/gone.png"), std::string::npos);
    }
}

}  // namespace
}  // namespace evalpanel::suite
