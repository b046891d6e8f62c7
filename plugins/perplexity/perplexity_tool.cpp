#include "perplexity_tool.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include "api_error.hpp"
#include "async_job.hpp"
#include "chat_request.hpp"
#include "chat_response.hpp"
#include "perplexity_pricing.hpp"
#include "stream_assembler.hpp"

namespace evalpanel::plugins::perplexity {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr const char* kSyncPath = "/chat/completions";
constexpr const char* kAsyncPath = "/async/chat/completions";
// Polls start at poll_interval_s and grow by half each time, to at most this many times it: a job of
// minutes is polled a dozen times, not hundreds, and its finish is seen within a few intervals.
constexpr double kMaxPollGrowth = 4;
// A stream answered with plain JSON (a gateway that ignores `stream`) is kept up to this size.
constexpr std::size_t kMaxCapturedStreamBytes = 8u << 20;

bool is_success(long status) { return status >= 200 && status < 300; }

std::string content_type(const http::Response& response) {
    std::string type = response.header("Content-Type").value_or("");
    std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return type;
}

// Every message and raw payload passes here before it leaves the plugin.
Outcome redacted(Outcome outcome, const std::string& key) {
    if (auto* error = std::get_if<ToolError>(&outcome)) error->message = redact(error->message, key);
    return outcome;
}

Outcome to_outcome(std::variant<Response, ToolError> parsed) {
    if (auto* error = std::get_if<ToolError>(&parsed)) return *error;
    return std::get<Response>(std::move(parsed));
}

}  // namespace

PerplexityTool::PerplexityTool(EnvLookup env) : env_(std::move(env)) {}

ToolInfo PerplexityTool::describe() const {
    ToolInfo info;
    info.name = kPluginName;
    info.version = kPluginVersion;
    info.kind = ToolKind::remote;
    info.tasks = {Task::research};
    info.pricing = pricing_for(options_.model, options_.depth);
    info.description = "Perplexity Sonar API, model " + options_.model + " (" + std::string(to_string(options_.mode)) +
                       "); list prices from " + std::string(kPricingAsOf);
    return info;
}

std::optional<ToolError> PerplexityTool::configure(const json& options) {
    auto parsed = parse_options(options, env_);
    if (auto* error = std::get_if<ToolError>(&parsed)) return *error;
    options_ = std::get<PerplexityOptions>(std::move(parsed));
    configured_ = true;
    return std::nullopt;
}

Outcome PerplexityTool::call(const Request& request) {
    if (!configured_) return ToolError{ErrorKind::fatal, "perplexity was called before configure()", std::nullopt};
    auto body = build_chat_body(options_, request, options_.mode == Mode::stream);
    if (auto* error = std::get_if<ToolError>(&body)) return *error;
    json& chat = std::get<json>(body);
    Outcome outcome;
    switch (options_.mode) {
        case Mode::sync: outcome = call_sync(chat); break;
        case Mode::async: outcome = call_async(chat, idempotency_key(options_, request)); break;
        case Mode::stream: outcome = call_stream(chat); break;
    }
    if (auto* response = std::get_if<Response>(&outcome)) response->raw["mode"] = to_string(options_.mode);
    return redacted(std::move(outcome), options_.api_key);
}

http::Request PerplexityTool::make_request(const std::string& method, const std::string& path, std::string body,
                                           bool event_stream) const {
    http::Request r;
    r.method = method;
    r.url = options_.base_url + path;
    r.headers = {{"Authorization", "Bearer " + options_.api_key},
                 {"Accept", event_stream ? "text/event-stream" : "application/json"},
                 {"User-Agent", std::string("evalpanel-perplexity/") + kPluginVersion}};
    if (!body.empty()) r.headers.push_back({"Content-Type", "application/json"});
    r.body = std::move(body);
    r.timeout_s = options_.request_timeout_s;
    r.connect_timeout_s = std::min(10.0, options_.request_timeout_s);
    return r;
}

ToolError PerplexityTool::transport_failure(const http::TransportError& error) const {
    if (error.kind == http::TransportErrorKind::timeout && options_.deep_research() && options_.mode != Mode::async)
        return {ErrorKind::bad_input,
                error.message + "; not retried: a deep-research call that timed out may still be billed, and a retry "
                                "pays again (raise request_timeout_s, or use mode: async)",
                std::nullopt};
    return http::to_tool_error(error);
}

Outcome PerplexityTool::call_sync(const json& body) {
    const http::Result result = client_.send(make_request("POST", kSyncPath, body.dump()));
    if (auto* error = std::get_if<http::TransportError>(&result)) return transport_failure(*error);
    const http::Response& response = std::get<http::Response>(result);
    const std::string what = std::string("POST ") + kSyncPath;
    if (!is_success(response.status)) return classify_http_error(response, {what, false});
    return to_outcome(parse_completion_body(response.body, what));
}

Outcome PerplexityTool::call_async(const json& body, const std::string& key) {
    const Clock::time_point start = Clock::now();
    const std::string submit = std::string("POST ") + kAsyncPath;
    const http::Result created = client_.send(make_request("POST", kAsyncPath, async_create_body(body, key).dump()));
    if (auto* error = std::get_if<http::TransportError>(&created)) return http::to_tool_error(*error);
    const http::Response& first = std::get<http::Response>(created);
    // A replayed idempotency key returns the existing job with an undocumented 2xx (API-NOTES C11).
    if (!is_success(first.status)) return classify_http_error(first, {submit, false});
    auto job = read_job(first.body, submit);

    int polls = 0;
    double interval = options_.poll_interval_s;
    while (true) {
        if (auto* error = std::get_if<ToolError>(&job)) return *error;
        const Job& current = std::get<Job>(job);
        const std::string what = "async job " + current.id;
        if (current.status == "COMPLETED") {
            if (!current.response.is_object())
                return ToolError{ErrorKind::bad_input, what + " is COMPLETED but has no `response` object", std::nullopt};
            auto parsed = parse_completion(current.response, what);
            if (auto* response = std::get_if<Response>(&parsed))
                response->raw["job"] = {{"id", current.id}, {"polls", polls}, {"idempotency_key", key}};
            return to_outcome(std::move(parsed));
        }
        if (current.status == "FAILED")
            // Submitting again with the same idempotency key returns this same failed job: not retryable.
            return ToolError{ErrorKind::bad_input,
                             what + " FAILED: " + (current.error_message.empty() ? "(no error_message)" : current.error_message),
                             std::nullopt};
        // CREATED, IN_PROGRESS, or a status this plugin does not know yet: still running.
        const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        if (elapsed + interval > options_.async_deadline_s)
            return ToolError{ErrorKind::retryable,
                             what + " still " + current.status + " after " + std::to_string(static_cast<long>(elapsed)) +
                                 " s (async_deadline_s " + std::to_string(static_cast<long>(options_.async_deadline_s)) +
                                 "); a retry resumes the same job (same idempotency key)",
                             std::nullopt};
        std::this_thread::sleep_for(std::chrono::duration<double>(interval));
        interval = std::min(interval * 1.5, options_.poll_interval_s * kMaxPollGrowth);
        ++polls;
        const std::string path = std::string(kAsyncPath) + "/" + current.id;
        const std::string poll = "GET " + path;
        const http::Result got = client_.send(make_request("GET", path, ""));
        if (auto* error = std::get_if<http::TransportError>(&got)) return http::to_tool_error(*error);
        const http::Response& response = std::get<http::Response>(got);
        if (!is_success(response.status)) return classify_http_error(response, {poll, true});
        job = read_job(response.body, poll);
    }
}

Outcome PerplexityTool::call_stream(const json& body) {
    http::SseParser parser;
    StreamAssembler assembler;
    std::string captured;  // the body's first bytes: an error page, or JSON from a server that ignored `stream`
    bool capture_overflow = false;
    const auto on_event = [&](const std::string& event, const std::string& data) { assembler.on_event(event, data); };
    const http::Result result =
        client_.send_streaming(make_request("POST", kSyncPath, body.dump(), true), [&](std::string_view data) {
            if (captured.size() + data.size() <= kMaxCapturedStreamBytes) captured.append(data);
            else capture_overflow = true;
            parser.feed(data, on_event);
            return !assembler.finished() && !assembler.error();
        });
    const std::string what = std::string("POST ") + kSyncPath + " (stream)";
    if (auto* error = std::get_if<http::TransportError>(&result)) {
        const bool stopped_on_purpose = error->kind == http::TransportErrorKind::aborted;
        if (!stopped_on_purpose) return transport_failure(*error);
        if (assembler.error()) return *assembler.error();
    } else {
        http::Response response = std::get<http::Response>(result);
        response.body = captured;
        if (!is_success(response.status)) return classify_http_error(response, {what, false});
        if (content_type(response).find("text/event-stream") == std::string::npos && assembler.chunks() == 0) {
            if (capture_overflow)
                return ToolError{ErrorKind::bad_input, what + " answered a non-stream body larger than 8 MiB", std::nullopt};
            return to_outcome(parse_completion_body(captured, what));
        }
        parser.finish(on_event);
        if (assembler.error()) return *assembler.error();
    }
    if (assembler.chunks() == 0)
        return ToolError{ErrorKind::retryable, what + " ended without a single chat chunk", std::nullopt};
    auto parsed = parse_completion(assembler.completion(), what);
    if (auto* response = std::get_if<Response>(&parsed)) {
        response->raw["stream"] = {{"chunks", assembler.chunks()},
                                   {"done_marker", assembler.saw_done_marker()},
                                   {"terminal", assembler.finished()}};
    }
    return to_outcome(std::move(parsed));
}

}  // namespace evalpanel::plugins::perplexity
