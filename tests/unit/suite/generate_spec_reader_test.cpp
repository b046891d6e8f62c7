// `image: {generate: {kind: ..., ...}}` in a suite file: every kind's keys are read into the GenerateSpec,
// and every mistake is reported at its line and column with the key named.
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "suite/suite.hpp"
#include "temp_suite_dir.hpp"

namespace evalpanel::suite {
namespace {

using testing::problems_of;
using testing::TempSuiteDir;

// A one-case vqa suite whose image is `{generate: {<inside>}}` on line 6; `inside` starts at column 24.
std::string vqa_suite(std::string_view inside) {
    return "suite: s\n"
           "task: vqa\n"
           "metrics: [anls]\n"
           "cases:\n"
           "  - id: a\n"
           "    image: {generate: {" + std::string(inside) + "}}\n"
           "    question: q\n"
           "    answers: [x]\n";
}

GenerateSpec loaded_spec(const TempSuiteDir& dir, std::string_view inside) {
    const Suite suite = load_suite(dir.write("s.yaml", vqa_suite(inside)));
    return *suite.cases.at(0).image->generate;
}

constexpr int kInsideColumn = 24;

void expect_only_problem(const std::filesystem::path& file, int column, std::string_view fragment) {
    const std::vector<Diagnostic> problems = problems_of(file);
    ASSERT_EQ(problems.size(), 1u) << SuiteError(problems).what();
    EXPECT_EQ(problems[0].line, 6) << problems[0].to_string();
    EXPECT_EQ(problems[0].column, column) << problems[0].to_string();
    EXPECT_NE(problems[0].message.find(fragment), std::string::npos) << problems[0].to_string();
}

TEST(GenerateSpecReader, ReadsABarChart) {
    const TempSuiteDir dir;
    const GenerateSpec spec = loaded_spec(
        dir, "kind: bar_chart, title: Sales, labels: [\"2021\", Q2], values: [12.5, -3], y_label: k$, blur: 1");
    EXPECT_EQ(spec.kind, GenerateKind::bar_chart);
    EXPECT_EQ(spec.title, "Sales");
    EXPECT_EQ(spec.labels, (std::vector<std::string>{"2021", "Q2"}));
    EXPECT_EQ(spec.values, (std::vector<double>{12.5, -3}));
    EXPECT_EQ(spec.y_label, "k$");
    EXPECT_EQ(spec.blur, 1);
}

TEST(GenerateSpecReader, ReadsTablesFormsReceiptsAndSigns) {
    const TempSuiteDir dir;
    const GenerateSpec table = loaded_spec(dir, "kind: table, rows: [[Item, Price], [Tea, 2.50], [Cake, \"\"]]");
    EXPECT_EQ(table.kind, GenerateKind::table);
    EXPECT_EQ(table.rows, (std::vector<std::vector<std::string>>{{"Item", "Price"}, {"Tea", "2.50"}, {"Cake", ""}}));

    const GenerateSpec form = loaded_spec(dir, "kind: form, title: INVOICE, fields: [[Invoice number, INV-7]]");
    ASSERT_EQ(form.fields.size(), 1u);
    EXPECT_EQ(form.fields[0].label, "Invoice number");
    EXPECT_EQ(form.fields[0].value, "INV-7");

    const GenerateSpec receipt =
        loaded_spec(dir, "kind: receipt, items: [[Tea, \"2.50\"]], total: \"$2.50\", footer: \"Thanks\\nBye\"");
    EXPECT_EQ(receipt.items.at(0).value, "2.50");
    EXPECT_EQ(receipt.total, "$2.50");
    EXPECT_EQ(receipt.footer, "Thanks\nBye");

    const GenerateSpec sign = loaded_spec(dir, "kind: sign, text: EXIT, scale: 2");
    EXPECT_EQ(sign.kind, GenerateKind::sign);
    EXPECT_EQ(sign.text, "EXIT");
}

TEST(GenerateSpecReader, WithoutKindItIsATextPage) {
    const TempSuiteDir dir;
    EXPECT_EQ(loaded_spec(dir, "text: Hi").kind, GenerateKind::text);
}

TEST(GenerateSpecReader, Problems) {
    struct Example {
        std::string inside;
        std::string at;  // the problem is reported where this text first starts in `inside`
        std::string fragment;
    };
    const std::vector<Example> examples = {
        {"kind: pie, labels: [A], values: [1]", "pie",
         "unknown kind `pie`; known kinds: text, bar_chart, line_chart, table, form, receipt, sign"},
        {"kind: 3, text: A", "3", "unknown kind `3`"},
        {"kind: table, rows: [[A], [B]], labels: [x]", "labels",
         "`labels` is for bar_chart, line_chart images; this image's kind is table"},
        {"kind: bar_chart, labels: [A, B], values: [1]", "[1]",
         "`values` has 1 numbers but `labels` has 2; give one value per label"},
        {"kind: bar_chart, labels: [], values: [1]", "[]", "`labels` must be a non-empty list of category names"},
        {"kind: bar_chart, labels: A, values: [1]", "A,", "`labels` must be a non-empty list"},
        {"kind: bar_chart, labels: [A, B], values: [1, \"2\"]", "\"2\"", "`values item 2` must be a number"},
        {"kind: bar_chart, labels: [A, \"\"], values: [1, 2]", "\"\"", "`labels` item 2 must not be empty"},
        {"kind: bar_chart, labels: [\"caf\u00E9\"], values: [1]", "\"caf", "`labels` item 1: character U+00E9"},
        {"kind: line_chart, labels: [A]", "", "missing required key `values`"},
        {"kind: table, rows: [[A, B]]", "[[", "`rows` needs the header row and at least one data row"},
        {"kind: table, rows: [[A, B], [1, 2, 3]]", "[1,", "`rows` row 2 has 3 cells but the header row has 2"},
        {"kind: table, rows: [[A, B], x]", "x]", "`rows` row 2 must be a non-empty list of cells"},
        {"kind: form, fields: [[Name]]", "[Name]", "`fields` item 1 must be a pair [label, value], got a list of 1"},
        {"kind: form, fields: {Name: Ada}", "{Name", "`fields` must be a non-empty list of [label, value] pairs"},
        {"kind: receipt, items: [[Tea, [2]]]", "[2]", "`items` item 1 value must be a string, got a list"},
        {"kind: receipt, items: [[Tea, \"1\"]], total: \"a\\nb\"", "\"a", "`total` must be a single line"},
        {"kind: sign, text: \"   \"", "\"   ", "`text` must not be empty"},
        {"text: \"caf\u00E9\"", "\"caf", "`text`: character U+00E9 at byte 3 cannot be drawn"},
    };
    const TempSuiteDir dir;
    for (const Example& example : examples) {
        SCOPED_TRACE(example.inside);
        // "" points at the generate map itself, one column before `inside` (its opening brace).
        const int column = example.at.empty() ? kInsideColumn - 1
                                              : kInsideColumn + static_cast<int>(example.inside.find(example.at));
        expect_only_problem(dir.write("s.yaml", vqa_suite(example.inside)), column, example.fragment);
    }
}

}  // namespace
}  // namespace evalpanel::suite
