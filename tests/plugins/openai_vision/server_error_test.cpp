#include "server_error.hpp"

#include <gtest/gtest.h>

namespace evalpanel::plugins::openai_vision {
namespace {

constexpr const char* kWhere = "http://127.0.0.1:8080/v1";

ToolError classify(long status, const std::string& body, std::optional<double> retry_after = std::nullopt) {
    return classify_server_error(read_server_error(status, body), retry_after, kWhere);
}

TEST(ServerError, ModelWithoutVisionIsFatalDespiteThe500) {
    const ToolError e = classify(500, R"({"error":{"code":500,"message":"image input is not supported - hint: if this is unexpected, you may need to provide the mmproj","type":"server_error"}})");
    EXPECT_EQ(e.kind, ErrorKind::fatal);
    EXPECT_EQ(e.message.rfind("the model has no vision projector: start llama-server with --mmproj", 0), 0u) << e.message;
}

TEST(ServerError, UndecodableImageIsBadInput) {
    const ToolError e = classify(400, R"({"error":{"code":400,"message":"Failed to load image or audio file","type":"invalid_request_error"}})");
    EXPECT_EQ(e.kind, ErrorKind::bad_input);
    EXPECT_EQ(e.message.rfind("the server could not decode the image (WebP is not supported; evalpanel sends PNG/JPEG)", 0), 0u)
        << e.message;
}

TEST(ServerError, ContextOverflowNamesBothSizes) {
    const ToolError e = classify(400, R"({"error":{"code":400,"message":"request (9000 tokens) exceeds the available context size (8192 tokens), try increasing it","type":"exceed_context_size_error","n_prompt_tokens":9000,"n_ctx":8192}})");
    EXPECT_EQ(e.kind, ErrorKind::bad_input);
    EXPECT_EQ(e.message, "image + prompt need 9000 tokens, the context holds 8192: raise --ctx-size or lower max_side");
}

TEST(ServerError, ContextOverflowFromTheSentenceAlone) {
    EXPECT_EQ(classify(400, R"({"error":{"message":"request (5000 tokens) exceeds the available context size (4096 tokens), try increasing it"}})").message,
              "image + prompt need 5000 tokens, the context holds 4096: raise --ctx-size or lower max_side");
    // vLLM's wording, older error envelope
    EXPECT_EQ(classify(400, R"({"object":"error","message":"This model's maximum context length is 8192 tokens. However, you requested 9100 tokens (9000 in the messages, 100 in the completion).","type":"BadRequestError","param":null,"code":400})").message,
              "image + prompt need 9100 tokens, the context holds 8192: raise --ctx-size or lower max_side");
    const ToolError older = classify(400, R"({"error":{"message":"the request exceeds the available context size, try increasing it","type":"exceed_context_size_error"}})");
    EXPECT_EQ(older.kind, ErrorKind::bad_input);
    EXPECT_NE(older.message.find("raise --ctx-size or lower max_side"), std::string::npos);
}

TEST(ServerError, UnauthorizedIsFatalAndSaysCheckApiKey) {
    const ToolError e = classify(401, R"({"error":{"code":401,"message":"Invalid API Key","type":"authentication_error"}})");
    EXPECT_EQ(e.kind, ErrorKind::fatal);
    EXPECT_EQ(e.message, "the server at http://127.0.0.1:8080/v1 refused the request (401 Invalid API Key): check api_key");
}

TEST(ServerError, RateLimitCarriesRetryAfter) {
    const ToolError e = classify(429, "Too Many Requests", 7.0);
    EXPECT_EQ(e.kind, ErrorKind::rate_limited);
    EXPECT_EQ(e.retry_after_s, 7.0);
}

TEST(ServerError, LoadingModelIsRetryable) {
    const ToolError e = classify(503, R"({"error":{"code":503,"message":"Loading model","type":"unavailable_error"}})");
    EXPECT_EQ(e.kind, ErrorKind::retryable);
    EXPECT_EQ(e.message.rfind("the server is still loading the model", 0), 0u);
}

TEST(ServerError, OtherServerErrorsAreRetryableAndQuoteAProxyPageShortly) {
    const std::string page = "<html><head><title>502 Bad Gateway</title></head><body>" + std::string(2000, 'x') + "</body></html>";
    const ToolError e = classify(502, page);
    EXPECT_EQ(e.kind, ErrorKind::retryable);
    EXPECT_NE(e.message.find("502 <html><head><title>502 Bad Gateway"), std::string::npos);
    EXPECT_LT(e.message.size(), 420u);
}

TEST(ServerError, MalformedDataUriIsFatal) {  // every case would get the same answer
    EXPECT_EQ(classify(500, R"({"error":{"code":500,"message":"Invalid image_url.url format: data:text/plain","type":"server_error"}})").kind,
              ErrorKind::fatal);
}

TEST(ServerError, NotFoundPointsAtBaseUrlAndModel) {
    const ToolError e = classify(404, R"({"error":{"message":"The model `smol` does not exist.","type":"NotFoundError","code":404}})");
    EXPECT_EQ(e.kind, ErrorKind::fatal);
    EXPECT_NE(e.message.find("check base_url"), std::string::npos);
    EXPECT_NE(e.message.find("The model `smol` does not exist."), std::string::npos);
}

TEST(ServerError, OtherBadRequestsAreBadInputOfThisCase) {
    const ToolError e = classify(400, R"({"error":{"message":"something odd","type":"invalid_request_error"}})");
    EXPECT_EQ(e.kind, ErrorKind::bad_input);
    EXPECT_NE(e.message.find("(400 something odd)"), std::string::npos);
}

TEST(TransportError, ConnectionRefusedSaysStartTheServer) {
    const ToolError e = classify_transport_error({http::TransportErrorKind::connect_failed, "refused"}, kWhere, 30);
    EXPECT_EQ(e.kind, ErrorKind::retryable);
    EXPECT_EQ(e.message, "no server at http://127.0.0.1:8080/v1 (connection refused): start llama-server, see plugins/openai_vision/README.md");
}

TEST(TransportError, TimeoutNamesTheLimit) {
    const ToolError e = classify_transport_error({http::TransportErrorKind::timeout, "slow"}, kWhere, 0.5);
    EXPECT_EQ(e.kind, ErrorKind::retryable);
    EXPECT_NE(e.message.find("within 0.5 s (request_timeout_s)"), std::string::npos) << e.message;
}

TEST(DisplayUrl, DropsCredentials) {
    EXPECT_EQ(display_url("http://user:pw@host:8080/v1"), "http://host:8080/v1");
    EXPECT_EQ(display_url("http://127.0.0.1:8080/v1"), "http://127.0.0.1:8080/v1");
    EXPECT_EQ(display_url("https://host/v1/a@b"), "https://host/v1/a@b");
}

}  // namespace
}  // namespace evalpanel::plugins::openai_vision
