// Which files a command line's SUITE_OR_DIR arguments name, and which image paths a suite may use.
#include <gtest/gtest.h>

#include "suite/suite.hpp"
#include "temp_suite_dir.hpp"

namespace evalpanel::suite {
namespace {

using testing::problems_of;
using testing::TempSuiteDir;

constexpr std::string_view suite_with_image_link = R"(suite: s
task: ocr
metrics: [cer]
cases:
  - id: a
    image: assets/link.png
    expected: A
)";

TEST(ExpandSuitePaths, FolderGivesEveryYamlBelowItSorted) {
    const TempSuiteDir dir;
    dir.write("suites/vqa/b.yml", "");
    dir.write("suites/ocr/z.yaml", "");
    dir.write("suites/ocr/a.yaml", "");
    dir.write("suites/ocr/assets/readme.txt", "");
    dir.write("suites/top.yaml", "");
    const auto single = dir.write("elsewhere/one.yaml", "");

    const auto files = expand_suite_paths({single, dir.root() / "suites"});
    const std::filesystem::path s = dir.root() / "suites";
    EXPECT_EQ(files, (std::vector<std::filesystem::path>{single, s / "ocr/a.yaml", s / "ocr/z.yaml", s / "top.yaml",
                                                         s / "vqa/b.yml"}));
}

TEST(ExpandSuitePaths, MissingPathsAreAllReported) {
    const TempSuiteDir dir;
    const auto present = dir.write("s.yaml", "");
    try {
        (void)expand_suite_paths({dir.root() / "nope.yaml", present, dir.root() / "gone"});
        FAIL() << "expected a SuiteError";
    } catch (const SuiteError& error) {
        ASSERT_EQ(error.diagnostics().size(), 2u);
        EXPECT_EQ(error.diagnostics()[0].to_string(),
                  (dir.root() / "nope.yaml").string() + ": no such suite file or folder");
        EXPECT_EQ(error.diagnostics()[1].file, (dir.root() / "gone").string());
    }
}

TEST(ExpandSuitePaths, FolderWithoutSuitesIsAnError) {
    const TempSuiteDir dir;
    dir.write("empty/notes.txt", "");
    EXPECT_THROW((void)expand_suite_paths({dir.root() / "empty"}), SuiteError);
}

TEST(ImagePaths, SymlinkThatEscapesTheSuiteFolderIsRefused) {
    const TempSuiteDir dir;
    const auto secret = dir.write("private/secret.png", "png");
    const auto file = dir.write("suite/s.yaml", suite_with_image_link);
    std::filesystem::create_directories(dir.root() / "suite/assets");
    std::filesystem::create_symlink(secret, dir.root() / "suite/assets/link.png");

    const std::vector<Diagnostic> problems = problems_of(file);
    ASSERT_EQ(problems.size(), 1u) << SuiteError(problems).what();
    EXPECT_EQ(problems[0].line, 6);
    EXPECT_EQ(problems[0].column, 12);
    EXPECT_NE(problems[0].message.find("resolves to " + secret.string() + ", outside the suite's folder"),
              std::string::npos)
        << problems[0].message;
}

TEST(ImagePaths, SymlinkedFolderThatEscapesIsRefused) {
    const TempSuiteDir dir;
    dir.write("private/link.png", "png");
    const auto file = dir.write("suite/s.yaml", suite_with_image_link);
    std::filesystem::create_directory_symlink(dir.root() / "private", dir.root() / "suite/assets");
    EXPECT_EQ(problems_of(file).size(), 1u);
}

TEST(ImagePaths, SymlinkThatStaysInsideIsFollowed) {
    const TempSuiteDir dir;
    const auto real = dir.write("suite/images/real.png", "png");
    const auto file = dir.write("suite/s.yaml", suite_with_image_link);
    std::filesystem::create_directories(dir.root() / "suite/assets");
    std::filesystem::create_symlink(real, dir.root() / "suite/assets/link.png");

    const Suite suite = load_suite(file);
    EXPECT_EQ(suite.cases.at(0).image->path, real);
}

}  // namespace
}  // namespace evalpanel::suite
