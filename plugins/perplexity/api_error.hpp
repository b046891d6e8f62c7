// A non-2xx answer from Perplexity (or the proxies in front of it) as a ToolError (API-NOTES A7, C1,
// C13). Classified by status first: the 401 and the edge proxy's 5xx are HTML pages, not JSON.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <evalpanel/http.hpp>
#include <evalpanel/tool.hpp>

namespace evalpanel::plugins::perplexity {

// What the exchange was, for messages: "POST /chat/completions", "poll of job 1234".
struct ExchangeContext {
    std::string what;
    bool polling = false;  // a GET of an async job: a 404 there means the job is gone (resubmit)
};

// 401/403 fatal (check PPLX_API_KEY); 429 rate_limited with Retry-After; 408/409/5xx retryable;
// 400/422 bad_input with the API's own message (invalid_model is fatal: every case would fail);
// 404 fatal (base_url points at no such endpoint) unless polling; other 4xx bad_input.
ToolError classify_http_error(const http::Response& response, const ExchangeContext& context);

// The API's error message from {"error": {"message", "type"}}, or from FastAPI's {"detail": ...};
// nullopt when the body is not such JSON. Long messages are cut to 300 bytes.
std::optional<std::string> api_error_message(std::string_view body);

// Replaces every occurrence of the key with "<redacted>": the last guard before a message leaves.
std::string redact(std::string text, std::string_view secret);

}  // namespace evalpanel::plugins::perplexity
