// HTTP for plugins: one small libcurl client, so no plugin writes its own. Timeouts, TLS (the system's
// CA store), proxies from the environment (http_proxy, https_proxy, no_proxy — libcurl's own rules),
// connection reuse across calls of one client, and a cap on the response size.
//
// A client is not thread-safe: a Tool owns one and the host never calls a Tool from two threads.
// Transport failures are values, like everything else that crosses the plugin boundary.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <evalpanel/tool.hpp>

namespace evalpanel::http {

struct Header {
    std::string name;
    std::string value;
};

struct Request {
    std::string method = "GET";            // GET, POST, ...
    std::string url;
    std::vector<Header> headers;
    std::string body;
    double timeout_s = 60;                 // whole transfer
    double connect_timeout_s = 10;
    std::size_t max_response_bytes = 64u << 20;  // a larger body is a too_large error, not an allocation
};

struct Response {
    long status = 0;
    std::vector<Header> headers;           // as received; names compared case-insensitively by header()
    std::string body;
    double elapsed_ms = 0;

    std::optional<std::string> header(std::string_view name) const;
};

enum class TransportErrorKind {
    connect_failed,   // refused, unreachable: the server is not running
    dns,              // the host name does not resolve
    timeout,          // connect or transfer took longer than allowed
    tls,              // certificate or handshake failure
    too_large,        // the response exceeded max_response_bytes
    truncated,        // the connection closed before the body was complete (shorter than Content-Length)
    aborted,          // the streaming callback asked to stop
    other,
};
std::string_view to_string(TransportErrorKind kind);

struct TransportError {
    TransportErrorKind kind = TransportErrorKind::other;
    std::string message;                   // one sentence, naming the URL (never its credentials)
};

using Result = std::variant<Response, TransportError>;

class Client {
public:
    Client();
    ~Client();
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;
    Client(Client&&) noexcept;
    Client& operator=(Client&&) noexcept;

    Result send(const Request& request);

    // The same, handing the body to `on_data` as it arrives (server-sent events, long reports); the
    // Response's body stays empty. Return false from on_data to stop (an `aborted` error).
    Result send_streaming(const Request& request, const std::function<bool(std::string_view)>& on_data);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The SDK's default reading of a transport failure: a server that is down, slow or cut off may come
// back (retryable); a TLS failure or an oversized answer will not (fatal / bad_input).
ToolError to_tool_error(const TransportError& error);

// Retry-After as seconds: a number of seconds, or an HTTP-date (relative to now). nullopt when absent or
// unreadable.
std::optional<double> retry_after_seconds(const Response& response);

// Server-sent events, fed in arbitrary chunks: calls on_event(event, data) for each complete event
// (data lines joined with '\n'; comment lines ignored), per the WHATWG event-stream rules.
class SseParser {
public:
    void feed(std::string_view chunk, const std::function<void(const std::string& event, const std::string& data)>& on_event);
    // Delivers an event left without its terminating blank line when the stream ended.
    void finish(const std::function<void(const std::string& event, const std::string& data)>& on_event);

private:
    std::string buffer_;
    std::string event_;
    std::string data_;
    bool has_data_ = false;
};

}  // namespace evalpanel::http
