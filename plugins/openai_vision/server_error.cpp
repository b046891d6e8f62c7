#include "server_error.hpp"

#include <cctype>
#include <regex>
#include <sstream>

namespace evalpanel::plugins::openai_vision {
namespace {

constexpr std::size_t kMaxQuoted = 300;  // enough for any real server message; a whole HTML page is not

ToolError make(ErrorKind kind, std::string message, std::optional<double> retry_after_s = std::nullopt) {
    return ToolError{kind, std::move(message), retry_after_s};
}

std::string collapse(std::string_view text) {
    std::string out;
    bool space = false;
    for (const char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
        if (out.size() >= kMaxQuoted) {
            out += "...";
            break;
        }
    }
    return out;
}

std::optional<long long> integer_field(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    if (found == object.end() || !found->is_number_integer()) return std::nullopt;
    return found->get<long long>();
}

std::string string_field(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// "(401 Invalid API Key)" or "(HTTP 401)".
std::string quoted(const ServerError& error) {
    return "(" + std::to_string(error.status) + (error.message.empty() ? "" : " " + error.message) + ")";
}

bool is_context_overflow(const ServerError& error) {
    return error.type == "exceed_context_size_error" || contains(error.message, "exceeds the available context size") ||
           contains(error.message, "maximum context length");
}

// llama-server puts the numbers in the error object; older builds and vLLM only in the sentence.
ToolError context_overflow(const ServerError& error) {
    std::optional<long long> need = error.n_prompt_tokens;
    std::optional<long long> hold = error.n_ctx;
    std::smatch match;
    const std::string& text = error.message;
    if ((!need || !hold) &&
        std::regex_search(text, match, std::regex(R"(request \((\d+) tokens\) exceeds the available context size \((\d+) tokens\))"))) {
        need = std::stoll(match[1]);
        hold = std::stoll(match[2]);
    } else if ((!need || !hold) &&
               std::regex_search(text, match, std::regex(R"(maximum context length is (\d+) tokens.*requested (\d+) tokens)"))) {
        hold = std::stoll(match[1]);
        need = std::stoll(match[2]);
    }
    if (need && hold)
        return make(ErrorKind::bad_input, "image + prompt need " + std::to_string(*need) + " tokens, the context holds " +
                                              std::to_string(*hold) + ": raise --ctx-size or lower max_side");
    return make(ErrorKind::bad_input,
                "image + prompt need more tokens than the context holds " + quoted(error) +
                    ": raise --ctx-size or lower max_side");
}

ToolError client_error(const ServerError& error, std::string_view where) {
    const std::string at = std::string(where);
    switch (error.status) {
        case 401:
            return make(ErrorKind::fatal, "the server at " + at + " refused the request " + quoted(error) + ": check api_key");
        case 403:
            return make(ErrorKind::fatal, "the server at " + at + " denied access " + quoted(error) + ": check api_key");
        case 404:
            return make(ErrorKind::fatal, at + "/chat/completions was not found " + quoted(error) +
                                              ": check base_url (the API root, e.g. http://127.0.0.1:8080/v1) and model");
        case 408:
            return make(ErrorKind::retryable, "the server at " + at + " timed out reading the request " + quoted(error));
        case 413:
            return make(ErrorKind::bad_input, "the request is too large for the server " + quoted(error) +
                                                  ": lower max_side or use image_format: jpeg");
        default:
            break;
    }
    if (is_context_overflow(error)) return context_overflow(error);
    if (contains(error.message, "Failed to load image"))
        return make(ErrorKind::bad_input,
                    "the server could not decode the image (WebP is not supported; evalpanel sends PNG/JPEG) " + quoted(error));
    if (error.status == 400 || error.status == 422)
        return make(ErrorKind::bad_input, "the server refused this case " + quoted(error));
    return make(ErrorKind::fatal, "the server at " + at + " refused the request " + quoted(error));
}

ToolError server_failure(const ServerError& error, std::string_view where) {
    const std::string at = std::string(where);
    if (error.status == 503 && contains(error.message, "Loading model"))
        return make(ErrorKind::retryable, "the server is still loading the model " + quoted(error));
    // Thrown by llama-server while it parses the request: every case would get the same answer.
    if (contains(error.message, "Invalid image_url") || contains(error.message, "must be base64 encoded"))
        return make(ErrorKind::fatal, "the server at " + at + " rejected the image data URI " + quoted(error));
    return make(ErrorKind::retryable, "server error at " + at + " " + quoted(error));
}

}  // namespace

ServerError read_error_object(long status, const nlohmann::json& error) {
    ServerError out;
    out.status = status;
    if (error.is_string()) {
        out.message = collapse(error.get<std::string>());
        return out;
    }
    if (!error.is_object()) return out;
    out.message = collapse(string_field(error, "message"));
    out.type = string_field(error, "type");
    out.n_prompt_tokens = integer_field(error, "n_prompt_tokens");
    out.n_ctx = integer_field(error, "n_ctx");
    if (out.status == 0) out.status = static_cast<long>(integer_field(error, "code").value_or(0));
    return out;
}

ServerError read_server_error(long status, std::string_view body) {
    const nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
    if (parsed.is_object() && parsed.contains("error")) return read_error_object(status, parsed["error"]);
    if (parsed.is_object() && parsed.contains("message")) return read_error_object(status, parsed);  // older vLLM
    if (parsed.is_object() && parsed.contains("detail")) {  // FastAPI-style servers
        ServerError out{status, collapse(parsed["detail"].dump()), "", std::nullopt, std::nullopt};
        if (parsed["detail"].is_string()) out.message = collapse(parsed["detail"].get<std::string>());
        return out;
    }
    return ServerError{status, collapse(body), "", std::nullopt, std::nullopt};
}

ToolError classify_server_error(const ServerError& error, std::optional<double> retry_after_s, std::string_view where) {
    // A model without a projector answers 500, which looks transient and never is (API-NOTES C8).
    if (contains(error.message, "image input is not supported"))
        return make(ErrorKind::fatal, "the model has no vision projector: start llama-server with --mmproj " + quoted(error));
    if (error.status == 429)
        return make(ErrorKind::rate_limited, "the server at " + std::string(where) + " is rate limiting " + quoted(error),
                    retry_after_s);
    if (error.status >= 500) return server_failure(error, where);
    return client_error(error, where);
}

ToolError classify_transport_error(const http::TransportError& error, std::string_view where, double timeout_s) {
    const std::string at = std::string(where);
    switch (error.kind) {
        case http::TransportErrorKind::connect_failed:
            return make(ErrorKind::retryable, "no server at " + at +
                                                  " (connection refused): start llama-server, see plugins/openai_vision/README.md");
        case http::TransportErrorKind::timeout: {
            std::ostringstream seconds;
            seconds << timeout_s;
            return make(ErrorKind::retryable, "no answer from " + at + " within " + seconds.str() +
                                                  " s (request_timeout_s): raise it, or lower max_side or max_tokens");
        }
        default: {
            ToolError mapped = http::to_tool_error(error);
            mapped.message = "request to " + at + " failed: " + mapped.message;
            return mapped;
        }
    }
}

std::string display_url(std::string_view url) {
    const std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return std::string(url);
    const std::size_t host_start = scheme + 3;
    const std::size_t path_start = url.find('/', host_start);
    const std::size_t at = url.substr(0, path_start).rfind('@');
    if (at == std::string_view::npos || at < host_start) return std::string(url);
    return std::string(url.substr(0, host_start)) + std::string(url.substr(at + 1));
}

}  // namespace evalpanel::plugins::openai_vision
