// A loopback imitation of Perplexity's Sonar API (API-NOTES Part A) for tests: sync chat, the async
// job lifecycle, SSE streaming with the real API's quirks, and the failures a client meets in the
// wild, on 127.0.0.1 at an ephemeral port, scripted per request.
//
//     FakePerplexity server({.api_key = "pplx-test"});
//     server.script({Fault::rate_limited, Fault::none});   // the next request gets 429, the one after succeeds
//     ... configure the plugin with base_url: server.base_url() and call it ...
//     const ReceivedRequest sent = server.requests().back();
//     EXPECT_EQ(sent.path, "/async/chat/completions");
//
// The request log keeps every header but the Authorization value (only whether it was there and
// whether it matched), so a test can show the key reached the server without the log holding it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

namespace httplib {
class Server;
class Request;
class Response;
}  // namespace httplib

namespace evalpanel::fakes::perplexity {

// What the next request gets. script() queues faults one per request (every route, polls included);
// when the queue is empty, the default set with set_fault() applies.
enum class Fault {
    none,                 // answers normally
    unauthorized,         // 401, the openresty HTML page (A7) — also sent on its own for a wrong key
    forbidden,            // 403, an HTML page
    rate_limited,         // 429 with Retry-After: Options::retry_after
    rate_limited_bare,    // 429 with no Retry-After and a plain-text body
    server_error,         // 500, an HTML page
    bad_gateway,          // 502, an HTML page from the edge proxy
    unavailable,          // 503, an HTML page from the edge proxy
    bad_request,          // 400 {"error": {"message": "[\"At body -> messages: ...\"]", "type": "bad_request"}}
    invalid_model,        // 400 {"error": {"type": "invalid_model", ...}}
    malformed_json,       // 200, a JSON body cut in the middle (its Content-Length matches what is sent)
    wrong_shape,          // 200, valid JSON that is a list, not a completion
    missing_choices,      // 200, a completion without `choices`
    missing_content,      // 200, choices[0].message without `content`
    sparse,               // 200, a valid completion without citations, search_results, cost or optional counts
    slow,                 // answers normally after Options::slow_ms (ends early when the server stops)
    truncated_body,       // 200, complete JSON but fewer bytes than Content-Length, then the connection closes
    connection_dropped,   // status and headers, then the connection closes before any body byte
    job_failed,           // async create: the job ends FAILED with an error_message
    stream_error,         // stream: one delta, then data: {"error": {...}} and the end of the stream
};

// When a stream sends `data: [DONE]` (API-NOTES A6): deep research does, sonar models do not.
enum class DoneMarker { by_model, always, never };

struct Options {
    int port = 0;                          // 0: an ephemeral port
    std::string api_key;                   // when set, requests need Authorization: Bearer <api_key>
    std::string retry_after = "3";         // Fault::rate_limited
    int slow_ms = 2000;                    // Fault::slow
    int polls_before_complete = 2;         // async: GETs answered IN_PROGRESS before the job completes
    std::size_t stream_piece_chars = 16;   // streamed text is cut into deltas of this many bytes
    std::string stream_line_end = "\n";    // "\n", "\r\n" or "\r"
    DoneMarker done_marker = DoneMarker::by_model;
    bool stream_full_mode = true;          // every chunk also carries the aggregated message so far
    int stream_hold_open_ms = 0;           // keep the stream open this long after its last event
    // The last chunk's `object`: "chat.completion.done" as in the 2026 capture; the 2025 capture had
    // "chat.completion", so only [DONE] or the end of the body can end such a stream.
    std::string final_chunk_object = "chat.completion.done";
};

// The answer the fake gives; default_answer() is a realistic deep-research report.
struct Answer {
    std::string content;                   // message.content, <think> included when the model thinks
    nlohmann::json citations = nlohmann::json::array();
    nlohmann::json search_results = nlohmann::json::array();
    nlohmann::json usage = nlohmann::json::object();  // the final usage, cost included
    std::string finish_reason = "stop";
};
Answer default_answer();

struct ReceivedRequest {
    std::string method;
    std::string path;
    std::multimap<std::string, std::string> headers;  // Authorization's value replaced by "<present>"
    bool has_authorization = false;
    bool authorized = false;               // equal to "Bearer " + Options::api_key (true when no key is set)
    std::string body;
    nlohmann::json json;                   // the parsed body; discarded when it did not parse
    int status = 0;                        // what the fake answered
};

class FakePerplexity {
public:
    // Starts listening on 127.0.0.1 at once; throws std::runtime_error when it cannot bind.
    explicit FakePerplexity(Options options = {});
    ~FakePerplexity();
    FakePerplexity(const FakePerplexity&) = delete;
    FakePerplexity& operator=(const FakePerplexity&) = delete;

    int port() const { return port_; }
    std::string base_url() const;  // http://127.0.0.1:PORT, what the plugin's base_url is set to

    void set_answer(Answer answer);
    void set_fault(Fault fault);
    void script(std::vector<Fault> faults);

    std::vector<ReceivedRequest> requests() const;
    std::size_t count(const std::string& method, const std::string& path_prefix) const;
    std::size_t jobs_created() const;      // distinct async jobs (a replayed idempotency key creates none)

    // Stops accepting and ends waits in progress; the destructor does this too.
    void stop();

private:
    struct Job {
        std::string id;
        std::string model;
        long long created_at = 0;
        int polls = 0;
        bool fail = false;
    };

    void handle(const httplib::Request& req, httplib::Response& res);
    void route(const httplib::Request& req, httplib::Response& res, ReceivedRequest& entry, Fault fault);
    void answer_chat(const nlohmann::json& body, httplib::Response& res, Fault fault);
    void answer_stream(const nlohmann::json& body, httplib::Response& res, Fault fault);
    void create_job(const nlohmann::json& body, httplib::Response& res, Fault fault);
    void get_job(const std::string& id, httplib::Response& res, Fault fault);
    nlohmann::json job_json(const Job& job, const std::string& status) const;
    nlohmann::json completion(const std::string& model, const Answer& answer) const;
    Fault next_fault();
    bool wait_or_stop(std::chrono::milliseconds delay);

    Options options_;
    std::unique_ptr<httplib::Server> server_;
    std::thread thread_;
    int port_ = 0;

    mutable std::mutex mutex_;
    std::condition_variable stopping_cv_;
    bool stopping_ = false;
    Fault default_fault_ = Fault::none;
    std::deque<Fault> script_;
    Answer answer_;
    std::vector<ReceivedRequest> log_;
    std::map<std::string, Job> jobs_;                 // by id
    std::map<std::string, std::string> job_by_key_;   // idempotency_key -> id
};

// The fault named as in the enum ("rate_limited", ...), for the command-line fake.
std::optional<Fault> fault_from_string(const std::string& name);

}  // namespace evalpanel::fakes::perplexity
