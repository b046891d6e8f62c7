// A fresh folder per test to write suites and images into, removed afterwards.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <gtest/gtest.h>
#include <unistd.h>

#include "suite/suite.hpp"

namespace evalpanel::suite::testing {

class TempSuiteDir {
public:
    TempSuiteDir() {
        const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
        root_ = std::filesystem::temp_directory_path() /
                ("evalpanel_suite_" + std::string(test->test_suite_name()) + "_" + test->name() + "_" +
                 std::to_string(::getpid()));
        std::filesystem::remove_all(root_);
        std::filesystem::create_directories(root_);
        root_ = std::filesystem::canonical(root_);
    }
    ~TempSuiteDir() {
        std::error_code ignored;
        std::filesystem::remove_all(root_, ignored);
    }
    TempSuiteDir(const TempSuiteDir&) = delete;
    TempSuiteDir& operator=(const TempSuiteDir&) = delete;

    const std::filesystem::path& root() const { return root_; }

    // Writes `content` to root/relative (creating folders) and returns the full path.
    std::filesystem::path write(const std::filesystem::path& relative, std::string_view content) const {
        const std::filesystem::path path = root_ / relative;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }

private:
    std::filesystem::path root_;
};

// The diagnostics load_suite throws for `file`; fails the test when it loads cleanly.
inline std::vector<Diagnostic> problems_of(const std::filesystem::path& file) {
    try {
        (void)load_suite(file);
    } catch (const SuiteError& error) {
        return error.diagnostics();
    }
    ADD_FAILURE() << file << " loaded, but problems were expected";
    return {};
}

}  // namespace evalpanel::suite::testing
