// Hostile suite files (alias bombs, deep nesting) are refused quickly with file:line:column, through the
// shared YAML guard; and the in-memory entry point reads a suite exactly like the file one.
#include <chrono>

#include <gtest/gtest.h>

#include "../yaml_guard/hostile_yaml.hpp"
#include "suite/suite.hpp"
#include "temp_suite_dir.hpp"

namespace evalpanel::suite {
namespace {

using evalpanel::testing::billion_laughs;
using evalpanel::testing::nested_brackets;
using testing::problems_of;
using testing::TempSuiteDir;

const std::string kHead = "suite: s\ntask: ocr\nmetrics: [cer]\n";  // lines 1-3

// The only problem of `file`, as "file:line:column: message", and how long finding it took.
std::pair<std::string, std::chrono::steady_clock::duration> only_problem(const std::filesystem::path& file) {
    const auto start = std::chrono::steady_clock::now();
    const std::vector<Diagnostic> problems = problems_of(file);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(problems.size(), 1u) << SuiteError(problems).what();
    return {problems.empty() ? "" : problems[0].to_string(), elapsed};
}

TEST(SuiteYamlLimits, AliasBombIsRefusedAtItsLine) {
    const TempSuiteDir dir;
    // The bomb's first line is line 4; its level-4 aliases (line 9) cross the limit.
    const auto file = dir.write("s.yaml", kHead + billion_laughs("cases") + "\n");
    const auto [problem, elapsed] = only_problem(file);
    EXPECT_EQ(problem.rfind(file.string() + ":9:", 0), 0u) << problem;
    EXPECT_NE(problem.find("aliases expand to more than 100000 nodes"), std::string::npos) << problem;
    EXPECT_LT(elapsed, std::chrono::seconds(2));
}

TEST(SuiteYamlLimits, AHundredThousandNestedBracketsAreRefusedAtTheirLine) {
    const TempSuiteDir dir;
    const auto file = dir.write("s.yaml", kHead + "cases:\n  - id: a\n    expected: " + nested_brackets(100'000) + "\n");
    const auto [problem, elapsed] = only_problem(file);
    EXPECT_EQ(problem.rfind(file.string() + ":6:", 0), 0u) << problem;
    EXPECT_NE(problem.find("nested more than 64 levels deep"), std::string::npos) << problem;
    EXPECT_LT(elapsed, std::chrono::seconds(2));
}

TEST(SuiteYamlLimits, TextLoadsLikeTheFileItCameFrom) {
    const TempSuiteDir dir;
    const std::string text = kHead + "cases:\n  - {id: a, expected: A, image: {generate: {text: A}}}\n";
    const Suite from_file = load_suite(dir.write("s.yaml", text));
    const Suite from_text = load_suite_text(text, dir.root() / "s.yaml");
    EXPECT_EQ(from_text.name, "s");
    EXPECT_EQ(from_text.content_hash, from_file.content_hash);
    EXPECT_EQ(from_text.root, from_file.root);
    ASSERT_EQ(from_text.cases.size(), 1u);
    EXPECT_EQ(from_text.cases[0].expected, "A");
}

}  // namespace
}  // namespace evalpanel::suite
