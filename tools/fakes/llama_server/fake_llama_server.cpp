#include "fake_llama_server.hpp"

#include <httplib.h>

#include <cmath>
#include <stdexcept>

#include <opencv2/imgcodecs.hpp>

namespace evalpanel::fakes::llama_server {
namespace {

using nlohmann::json;

// Deterministic stand-ins for a tokenizer and a GPU, so tests can predict every figure.
constexpr long long kBytesPerTextToken = 4;
constexpr long long kTokensPerImageTile = 64;  // SmolVLM-like: one tile per started 512x512 block, plus a global one
constexpr int kTileSide = 512;
constexpr double kPromptMsPerToken = 0.25;     // 4000 tokens/s
constexpr double kPredictedMsPerToken = 12.5;  // 80 tokens/s

void send_error(httplib::Response& res, int status, const std::string& message, const std::string& type,
                const json& extra = json::object()) {
    json error = {{"code", status}, {"message", message}, {"type", type}};
    error.update(extra);
    res.status = status;
    res.set_content(json{{"error", error}}.dump(), "application/json; charset=utf-8");
}

long long ceil_div(long long a, long long b) { return (a + b - 1) / b; }

long long image_tokens(const ReceivedImage& image) {
    if (!image.decoded) return kTokensPerImageTile;
    const long long tiles = ceil_div(image.width, kTileSide) * ceil_div(image.height, kTileSide);
    return kTokensPerImageTile * (tiles + 1);
}

bool is_webp(const std::vector<std::uint8_t>& bytes) {
    return bytes.size() >= 12 && std::equal(bytes.begin(), bytes.begin() + 4, "RIFF") &&
           std::equal(bytes.begin() + 8, bytes.begin() + 12, "WEBP");
}

// Decodes like the server would accept it: stb_image reads PNG, JPEG, BMP, GIF, ... but not WebP.
ReceivedImage decode_image(const std::string& mime, const std::vector<std::uint8_t>& bytes) {
    ReceivedImage image;
    image.mime = mime;
    image.encoded_bytes = bytes.size();
    if (bytes.empty() || is_webp(bytes)) return image;
    try {
        image.pixels = cv::imdecode(bytes, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception&) {
        image.pixels.release();
    }
    if (image.pixels.empty()) return image;
    image.decoded = true;
    image.width = image.pixels.cols;
    image.height = image.pixels.rows;
    image.channels = image.pixels.channels();
    return image;
}

// The checks llama-server's oaicompat_chat_params_parse makes on image_url.url (API-NOTES B5): failures
// there are thrown while parsing the request, so they come back as 500.
std::optional<std::string> check_data_uri(const std::string& url, std::string& mime, std::string& payload) {
    if (url.rfind("data:image/", 0) != 0) return "Invalid image_url.url format: " + url.substr(0, url.find(','));
    const std::size_t comma = url.find(',');
    if (comma == std::string::npos || url.find(',', comma + 1) != std::string::npos) return "Invalid image_url.url value";
    const std::string header = url.substr(5, comma - 5);  // image/png;base64
    if (header.find(";base64") == std::string::npos) return "image_url.url must be base64 encoded";
    mime = header.substr(0, header.find(';'));
    payload = url.substr(comma + 1);
    return std::nullopt;
}

std::string sse(const json& chunk) { return "data: " + chunk.dump() + "\n\n"; }

json chunk_base(const std::string& model) {
    return {{"created", 1757141666},
            {"id", "chatcmpl-fake"},
            {"model", model},
            {"system_fingerprint", "b0000-fake"},
            {"object", "chat.completion.chunk"}};
}

}  // namespace

std::optional<Fault> fault_from_string(const std::string& name) {
    static const std::vector<std::pair<std::string, Fault>> names{
        {"none", Fault::none},
        {"no_vision", Fault::no_vision},
        {"undecodable_image", Fault::undecodable_image},
        {"context_overflow", Fault::context_overflow},
        {"rate_limited", Fault::rate_limited},
        {"loading", Fault::loading},
        {"server_error", Fault::server_error},
        {"slow", Fault::slow},
        {"malformed_json", Fault::malformed_json},
        {"wrong_shape", Fault::wrong_shape},
        {"stream_error", Fault::stream_error}};
    for (const auto& [text, fault] : names)
        if (text == name) return fault;
    return std::nullopt;
}

std::optional<std::vector<std::uint8_t>> base64_decode(const std::string& text) {
    std::vector<std::uint8_t> out;
    out.reserve(text.size() / 4 * 3);
    std::uint32_t bits = 0;
    int count = 0;
    for (const char c : text) {
        int value;
        if (c >= 'A' && c <= 'Z') value = c - 'A';
        else if (c >= 'a' && c <= 'z') value = c - 'a' + 26;
        else if (c >= '0' && c <= '9') value = c - '0' + 52;
        else if (c == '+' || c == '-') value = 62;
        else if (c == '/' || c == '_') value = 63;
        else if (c == '=' || c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
        else return std::nullopt;
        bits = (bits << 6) | static_cast<std::uint32_t>(value);
        if (++count == 4) {
            out.push_back(static_cast<std::uint8_t>(bits >> 16));
            out.push_back(static_cast<std::uint8_t>(bits >> 8));
            out.push_back(static_cast<std::uint8_t>(bits));
            bits = 0;
            count = 0;
        }
    }
    if (count == 1) return std::nullopt;
    if (count == 2) out.push_back(static_cast<std::uint8_t>(bits >> 4));
    if (count == 3) {
        out.push_back(static_cast<std::uint8_t>(bits >> 10));
        out.push_back(static_cast<std::uint8_t>(bits >> 2));
    }
    return out;
}

FakeLlamaServer::FakeLlamaServer(Options options)
    : options_(std::move(options)), server_(std::make_unique<httplib::Server>()) {
    const auto handler = [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); };
    server_->Get(".*", handler);
    server_->Post(".*", handler);
    server_->set_keep_alive_timeout(1);
    port_ = options_.port == 0 ? server_->bind_to_any_port("127.0.0.1")
                               : (server_->bind_to_port("127.0.0.1", options_.port) ? options_.port : -1);
    if (port_ <= 0) throw std::runtime_error("fake llama-server: cannot listen on 127.0.0.1:" + std::to_string(options_.port));
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    // httplib's stop() does nothing before the accept loop runs, so a server stopped right after it was
    // made would otherwise never end: return only once it is running.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!server_->is_running() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FakeLlamaServer::~FakeLlamaServer() { stop(); }

void FakeLlamaServer::stop() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    stopping_cv_.notify_all();
    server_->stop();
    if (thread_.joinable()) thread_.join();
}

std::string FakeLlamaServer::root_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
std::string FakeLlamaServer::base_url() const { return root_url() + "/v1"; }

void FakeLlamaServer::set_answer(Answerer answer) {
    const std::lock_guard lock(mutex_);
    answer_ = std::move(answer);
}

void FakeLlamaServer::set_fault(Fault fault) {
    const std::lock_guard lock(mutex_);
    fault_ = fault;
}

std::vector<ReceivedRequest> FakeLlamaServer::requests() const {
    const std::lock_guard lock(mutex_);
    return log_;
}

std::optional<ReceivedRequest> FakeLlamaServer::last_chat() const {
    const std::lock_guard lock(mutex_);
    for (auto it = log_.rbegin(); it != log_.rend(); ++it)
        if (it->method == "POST") return *it;
    return std::nullopt;
}

std::size_t FakeLlamaServer::chat_count() const {
    const std::lock_guard lock(mutex_);
    return static_cast<std::size_t>(std::count_if(log_.begin(), log_.end(), [](const auto& r) { return r.method == "POST"; }));
}

void FakeLlamaServer::record(ReceivedRequest entry) {
    const std::lock_guard lock(mutex_);
    log_.push_back(std::move(entry));
}

bool FakeLlamaServer::wait_or_stop(std::chrono::milliseconds delay) {
    std::unique_lock lock(mutex_);
    return !stopping_cv_.wait_for(lock, delay, [this] { return stopping_; });
}

void FakeLlamaServer::handle(const httplib::Request& req, httplib::Response& res) {
    ReceivedRequest entry;
    entry.method = req.method;
    entry.path = req.path;
    entry.authorization = req.get_header_value("Authorization");
    entry.body = req.body;
    Fault fault;
    Answerer answer;
    {
        const std::lock_guard lock(mutex_);
        fault = fault_;
        answer = answer_;
    }
    res.status = 200;  // httplib leaves -1 until after the handler; the log wants the real figure
    const bool health = req.path == "/health" || req.path == "/v1/health";
    // llama-server checks the key before anything else, so a keyless request gets 401 even while the
    // model is loading (API-NOTES C15).
    if (!options_.api_key.empty() && !health && entry.authorization != "Bearer " + options_.api_key) {
        send_error(res, 401, "Invalid API Key", "authentication_error");
    } else if (fault == Fault::loading) {
        send_error(res, 503, "Loading model", "unavailable_error");
    } else if (health && req.method == "GET") {
        res.set_content(R"({"status":"ok"})", "application/json; charset=utf-8");
    } else if (req.method == "GET" && (req.path == "/v1/models" || req.path == "/models")) {
        const json model = {{"id", options_.model},
                            {"object", "model"},
                            {"created", 1757141666},
                            {"owned_by", "llamacpp"},
                            {"meta", {{"vocab_type", 1}, {"n_vocab", 49280}, {"n_ctx_train", 8192}, {"n_embd", 2048},
                                      {"n_params", 1810000000}, {"size", 1930000000}}}};
        res.set_content(json{{"object", "list"}, {"data", json::array({model})}}.dump(), "application/json; charset=utf-8");
    } else if (req.method == "GET" && req.path == "/props") {
        const json props = {{"default_generation_settings", {{"n_ctx", options_.n_ctx}}},
                            {"modalities", {{"vision", options_.vision}, {"audio", false}}},
                            {"model_path", options_.model},
                            {"build_info", "b0000-fake"},
                            {"total_slots", 1}};
        res.set_content(props.dump(), "application/json; charset=utf-8");
    } else if (req.method == "POST" && (req.path == "/v1/chat/completions" || req.path == "/chat/completions")) {
        handle_chat(entry, res, fault, answer);
    } else {
        send_error(res, 404, "File Not Found", "not_found_error");
    }
    entry.status = res.status;
    record(std::move(entry));
}

void FakeLlamaServer::handle_chat(ReceivedRequest& entry, httplib::Response& res, Fault fault, const Answerer& answer) {
    entry.json = json::parse(entry.body, nullptr, false);
    if (entry.json.is_discarded() || !entry.json.is_object())
        return send_error(res, 500, "[json.exception.parse_error.101] parse error: the request body is not JSON", "server_error");
    entry.stream = entry.json.value("stream", false) && options_.honour_stream;
    if (!entry.json.contains("messages") || !entry.json["messages"].is_array())
        return send_error(res, 400, "'messages' is required", "invalid_request_error");

    std::optional<std::string> uri_problem;
    for (const json& message : entry.json["messages"]) {
        const json content = message.value("content", json());
        if (content.is_string()) entry.prompt += (entry.prompt.empty() ? "" : "\n") + content.get<std::string>();
        if (!content.is_array()) continue;
        for (const json& part : content) {
            const std::string type = part.value("type", "");
            if (type == "text") entry.prompt += (entry.prompt.empty() ? "" : "\n") + part.value("text", "");
            if (type != "image_url") continue;
            const std::string url = part.contains("image_url") ? part["image_url"].value("url", "") : "";
            std::string mime, payload;
            if (auto problem = check_data_uri(url, mime, payload)) {
                uri_problem = uri_problem.value_or(*problem);
                continue;
            }
            const auto bytes = base64_decode(payload);
            entry.images.push_back(decode_image(mime, bytes.value_or(std::vector<std::uint8_t>{})));
        }
    }
    if (uri_problem) return send_error(res, 500, *uri_problem, "server_error");
    if (fault == Fault::server_error) return send_error(res, 500, "internal fake failure", "server_error");
    if (fault == Fault::rate_limited) {
        res.set_header("Retry-After", options_.retry_after);
        return send_error(res, 429, "Too Many Requests", "rate_limit_error");
    }
    if (!entry.images.empty() && (!options_.vision || fault == Fault::no_vision))
        return send_error(res, 500, "image input is not supported - hint: if this is unexpected, you may need to provide the mmproj",
                          "server_error");
    const bool undecodable = std::any_of(entry.images.begin(), entry.images.end(), [](const auto& i) { return !i.decoded; });
    if (undecodable || fault == Fault::undecodable_image)
        return send_error(res, 400, "Failed to load image or audio file", "invalid_request_error");

    entry.prompt_tokens = ceil_div(static_cast<long long>(entry.prompt.size()), kBytesPerTextToken);
    for (const ReceivedImage& image : entry.images) entry.prompt_tokens += image_tokens(image);
    if (entry.prompt_tokens > options_.n_ctx || fault == Fault::context_overflow) {
        const long long need = std::max(entry.prompt_tokens, options_.n_ctx + 1);
        return send_error(res, 400,
                          "request (" + std::to_string(need) + " tokens) exceeds the available context size (" +
                              std::to_string(options_.n_ctx) + " tokens), try increasing it",
                          "exceed_context_size_error", {{"n_prompt_tokens", need}, {"n_ctx", options_.n_ctx}});
    }
    if (fault == Fault::slow && !wait_or_stop(std::chrono::milliseconds(options_.slow_ms)))
        return send_error(res, 503, "the fake server is stopping", "unavailable_error");
    answer_chat(entry, res, fault, answer ? answer : [](const ReceivedRequest&) { return std::string("STOP"); });
}

void FakeLlamaServer::answer_chat(ReceivedRequest& entry, httplib::Response& res, Fault fault, const Answerer& answer) {
    std::string text = answer(entry);
    std::string finish_reason = "stop";
    long long limit = entry.json.value("max_tokens", -1LL);
    if (limit <= 0) limit = entry.json.value("max_completion_tokens", -1LL);
    entry.completion_tokens = std::max(1LL, ceil_div(static_cast<long long>(text.size()), kBytesPerTextToken));
    if (limit > 0 && entry.completion_tokens > limit) {
        text.resize(static_cast<std::size_t>(limit * kBytesPerTextToken));
        entry.completion_tokens = limit;
        finish_reason = "length";
    }
    entry.answer = text;
    entry.usage = {{"completion_tokens", entry.completion_tokens},
                   {"prompt_tokens", entry.prompt_tokens},
                   {"total_tokens", entry.prompt_tokens + entry.completion_tokens},
                   {"prompt_tokens_details", {{"cached_tokens", 0}}}};
    const double prompt_ms = static_cast<double>(entry.prompt_tokens) * kPromptMsPerToken;
    const double predicted_ms = static_cast<double>(entry.completion_tokens) * kPredictedMsPerToken;
    entry.timings = {{"cache_n", 0},
                     {"prompt_n", entry.prompt_tokens},
                     {"prompt_ms", prompt_ms},
                     {"prompt_per_token_ms", kPromptMsPerToken},
                     {"prompt_per_second", 1000.0 / kPromptMsPerToken},
                     {"predicted_n", entry.completion_tokens},
                     {"predicted_ms", predicted_ms},
                     {"predicted_per_token_ms", kPredictedMsPerToken},
                     {"predicted_per_second", 1000.0 / kPredictedMsPerToken}};

    if (fault == Fault::wrong_shape) {
        res.set_content(json{{"object", "chat.completion"}, {"result", text}}.dump(), "application/json; charset=utf-8");
        return;
    }
    if (!entry.stream) {
        const json body = {
            {"choices", json::array({{{"finish_reason", finish_reason},
                                      {"index", 0},
                                      {"message", {{"role", "assistant"}, {"content", text}}}}})},
            {"created", 1757141666},
            {"model", options_.model},
            {"system_fingerprint", "b0000-fake"},
            {"object", "chat.completion"},
            {"usage", entry.usage},
            {"id", "chatcmpl-fake"},
            {"timings", entry.timings}};
        std::string dumped = body.dump();
        if (fault == Fault::malformed_json) dumped.resize(dumped.size() / 2);
        res.set_content(dumped, "application/json; charset=utf-8");
        return;
    }

    // Streaming, as llama-server's to_json_oaicompat_chat_stream (API-NOTES B3).
    std::vector<std::string> events;
    json first = chunk_base(options_.model);
    first["choices"] = json::array({{{"finish_reason", nullptr}, {"index", 0}, {"delta", {{"role", "assistant"}, {"content", nullptr}}}}});
    events.push_back(sse(first));
    const std::size_t piece = std::max<std::size_t>(1, options_.stream_piece_chars);
    for (std::size_t at = 0; at < text.size(); at += piece) {
        json delta = chunk_base(options_.model);
        delta["choices"] = json::array({{{"finish_reason", nullptr}, {"index", 0}, {"delta", {{"content", text.substr(at, piece)}}}}});
        events.push_back(sse(delta));
        if (fault == Fault::stream_error) {
            events.push_back(sse({{"error", {{"code", 500}, {"message", "the fake failed in the middle of the stream"}, {"type", "server_error"}}}}));
            break;
        }
        if (fault == Fault::malformed_json) {
            events.push_back("data: {\"choices\":[{\"delta\":{\"content\":\"cut\n\n");
            break;
        }
    }
    if (fault != Fault::stream_error && fault != Fault::malformed_json) {
        json last = chunk_base(options_.model);
        last["choices"] = json::array({{{"finish_reason", finish_reason}, {"index", 0}, {"delta", json::object()}}});
        const bool include_usage = entry.json.contains("stream_options") && entry.json["stream_options"].is_object() &&
                                   entry.json["stream_options"].value("include_usage", false);
        if (include_usage) {
            events.push_back(sse(last));
            last = chunk_base(options_.model);
            last["choices"] = json::array();
            last["usage"] = entry.usage;
        }
        last["timings"] = entry.timings;  // llama-server attaches timings to the last chunk
        events.push_back(sse(last));
        events.push_back("data: [DONE]\n\n");
    }
    res.set_chunked_content_provider("text/event-stream", [events](std::size_t, httplib::DataSink& sink) {
        for (const std::string& event : events)
            if (!sink.write(event.data(), event.size())) return false;
        sink.done();
        return true;
    });
}

}  // namespace evalpanel::fakes::llama_server
