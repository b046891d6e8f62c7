#include <gtest/gtest.h>

#include "api_error.hpp"

namespace evalpanel::plugins::perplexity {
namespace {

http::Response answer(long status, std::string body, std::vector<http::Header> headers = {}) {
    http::Response r;
    r.status = status;
    r.body = std::move(body);
    r.headers = std::move(headers);
    return r;
}

const ExchangeContext kPost{"POST /chat/completions", false};

TEST(ApiError, UnauthorizedHtmlIsFatalAndPointsAtTheKey) {
    const ToolError e = classify_http_error(answer(401, "<html><head><title>401 Authorization Required</title>"), kPost);
    EXPECT_EQ(e.kind, ErrorKind::fatal);
    EXPECT_EQ(e.message, "perplexity authentication failed (HTTP 401): check PPLX_API_KEY");
    EXPECT_EQ(classify_http_error(answer(403, "<html>"), kPost).kind, ErrorKind::fatal);
}

TEST(ApiError, RateLimitCarriesRetryAfterWhenGiven) {
    const ToolError e = classify_http_error(answer(429, "", {{"retry-after", "7"}}), kPost);
    EXPECT_EQ(e.kind, ErrorKind::rate_limited);
    EXPECT_EQ(e.retry_after_s, 7.0);
    const ToolError bare = classify_http_error(answer(429, "Too Many Requests"), kPost);
    EXPECT_EQ(bare.kind, ErrorKind::rate_limited);
    EXPECT_FALSE(bare.retry_after_s);
}

TEST(ApiError, ProxyPagesAndServerErrorsAreRetryable) {
    for (long status : {500L, 502L, 503L, 504L, 408L, 409L}) {
        const ToolError e = classify_http_error(answer(status, "<html><body>bad gateway</body></html>"), kPost);
        EXPECT_EQ(e.kind, ErrorKind::retryable) << status;
        EXPECT_NE(e.message.find("HTTP " + std::to_string(status)), std::string::npos);
    }
    EXPECT_NE(classify_http_error(answer(502, "\n<html>"), kPost).message.find("HTML page"), std::string::npos);
}

TEST(ApiError, BadRequestCarriesTheApisMessage) {
    const ToolError e = classify_http_error(
        answer(400, R"({"error":{"message":"Last message must have role `user`.","type":"invalid_message","code":400}})"), kPost);
    EXPECT_EQ(e.kind, ErrorKind::bad_input);
    EXPECT_NE(e.message.find("Last message must have role `user`."), std::string::npos) << e.message;
}

TEST(ApiError, InvalidModelIsFatal) {
    const ToolError e = classify_http_error(
        answer(400, R"({"error":{"message":"Invalid model 'x'.","type":"invalid_model","code":400}})"), kPost);
    EXPECT_EQ(e.kind, ErrorKind::fatal);
    EXPECT_NE(e.message.find("Invalid model 'x'."), std::string::npos);
}

TEST(ApiError, NotFoundIsFatalUnlessPollingAJob) {
    EXPECT_EQ(classify_http_error(answer(404, "{}"), kPost).kind, ErrorKind::fatal);
    EXPECT_EQ(classify_http_error(answer(404, "{}"), {"GET /async/chat/completions/x", true}).kind, ErrorKind::retryable);
}

TEST(ApiError, MessageFromDetailAndCutWhenLong) {
    EXPECT_EQ(api_error_message(R"({"detail":"Not authenticated"})"), "Not authenticated");
    EXPECT_FALSE(api_error_message("<html>"));
    EXPECT_LE(api_error_message("{\"error\":\"" + std::string(1000, 'x') + "\"}")->size(), 303u);
}

TEST(ApiError, RedactReplacesEveryOccurrence) {
    EXPECT_EQ(redact("key pplx-1 and pplx-1", "pplx-1"), "key <redacted> and <redacted>");
    EXPECT_EQ(redact("d", "d"), "<redacted>");  // the mark itself contains the secret: no endless loop
    EXPECT_EQ(redact("text", ""), "text");
}

}  // namespace
}  // namespace evalpanel::plugins::perplexity
