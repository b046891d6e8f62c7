// A hostile panel file (alias bomb, deep nesting) is refused quickly with file:line:column.
#include <chrono>
#include <fstream>

#include <gtest/gtest.h>

#include "../yaml_guard/hostile_yaml.hpp"
#include "verdict/verdict.hpp"

namespace evalpanel::verdict {
namespace {

using evalpanel::testing::billion_laughs;
using evalpanel::testing::nested_brackets;

class PanelYamlLimits : public ::testing::Test {
protected:
    std::filesystem::path file_ = std::filesystem::path(::testing::TempDir()) /
                                  ("evalpanel_panel_" +
                                   std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".yaml");

    // The PanelError's message for `text`, and how long loading took.
    std::pair<std::string, std::chrono::steady_clock::duration> error_of(const std::string& text) {
        std::ofstream(file_, std::ios::binary) << text;
        const auto start = std::chrono::steady_clock::now();
        std::string message = "no error";
        try {
            load_panel(file_);
        } catch (const PanelError& e) {
            message = e.what();
        }
        return {message, std::chrono::steady_clock::now() - start};
    }
};

TEST_F(PanelYamlLimits, AliasBombIsRefusedAtItsLine) {
    // Line 1, then the bomb from line 2: its level-4 aliases are on line 7.
    const auto [message, elapsed] = error_of("monthly_volume: 5000\n" + billion_laughs("reviewers"));
    EXPECT_EQ(message.rfind(file_.string() + ":7:", 0), 0u) << message;
    EXPECT_NE(message.find("aliases expand to more than 100000 nodes"), std::string::npos) << message;
    EXPECT_LT(elapsed, std::chrono::seconds(2));
}

TEST_F(PanelYamlLimits, AHundredThousandNestedBracketsAreRefusedAtTheirLine) {
    const auto [message, elapsed] = error_of("monthly_volume: 5000\nreviewers: " + nested_brackets(100'000) + "\n");
    EXPECT_EQ(message.rfind(file_.string() + ":2:", 0), 0u) << message;
    EXPECT_NE(message.find("nested more than 64 levels deep"), std::string::npos) << message;
    EXPECT_LT(elapsed, std::chrono::seconds(2));
}

}  // namespace
}  // namespace evalpanel::verdict
