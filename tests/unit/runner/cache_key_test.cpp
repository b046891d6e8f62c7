#include "runner/cache_key.hpp"

#include <gtest/gtest.h>

namespace evalpanel::runner {
namespace {

Request sample() {
    Request r;
    r.case_id = "c1";
    r.task = Task::ocr;
    r.prompt = "Transcribe.";
    r.image = {1, 2, 3};
    r.options = {{"idempotency_key", "evalpanel-run1-c1"}};
    return r;
}

TEST(CacheKey, EverythingTheToolSeesChangesTheKey) {
    const nlohmann::json options = {{"lang", "eng"}};
    const std::string base = cache_key("tesseract_ocr", "0.1.0", options, sample());
    EXPECT_EQ(base.size(), 64u);
    EXPECT_EQ(cache_key("tesseract_ocr", "0.1.0", options, sample()), base);
    Request other_image = sample();
    other_image.image[2] = 4;
    EXPECT_NE(cache_key("tesseract_ocr", "0.1.0", options, other_image), base);
    Request other_prompt = sample();
    other_prompt.prompt = "Read.";
    EXPECT_NE(cache_key("tesseract_ocr", "0.1.0", options, other_prompt), base);
    EXPECT_NE(cache_key("tesseract_ocr", "0.2.0", options, sample()), base);
    EXPECT_NE(cache_key("tesseract_ocr", "0.1.0", {{"lang", "deu"}}, sample()), base);
}

TEST(CacheKey, PerRunIdempotencyKeyAndCaseIdDoNotChangeIt) {
    Request again = sample();
    again.case_id = "renamed";
    again.options["idempotency_key"] = "evalpanel-run2-renamed";
    EXPECT_EQ(cache_key("p", "1", nlohmann::json::object(), again), cache_key("p", "1", nlohmann::json::object(), sample()));
}

TEST(CacheKey, SamplingToolsAreNotCachedByDefault) {
    EXPECT_TRUE(deterministic_by_default(nlohmann::json::object()));
    EXPECT_TRUE(deterministic_by_default({{"temperature", 0}}));
    EXPECT_FALSE(deterministic_by_default({{"temperature", 0.7}}));
}

}  // namespace
}  // namespace evalpanel::runner
