#include "api_error.hpp"

#include <nlohmann/json.hpp>

namespace evalpanel::plugins::perplexity {
namespace {

constexpr std::size_t kMaxMessageBytes = 300;

bool looks_like_html(std::string_view body) {
    const std::size_t start = body.find_first_not_of(" \t\r\n");
    return start != std::string_view::npos && body[start] == '<';
}

std::string cut(std::string text) {
    if (text.size() > kMaxMessageBytes) text = text.substr(0, kMaxMessageBytes) + "...";
    return text;
}

std::string error_type(std::string_view body) {
    const nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
    if (parsed.is_object() && parsed.contains("error") && parsed["error"].is_object()) {
        const nlohmann::json& type = parsed["error"].value("type", nlohmann::json());
        if (type.is_string()) return type.get<std::string>();
    }
    return "";
}

// "HTTP 502 (an HTML page from a proxy)" or "HTTP 400: <the API's message>".
std::string describe(const http::Response& response) {
    const std::string status = "HTTP " + std::to_string(response.status);
    if (auto message = api_error_message(response.body)) return status + ": " + *message;
    if (looks_like_html(response.body)) return status + ", an HTML page (from a proxy in front of the API)";
    if (response.body.empty()) return status + " with an empty body";
    return status;
}

}  // namespace

std::optional<std::string> api_error_message(std::string_view body) {
    const nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
    if (!parsed.is_object()) return std::nullopt;
    if (parsed.contains("error")) {
        const nlohmann::json& error = parsed["error"];
        if (error.is_string()) return cut(error.get<std::string>());
        if (error.is_object() && error.contains("message")) {
            const nlohmann::json& message = error["message"];
            return cut(message.is_string() ? message.get<std::string>() : message.dump());
        }
    }
    if (parsed.contains("detail")) {
        const nlohmann::json& detail = parsed["detail"];
        return cut(detail.is_string() ? detail.get<std::string>() : detail.dump());
    }
    return std::nullopt;
}

ToolError classify_http_error(const http::Response& response, const ExchangeContext& context) {
    const long status = response.status;
    const std::string where = context.what + " answered ";
    if (status == 401 || status == 403)
        return {ErrorKind::fatal,
                "perplexity authentication failed (HTTP " + std::to_string(status) + "): check PPLX_API_KEY",
                std::nullopt};
    if (status == 429) {
        ToolError error{ErrorKind::rate_limited, where + "HTTP 429 Too Many Requests", http::retry_after_seconds(response)};
        if (error.retry_after_s) error.message += " (Retry-After " + std::to_string(static_cast<long>(*error.retry_after_s)) + " s)";
        return error;
    }
    // The official SDK retries 408 and 409 too (API-NOTES A7); 5xx from the API or its edge proxy may pass.
    if (status == 408 || status == 409 || status >= 500)
        return {ErrorKind::retryable, where + describe(response), std::nullopt};
    if (status == 404) {
        if (context.polling)
            return {ErrorKind::retryable,
                    where + describe(response) + ": the job is unknown or expired; submitting again with the same idempotency key",
                    std::nullopt};
        return {ErrorKind::fatal, where + describe(response) + ": check base_url", std::nullopt};
    }
    if (status == 400 && error_type(response.body) == "invalid_model")
        return {ErrorKind::fatal, where + describe(response), std::nullopt};
    return {ErrorKind::bad_input, where + describe(response), std::nullopt};
}

std::string redact(std::string text, std::string_view secret) {
    if (secret.empty()) return text;
    constexpr std::string_view kMark = "<redacted>";
    for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + kMark.size()))
        text.replace(at, secret.size(), kMark);
    return text;
}

}  // namespace evalpanel::plugins::perplexity
