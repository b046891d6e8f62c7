// A loopback imitation of llama.cpp's llama-server (API-NOTES B2-B5) for tests: an OpenAI-compatible
// vision chat endpoint on 127.0.0.1 whose answers, failures and timing the test scripts.
//
// It checks what a real server checks (the data URI's form, that the image decodes — WebP does not,
// as in stb_image —, the context size, the API key), DECODES every image it receives with OpenCV and
// keeps it, with the request body, in a log the test reads afterwards.
//
//     FakeLlamaServer server;
//     server.set_answer([](const ReceivedRequest& r) { return r.images.at(0).width > 100 ? "big" : "small"; });
//     ... configure the plugin with server.base_url() and call it ...
//     const ReceivedRequest sent = server.last_chat().value();
//     EXPECT_EQ(sent.images.at(0).channels, 3);
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

namespace httplib {
class Server;
class Request;
class Response;
}

namespace evalpanel::fakes::llama_server {

// A failure the next chat requests get, until set_fault(Fault::none). Several also happen on their own
// when the request calls for them (no vision, undecodable image, context overflow, wrong API key).
enum class Fault {
    none,
    no_vision,          // 500 "image input is not supported - hint: ... mmproj" (as without --mmproj)
    undecodable_image,  // 400 "Failed to load image or audio file"
    context_overflow,   // 400 exceed_context_size_error with n_prompt_tokens and n_ctx
    rate_limited,       // 429, Retry-After: Options::retry_after
    loading,            // 503 "Loading model" on every route, /health included
    server_error,       // 500 server_error
    slow,               // answers normally after Options::slow_ms (the wait ends early when the server stops)
    malformed_json,     // 200 with a JSON body cut short
    wrong_shape,        // 200 with JSON that has no choices
    stream_error,       // streaming: one delta, then data: {"error": {...}} and the end of the stream
};

struct Options {
    int port = 0;                       // 0: an ephemeral port
    std::string api_key;                // like --api-key: when set, every route but /health needs it
    std::string model = "SmolVLM2-2.2B-Instruct-Q8_0.gguf";  // what /v1/models and answers report
    bool vision = true;                 // false: as if started without --mmproj
    long long n_ctx = 8192;             // the context size; prompts beyond it are refused
    int slow_ms = 2000;                 // Fault::slow
    std::string retry_after = "7";      // Fault::rate_limited
    std::size_t stream_piece_chars = 4; // streamed text is cut into deltas of this many bytes
    bool honour_stream = true;          // false: answer "stream": true with one JSON body, as some servers do
};

// One image of a request, as the fake decoded it (IMREAD_UNCHANGED: the channels that were sent).
struct ReceivedImage {
    std::string mime;            // from the data URI, e.g. image/png
    std::size_t encoded_bytes = 0;
    bool decoded = false;
    int width = 0;
    int height = 0;
    int channels = 0;
    cv::Mat pixels;
};

struct ReceivedRequest {
    std::string method;
    std::string path;
    std::string authorization;   // the Authorization header as received; empty when absent
    std::string body;
    nlohmann::json json;         // the parsed body; discarded (is_discarded()) when it did not parse
    std::string prompt;          // the text parts of the messages, joined with '\n'
    std::vector<ReceivedImage> images;
    bool stream = false;
    int status = 0;              // what the fake answered
    long long prompt_tokens = 0; // the fake's count: text bytes / 4 + 64 per image tile (see .cpp)
    long long completion_tokens = 0;
    nlohmann::json usage;        // as sent
    nlohmann::json timings;      // as sent
    std::string answer;          // the text sent (after any max_tokens cut)
};

// The answer text for a chat request; the default answers "STOP".
using Answerer = std::function<std::string(const ReceivedRequest&)>;

class FakeLlamaServer {
public:
    // Starts listening on 127.0.0.1 at once; throws std::runtime_error when it cannot bind.
    explicit FakeLlamaServer(Options options = {});
    ~FakeLlamaServer();
    FakeLlamaServer(const FakeLlamaServer&) = delete;
    FakeLlamaServer& operator=(const FakeLlamaServer&) = delete;

    int port() const { return port_; }
    std::string root_url() const;   // http://127.0.0.1:PORT
    std::string base_url() const;   // http://127.0.0.1:PORT/v1, what a client is configured with

    void set_answer(Answerer answer);
    void set_fault(Fault fault);

    // Every request so far (all routes), oldest first; and the newest chat request.
    std::vector<ReceivedRequest> requests() const;
    std::optional<ReceivedRequest> last_chat() const;
    std::size_t chat_count() const;

    // Stops accepting and ends waits in progress; the destructor does this too.
    void stop();

private:
    void handle(const httplib::Request& req, httplib::Response& res);
    void handle_chat(ReceivedRequest& entry, httplib::Response& res, Fault fault, const Answerer& answer);
    void answer_chat(ReceivedRequest& entry, httplib::Response& res, Fault fault, const Answerer& answer);
    bool wait_or_stop(std::chrono::milliseconds delay);
    void record(ReceivedRequest entry);

    Options options_;
    std::unique_ptr<httplib::Server> server_;
    std::thread thread_;
    int port_ = 0;

    mutable std::mutex mutex_;
    std::condition_variable stopping_cv_;
    bool stopping_ = false;
    Fault fault_ = Fault::none;
    Answerer answer_;
    std::vector<ReceivedRequest> log_;
};

// The fault named as in the enum ("no_vision", ...), for the command-line fake.
std::optional<Fault> fault_from_string(const std::string& name);

// Decodes standard or URL-safe base64 (padding optional, whitespace skipped); nullopt on other characters.
std::optional<std::vector<std::uint8_t>> base64_decode(const std::string& text);

}  // namespace evalpanel::fakes::llama_server
