// retry_after_seconds, to_tool_error and to_string: the transport-free helpers of evalpanel/http.hpp.
#include <evalpanel/http.hpp>

#include <gtest/gtest.h>

#include <ctime>

namespace evalpanel::http {
namespace {

Response with_retry_after(const std::string& value, const std::string& name = "Retry-After") {
    Response response;
    response.status = 429;
    response.headers = {{"Content-Type", "application/json"}, {name, value}};
    return response;
}

std::string http_date(std::time_t when, const char* format = "%a, %d %b %Y %H:%M:%S GMT") {
    std::tm utc{};
    gmtime_r(&when, &utc);
    char text[64];
    std::strftime(text, sizeof text, format, &utc);
    return text;
}

TEST(RetryAfter, ReadsDelaySeconds) {
    EXPECT_EQ(retry_after_seconds(with_retry_after("120")), 120.0);
    EXPECT_EQ(retry_after_seconds(with_retry_after("0")), 0.0);
    EXPECT_EQ(retry_after_seconds(with_retry_after(" 30 ")), 30.0);
    EXPECT_EQ(retry_after_seconds(with_retry_after("1.5")), 1.5);
}

TEST(RetryAfter, HeaderNameIsCaseInsensitive) {
    EXPECT_EQ(retry_after_seconds(with_retry_after("5", "retry-after")), 5.0);
    EXPECT_EQ(retry_after_seconds(with_retry_after("5", "RETRY-AFTER")), 5.0);
}

TEST(RetryAfter, ReadsAnHttpDateRelativeToNow) {
    const std::time_t now = std::time(nullptr);
    const std::optional<double> seconds = retry_after_seconds(with_retry_after(http_date(now + 90)));
    ASSERT_TRUE(seconds.has_value());
    EXPECT_NEAR(*seconds, 90.0, 2.0);
}

TEST(RetryAfter, ReadsTheObsoleteDateForms) {
    const std::time_t now = std::time(nullptr);
    const auto rfc850 = retry_after_seconds(with_retry_after(http_date(now + 60, "%A, %d-%b-%y %H:%M:%S GMT")));
    const auto asctime = retry_after_seconds(with_retry_after(http_date(now + 60, "%a %b %e %H:%M:%S %Y")));
    ASSERT_TRUE(rfc850.has_value());
    ASSERT_TRUE(asctime.has_value());
    EXPECT_NEAR(*rfc850, 60.0, 2.0);
    EXPECT_NEAR(*asctime, 60.0, 2.0);
}

TEST(RetryAfter, DateInThePastMeansNowNeverNegative) {
    EXPECT_EQ(retry_after_seconds(with_retry_after("Sun, 06 Nov 1994 08:49:37 GMT")), 0.0);
}

TEST(RetryAfter, AbsentOrUnreadableIsNullopt) {
    Response none;
    EXPECT_EQ(retry_after_seconds(none), std::nullopt);
    for (const char* value : {"", "   ", "-5", "soon", "5 minutes", "1e3", "12abc", "Funday, 99 Nov 1994"})
        EXPECT_EQ(retry_after_seconds(with_retry_after(value)), std::nullopt) << '"' << value << '"';
}

TEST(ToToolError, TransientFailuresAreRetryable) {
    for (const TransportErrorKind kind : {TransportErrorKind::connect_failed, TransportErrorKind::dns, TransportErrorKind::timeout,
                                          TransportErrorKind::truncated, TransportErrorKind::other}) {
        const ToolError error = to_tool_error({kind, "the message"});
        EXPECT_EQ(error.kind, ErrorKind::retryable) << to_string(kind);
        EXPECT_EQ(error.message, "the message");
        EXPECT_EQ(error.retry_after_s, std::nullopt);
    }
}

TEST(ToToolError, PermanentFailuresAreNot) {
    EXPECT_EQ(to_tool_error({TransportErrorKind::tls, "m"}).kind, ErrorKind::fatal);
    EXPECT_EQ(to_tool_error({TransportErrorKind::aborted, "m"}).kind, ErrorKind::fatal);
    EXPECT_EQ(to_tool_error({TransportErrorKind::too_large, "m"}).kind, ErrorKind::bad_input);
}

TEST(TransportErrorKindNames, EveryKindHasItsName) {
    EXPECT_EQ(to_string(TransportErrorKind::connect_failed), "connect_failed");
    EXPECT_EQ(to_string(TransportErrorKind::dns), "dns");
    EXPECT_EQ(to_string(TransportErrorKind::timeout), "timeout");
    EXPECT_EQ(to_string(TransportErrorKind::tls), "tls");
    EXPECT_EQ(to_string(TransportErrorKind::too_large), "too_large");
    EXPECT_EQ(to_string(TransportErrorKind::truncated), "truncated");
    EXPECT_EQ(to_string(TransportErrorKind::aborted), "aborted");
    EXPECT_EQ(to_string(TransportErrorKind::other), "other");
}

}  // namespace
}  // namespace evalpanel::http
