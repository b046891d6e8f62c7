// A failed exchange with an OpenAI-compatible server, turned into the SDK's error kinds with one sentence
// that says what to do. The common real failures of llama-server are named plainly (API-NOTES B5, C8):
// a 500 that means "no vision projector" is permanent, not transient.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <evalpanel/http.hpp>
#include <evalpanel/tool.hpp>

namespace evalpanel::plugins::openai_vision {

// What an error body says, whichever server wrote it: llama-server / OpenAI {"error": {...}}, older vLLM
// {"object": "error", "message": ...}, or a page that is not JSON at all (a proxy's HTML).
struct ServerError {
    long status = 0;
    std::string message;   // the server's words, whitespace collapsed and shortened; may be empty
    std::string type;      // e.g. exceed_context_size_error
    std::optional<long long> n_prompt_tokens;  // llama-server, context overflow
    std::optional<long long> n_ctx;
};

ServerError read_server_error(long status, std::string_view body);

// Reads an error object ({"code", "message", "type", ...}) found inside a stream or a body.
ServerError read_error_object(long status, const nlohmann::json& error);

// `where` names the server for messages (display_url(base_url)).
ToolError classify_server_error(const ServerError& error, std::optional<double> retry_after_s,
                                std::string_view where);

// Connection refused, timeouts, ...: `timeout_s` is the request_timeout_s in force.
ToolError classify_transport_error(const http::TransportError& error, std::string_view where, double timeout_s);

// The URL without user:password@, for messages.
std::string display_url(std::string_view url);

}  // namespace evalpanel::plugins::openai_vision
