// The shipped suites/vqa/ files: they load, every image renders, and every answer is true of its image —
// a lookup's answer is drawn in the image, and the charts' arithmetic and comparisons are recomputed
// from the drawn data.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include "suite/suite.hpp"
#include "suite/text_draw.hpp"

namespace evalpanel::suite {
namespace {

std::vector<Suite> shipped_suites() {
    std::vector<Suite> suites;
    for (const auto& file : expand_suite_paths({std::filesystem::path(EVALPANEL_SOURCE_DIR) / "suites/vqa"}))
        suites.push_back(load_suite(file));
    return suites;
}

bool has_tag(const Case& c, const std::string& tag) {
    return std::find(c.tags.begin(), c.tags.end(), tag) != c.tags.end();
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char ch) { return std::tolower(ch); });
    return text;
}

// Every piece of text the image draws, lower-cased, one per line.
std::string drawn_text(const GenerateSpec& spec) {
    std::string text = spec.text + "\n" + spec.title + "\n" + spec.y_label + "\n" + spec.total + "\n" + spec.footer;
    for (const std::string& label : spec.labels) text += "\n" + label;
    for (double value : spec.values) text += "\n" + detail::shortest_decimal(value);
    for (const auto& row : spec.rows)
        for (const std::string& cell : row) text += "\n" + cell;
    for (const auto& pair : spec.fields) text += "\n" + pair.label + "\n" + pair.value;
    for (const auto& pair : spec.items) text += "\n" + pair.label + "\n" + pair.value;
    return lower(text);
}

double value_of(const GenerateSpec& spec, const std::string& label) {
    const auto at = std::find(spec.labels.begin(), spec.labels.end(), label);
    EXPECT_NE(at, spec.labels.end()) << label;
    return at == spec.labels.end() ? 0 : spec.values[static_cast<std::size_t>(at - spec.labels.begin())];
}

// Recomputes a chart's multi-step answer from its drawn data.
void check_chart_answer(const Case& c) {
    const GenerateSpec& spec = *c.image->generate;
    const auto highest = std::max_element(spec.values.begin(), spec.values.end());
    const auto lowest = std::min_element(spec.values.begin(), spec.values.end());
    std::smatch match;
    if (std::regex_match(c.question, match, std::regex("What is the total of (.+) and (.+)\\?"))) {
        EXPECT_NEAR(std::strtod(c.answers[0].c_str(), nullptr), value_of(spec, match[1]) + value_of(spec, match[2]),
                    1e-9);
    } else if (c.question == "What is the difference between the highest and the lowest value?") {
        EXPECT_NEAR(std::strtod(c.answers[0].c_str(), nullptr), *highest - *lowest, 1e-9);
    } else if (c.question == "Which label has the highest value?") {
        EXPECT_EQ(c.answers[0], spec.labels[static_cast<std::size_t>(highest - spec.values.begin())]);
    } else if (c.question == "Which label has the lowest value?") {
        EXPECT_EQ(c.answers[0], spec.labels[static_cast<std::size_t>(lowest - spec.values.begin())]);
    } else if (std::regex_match(c.question, match, std::regex("What is the value for (.+)\\?"))) {
        EXPECT_EQ(c.answers[0], detail::shortest_decimal(value_of(spec, match[1])));
    } else {
        ADD_FAILURE() << "no check for the chart question: " << c.question;
    }
}

TEST(ShippedVqaSuites, LoadWithEnoughCasesOfEveryKind) {
    std::size_t cases = 0;
    for (const Suite& suite : shipped_suites()) {
        EXPECT_EQ(suite.task, Task::vqa);
        cases += suite.cases.size();
    }
    EXPECT_GE(cases, 60u);
    for (const std::string kind : {"chart", "table", "form", "receipt", "sign", "multi-step", "degraded"}) {
        std::size_t tagged = 0;
        for (const Suite& suite : shipped_suites())
            tagged += static_cast<std::size_t>(
                std::count_if(suite.cases.begin(), suite.cases.end(), [&](const Case& c) { return has_tag(c, kind); }));
        EXPECT_GE(tagged, 3u) << kind;
    }
}

TEST(ShippedVqaSuites, EveryImageRendersAndDecodes) {
    for (const Suite& suite : shipped_suites()) {
        for (const Case& c : suite.cases) {
            SCOPED_TRACE(c.id);
            const std::vector<std::uint8_t> bytes = load_image_bytes(c);
            EXPECT_FALSE(cv::imdecode(bytes, cv::IMREAD_UNCHANGED).empty());
        }
    }
}

TEST(ShippedVqaSuites, EveryCaseIsTaggedCleanOrDegraded) {
    for (const Suite& suite : shipped_suites()) {
        for (const Case& c : suite.cases) {
            EXPECT_NE(has_tag(c, "clean"), has_tag(c, "degraded")) << c.id;
            const bool damaged = c.image->generate->blur > 0 || c.image->generate->noise > 0 ||
                                 c.image->generate->rotate != 0 || c.image->generate->contrast != 1 ||
                                 c.image->generate->jpeg_quality > 0;
            EXPECT_EQ(damaged, has_tag(c, "degraded")) << c.id;
        }
    }
}

TEST(ShippedVqaSuites, LookupAnswersAreDrawnInTheImage) {
    for (const Suite& suite : shipped_suites()) {
        for (const Case& c : suite.cases) {
            if (!has_tag(c, "lookup")) continue;
            // answers[0] is the most common human answer in the vqa_accuracy suite.
            EXPECT_NE(drawn_text(*c.image->generate).find(lower(c.answers[0])), std::string::npos)
                << c.id << ": " << c.answers[0];
        }
    }
}

TEST(ShippedVqaSuites, ChartAnswersFollowFromTheData) {
    for (const Suite& suite : shipped_suites()) {
        for (const Case& c : suite.cases) {
            if (!has_tag(c, "chart")) continue;
            SCOPED_TRACE(c.id);
            check_chart_answer(c);
        }
    }
}

// VQAv2 scoring needs the crowd: ten answers, not all the same, the most common given at least 4 times
// so that answer earns full credit.
TEST(ShippedVqaSuites, VqaAccuracyCasesHaveTenHumanAnswers) {
    for (const Suite& suite : shipped_suites()) {
        if (std::find(suite.metrics.begin(), suite.metrics.end(), "vqa_accuracy") == suite.metrics.end()) continue;
        for (const Case& c : suite.cases) {
            EXPECT_EQ(c.answers.size(), 10u) << c.id;
            EXPECT_GE(std::count(c.answers.begin(), c.answers.end(), c.answers[0]), 4) << c.id;
        }
    }
}

}  // namespace
}  // namespace evalpanel::suite
