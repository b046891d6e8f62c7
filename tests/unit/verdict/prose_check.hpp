// The check the issue asks for: every number in a reviewer's prose is a figure it used, written the way
// the template's format writes it.
#pragma once

#include <gtest/gtest.h>

#include "comparison_fixture.hpp"
#include "verdict/figure_format.hpp"

namespace evalpanel::verdict::testing {

inline void expect_numbers_backed_by_figures(const ReviewerVerdict& review) {
    std::vector<std::string> shown_numbers;
    for (const auto& [placeholder, written] : review.figures_shown) {
        const std::size_t colon = placeholder.find(':');
        const std::string name = placeholder.substr(0, colon);
        const std::string spec = colon == std::string::npos ? "" : placeholder.substr(colon + 1);
        ASSERT_TRUE(review.figures_used.contains(name)) << name << " shown but not in figures_used";
        EXPECT_EQ(format_figure(review.figures_used.at(name), parse_figure_format(spec).value()), written) << placeholder;
        for (const std::string& n : numbers_in(written)) shown_numbers.push_back(n);
    }
    for (const std::string& sentence : review.sentences) {
        for (const std::string& n : numbers_in(sentence)) {
            EXPECT_NE(std::find(shown_numbers.begin(), shown_numbers.end(), n), shown_numbers.end())
                << review.reviewer_id << ": `" << n << "` in \"" << sentence << "\" is not a figure it used";
        }
    }
}

}  // namespace evalpanel::verdict::testing
