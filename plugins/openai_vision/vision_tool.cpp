#include "vision_tool.hpp"

#include <algorithm>
#include <exception>
#include <string>

#include "chat_request.hpp"
#include "chat_response.hpp"
#include "image_payload.hpp"
#include "server_error.hpp"

namespace evalpanel::plugins::openai_vision {
namespace {

constexpr const char* kName = "openai_vision";
constexpr const char* kVersion = "0.1.0";
constexpr double kConnectTimeoutS = 10;
// What a streamed body may be kept for an error message or a server that ignored "stream": true.
constexpr std::size_t kMaxKeptStreamBytes = 8u << 20;

ToolError error(ErrorKind kind, std::string message) { return ToolError{kind, std::move(message), std::nullopt}; }

bool ok_status(long status) { return status >= 200 && status < 300; }

std::string host_of(const std::string& url) {
    std::size_t start = url.find("://");
    start = start == std::string::npos ? 0 : start + 3;
    std::string authority = url.substr(start, url.find_first_of("/?#", start) - start);
    if (const std::size_t at = authority.rfind('@'); at != std::string::npos) authority.erase(0, at + 1);
    if (!authority.empty() && authority.front() == '[') return authority.substr(1, authority.find(']') - 1);
    return authority.substr(0, authority.find(':'));
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

}  // namespace

ToolKind kind_of(const std::string& base_url) {
    const std::string host = lower(host_of(base_url));
    const bool loopback = host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
    return loopback ? ToolKind::local : ToolKind::remote;
}

VisionTool::VisionTool() = default;
VisionTool::~VisionTool() = default;

ToolInfo VisionTool::describe() const {
    ToolInfo info;
    info.name = kName;
    info.version = kVersion;
    info.kind = ready_ ? kind_of(options_.base_url) : ToolKind::local;
    info.tasks = {Task::ocr, Task::vqa};
    info.pricing = Pricing{};  // free: a local server; tools.yaml `pricing` prices a hosted one
    info.description =
        "a vision-language model behind an OpenAI-compatible chat server (llama-server, vLLM, Ollama, hosted APIs)";
    return info;
}

std::optional<ToolError> VisionTool::configure(const nlohmann::json& options) {
    if (ready_)
        return error(ErrorKind::fatal, "openai_vision: configure() called twice; create a new instance to change options");
    try {
        auto parsed = parse_options(options);
        if (auto* problem = std::get_if<ToolError>(&parsed)) return *problem;
        options_ = std::get<VisionOptions>(std::move(parsed));
        client_ = std::make_unique<http::Client>();
        ready_ = true;
        return std::nullopt;
    } catch (const std::exception& e) {
        return error(ErrorKind::fatal, std::string("openai_vision: configure failed: ") + e.what());
    }
}

Outcome VisionTool::call(const Request& request) {
    if (!ready_) return error(ErrorKind::fatal, "openai_vision: call() before a successful configure()");
    try {
        Outcome outcome = ask(request);
        if (auto* failure = std::get_if<ToolError>(&outcome)) return without_secret(std::move(*failure));
        return outcome;
    } catch (const std::exception& e) {
        return without_secret(error(ErrorKind::fatal, "openai_vision: " + request.case_id + ": " + e.what()));
    } catch (...) {
        return error(ErrorKind::fatal, "openai_vision: " + request.case_id + ": unknown exception");
    }
}

Outcome VisionTool::ask(const Request& request) {
    if (request.task != Task::ocr && request.task != Task::vqa)
        return error(ErrorKind::fatal, "openai_vision does ocr and vqa, not " + std::string(to_string(request.task)));
    if (request.task == Task::vqa && request.question.empty())
        return error(ErrorKind::bad_input, "vqa case " + request.case_id + " has no question");
    if (request.image.empty()) return error(ErrorKind::bad_input, "case " + request.case_id + " has no image");
    if (const auto too_large = image::exceeds_pixel_limit(request.image, options_.max_pixels))
        return error(ErrorKind::bad_input, "image " + request.image_name + " is " + *too_large);
    const std::optional<ImagePayload> payload =
        make_payload(request.image, options_.max_side, options_.image_format, options_.jpeg_quality);
    if (!payload)
        return error(ErrorKind::bad_input, "could not decode image " + request.image_name + " (" +
                                               std::to_string(request.image.size()) + " bytes)");

    const std::string prompt = render_prompt(options_, request);
    http::Request http_request;
    http_request.method = "POST";
    http_request.url = options_.base_url + "/chat/completions";
    http_request.body = chat_body(options_, prompt, payload->data_uri).dump();
    http_request.timeout_s = options_.request_timeout_s;
    http_request.connect_timeout_s = std::min(kConnectTimeoutS, options_.request_timeout_s);
    http_request.headers = {{"Content-Type", "application/json"},
                            {"Accept", options_.stream ? "text/event-stream" : "application/json"}};
    if (options_.api_key) http_request.headers.push_back({"Authorization", "Bearer " + *options_.api_key});

    Outcome outcome = options_.stream ? exchange_streaming(http_request) : exchange(http_request);
    if (auto* response = std::get_if<Response>(&outcome)) {
        response->raw["prompt"] = prompt;
        response->raw["image"] = {{"original_width", payload->original.width},
                                  {"original_height", payload->original.height},
                                  {"sent_width", payload->sent.width},
                                  {"sent_height", payload->sent.height},
                                  {"format", payload->mime},
                                  {"bytes", payload->encoded_bytes}};
    }
    return outcome;
}

Outcome VisionTool::exchange(const http::Request& http_request) {
    const std::string where = display_url(options_.base_url);
    const http::Result result = client_->send(http_request);
    if (const auto* failure = std::get_if<http::TransportError>(&result))
        return classify_transport_error(*failure, where, options_.request_timeout_s);
    const auto& answer = std::get<http::Response>(result);
    if (!ok_status(answer.status))
        return classify_server_error(read_server_error(answer.status, answer.body), http::retry_after_seconds(answer), where);
    Outcome outcome = read_chat_completion(answer.body);
    if (auto* response = std::get_if<Response>(&outcome)) response->raw["http_ms"] = answer.elapsed_ms;
    return outcome;
}

Outcome VisionTool::exchange_streaming(const http::Request& http_request) {
    const std::string where = display_url(options_.base_url);
    http::SseParser parser;
    StreamReader reader;
    std::string kept;  // the body as received, for an error status or a server that did not stream
    const auto on_event = [&](const std::string& event, const std::string& data) { reader.on_event(event, data); };
    const http::Result result = client_->send_streaming(http_request, [&](std::string_view chunk) {
        if (kept.size() < kMaxKeptStreamBytes) kept.append(chunk.substr(0, kMaxKeptStreamBytes - kept.size()));
        parser.feed(chunk, on_event);
        return true;
    });
    if (const auto* failure = std::get_if<http::TransportError>(&result))
        return classify_transport_error(*failure, where, options_.request_timeout_s);
    const auto& answer = std::get<http::Response>(result);
    // The SDK hands every body to on_data; a client that kept an error body in the Response is read too.
    if (!ok_status(answer.status))
        return classify_server_error(read_server_error(answer.status, kept.empty() ? answer.body : kept),
                                     http::retry_after_seconds(answer), where);
    parser.finish(on_event);
    const auto content_type = answer.header("Content-Type");
    // Some servers answer "stream": true with one ordinary JSON body.
    if (content_type && content_type->find("application/json") != std::string::npos) return read_chat_completion(kept);
    Outcome outcome = reader.finish();
    if (auto* response = std::get_if<Response>(&outcome)) response->raw["http_ms"] = answer.elapsed_ms;
    return outcome;
}

// The key must never reach a message, even if a server or a library quoted it back.
ToolError VisionTool::without_secret(ToolError failure) const {
    if (!options_.api_key || options_.api_key->empty()) return failure;
    const std::string& secret = *options_.api_key;
    for (std::size_t at = failure.message.find(secret); at != std::string::npos; at = failure.message.find(secret, at))
        failure.message.replace(at, secret.size(), "[api_key]");
    return failure;
}

}  // namespace evalpanel::plugins::openai_vision
