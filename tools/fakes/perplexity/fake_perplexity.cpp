#include "fake_perplexity.hpp"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <stdexcept>

namespace evalpanel::fakes::perplexity {
namespace {

using nlohmann::json;

constexpr const char* kDeepResearch = "sonar-deep-research";
constexpr long long kCreated = 1770768226;

// The page openresty serves for a missing or wrong key (API-NOTES A7, S15), Cloudflare script and all.
const char* const kUnauthorizedPage =
    "<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n"
    "<center><h1>401 Authorization Required</h1></center>\r\n<hr><center>openresty/1.27.4</center>\r\n"
    "<script>(function(){window['__CF$cv$params']={r:'8f1e2d3c4b5a6978',t:'MTc3MDc2ODIyNg=='};})();</script>"
    "</body>\r\n</html>\r\n";

std::string html_page(int status, const std::string& reason) {
    const std::string title = std::to_string(status) + " " + reason;
    return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title +
           "</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n";
}

void send_json_error(httplib::Response& res, int status, const std::string& message, const std::string& type) {
    res.status = status;
    res.set_content(json{{"error", {{"message", message}, {"type", type}, {"code", status}}}}.dump(), "application/json");
}

bool known_model(const std::string& model) {
    static const std::vector<std::string> models{"sonar", "sonar-pro", "sonar-reasoning", "sonar-reasoning-pro",
                                                 kDeepResearch};
    return std::find(models.begin(), models.end(), model) != models.end();
}

// The checks the real API makes on a chat body (A7); an empty string when the body passes.
bool check_chat_body(const json& body, httplib::Response& res) {
    if (!body.is_object()) {
        send_json_error(res, 400, "[\"At body: Input should be a valid dictionary\"]", "bad_request");
        return false;
    }
    std::vector<std::string> missing;
    if (!body.contains("model")) missing.push_back("\"At body -> model: Field required\"");
    if (!body.contains("messages")) missing.push_back("\"At body -> messages: Field required\"");
    if (!missing.empty()) {
        std::string list;
        for (const std::string& m : missing) list += (list.empty() ? "" : ", ") + m;
        send_json_error(res, 400, "[" + list + "]", "bad_request");
        return false;
    }
    const std::string model = body["model"].is_string() ? body["model"].get<std::string>() : body["model"].dump();
    if (!known_model(model)) {
        send_json_error(res, 400,
                        "Invalid model '" + model +
                            "'. Permitted models can be found in the documentation at https://docs.perplexity.ai/guides/model-cards.",
                        "invalid_model");
        return false;
    }
    const json& messages = body["messages"];
    if (!messages.is_array() || messages.empty() || !messages.back().is_object() ||
        messages.back().value("role", "") != "user") {
        send_json_error(res, 400, "Last message must have role `user`.", "invalid_message");
        return false;
    }
    return true;
}

bool iequals(const std::string& a, const std::string& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string uuid_like(std::size_t n) {
    char text[64];
    std::snprintf(text, sizeof text, "702738a1-c1e0-4a7f-b9ab-%012zx", n);
    return text;
}

// The faults that replace the whole answer; false when `fault` leaves the answer to the route.
bool send_http_fault(Fault fault, httplib::Response& res, const std::string& success_body, const std::string& retry_after) {
    switch (fault) {
        case Fault::unauthorized:
            res.status = 401;
            res.set_content(kUnauthorizedPage, "text/html");
            return true;
        case Fault::forbidden:
            res.status = 403;
            res.set_content(html_page(403, "Forbidden"), "text/html");
            return true;
        case Fault::rate_limited:
            res.status = 429;
            if (!retry_after.empty()) res.set_header("Retry-After", retry_after);
            res.set_content(json{{"error", {{"message", "Rate limit exceeded"}, {"type", "rate_limit_exceeded"}, {"code", 429}}}}.dump(),
                            "application/json");
            return true;
        case Fault::rate_limited_bare:
            res.status = 429;
            res.set_content("Too Many Requests", "text/plain");
            return true;
        case Fault::server_error:
            res.status = 500;
            res.set_content(html_page(500, "Internal Server Error"), "text/html");
            return true;
        case Fault::bad_gateway:
            res.status = 502;
            res.set_content(html_page(502, "Bad Gateway"), "text/html");
            return true;
        case Fault::unavailable:
            res.status = 503;
            res.set_content(html_page(503, "Service Temporarily Unavailable"), "text/html");
            return true;
        case Fault::bad_request:
            send_json_error(res, 400, "[\"At body -> messages -> 0 -> content: Input should be a valid string\"]", "bad_request");
            return true;
        case Fault::invalid_model:
            send_json_error(res, 400,
                            "Invalid model 'sonar-pro '. Permitted models can be found in the documentation at "
                            "https://docs.perplexity.ai/guides/model-cards.",
                            "invalid_model");
            return true;
        case Fault::malformed_json:
            res.status = 200;
            res.set_content(success_body.substr(0, success_body.size() / 2), "application/json");
            return true;
        case Fault::wrong_shape:
            res.status = 200;
            res.set_content(R"([{"text": "an answer, but not in a chat completion"}])", "application/json");
            return true;
        case Fault::truncated_body: {
            // Complete JSON, and yet fewer bytes than announced (API-NOTES C14).
            res.status = 200;
            const std::string body = success_body;
            res.set_content_provider(body.size() + 64, "application/json",
                                     [body](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                                         if (offset == 0) sink.write(body.data(), body.size());
                                         return false;  // close the connection short of Content-Length
                                     });
            return true;
        }
        case Fault::connection_dropped:
            res.status = 200;
            res.set_chunked_content_provider("application/json", [](std::size_t, httplib::DataSink&) { return false; });
            return true;
        default:
            return false;
    }
}

// usage as it stands partway through a stream: running completion tokens, cost without request_cost.
json running_usage(const json& final_usage, std::size_t sent, std::size_t total) {
    json usage = final_usage;
    if (usage.contains("completion_tokens") && usage["completion_tokens"].is_number_integer() && total > 0) {
        const long long all = usage["completion_tokens"].get<long long>();
        usage["completion_tokens"] = all * static_cast<long long>(sent) / static_cast<long long>(total);
        if (usage.contains("prompt_tokens") && usage["prompt_tokens"].is_number_integer())
            usage["total_tokens"] = usage["prompt_tokens"].get<long long>() + usage["completion_tokens"].get<long long>();
    }
    if (usage.contains("cost") && usage["cost"].is_object()) usage["cost"].erase("request_cost");
    return usage;
}

}  // namespace

Answer default_answer() {
    Answer a;
    a.content =
        "<think>\nThe user asks when the EU AI Act entered into force. Search EUR-Lex and the Commission.\n</think>\n"
        "# EU AI Act: entry into force\n\n"
        "The EU Artificial Intelligence Act (Regulation (EU) 2024/1689) entered into force on 1 August 2024 [1][2]. "
        "Prohibitions on unacceptable-risk AI practices apply from 2 February 2025 [2]. "
        "Most remaining obligations apply from 2 August 2026 [3].";
    a.citations = json::array({"https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
                               "https://digital-strategy.ec.europa.eu/en/policies/regulatory-framework-ai",
                               "https://artificialintelligenceact.eu/implementation-timeline/"});
    a.search_results = json::array({
        {{"title", "Regulation (EU) 2024/1689 (Artificial Intelligence Act)"},
         {"url", "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"},
         {"date", "2024-07-12"},
         {"last_updated", "2024-07-12"},
         {"snippet", "This Regulation shall enter into force on the twentieth day following its publication."},
         {"source", "web"}},
        {{"title", "AI Act | Shaping Europe's digital future"},
         {"url", "https://digital-strategy.ec.europa.eu/en/policies/regulatory-framework-ai"},
         {"date", "2024-08-01"},
         {"last_updated", "2025-02-04"},
         {"snippet", "The AI Act entered into force on 1 August 2024."},
         {"source", "web"}},
        {{"title", "Implementation Timeline | EU Artificial Intelligence Act"},
         {"url", "https://artificialintelligenceact.eu/implementation-timeline/"},
         {"date", nullptr},
         {"last_updated", "2025-06-30"},
         {"snippet", "2 August 2026: the remainder of the AI Act starts to apply."},
         {"source", "web"}},
    });
    // A deep-research usage block; costs are the parts at list prices, rounded to 5 decimals (C10).
    a.usage = {{"prompt_tokens", 19},
               {"completion_tokens", 1543},
               {"total_tokens", 1562},
               {"citation_tokens", 8817},
               {"num_search_queries", 18},
               {"reasoning_tokens", 73997},
               {"cost",
                {{"input_tokens_cost", 0.00004},
                 {"output_tokens_cost", 0.01234},
                 {"citation_tokens_cost", 0.01763},
                 {"reasoning_tokens_cost", 0.22199},
                 {"search_queries_cost", 0.09},
                 {"total_cost", 0.34201}}}};
    return a;
}

std::optional<Fault> fault_from_string(const std::string& name) {
    static const std::map<std::string, Fault> names{
        {"none", Fault::none},
        {"unauthorized", Fault::unauthorized},
        {"forbidden", Fault::forbidden},
        {"rate_limited", Fault::rate_limited},
        {"rate_limited_bare", Fault::rate_limited_bare},
        {"server_error", Fault::server_error},
        {"bad_gateway", Fault::bad_gateway},
        {"unavailable", Fault::unavailable},
        {"bad_request", Fault::bad_request},
        {"invalid_model", Fault::invalid_model},
        {"malformed_json", Fault::malformed_json},
        {"wrong_shape", Fault::wrong_shape},
        {"missing_choices", Fault::missing_choices},
        {"missing_content", Fault::missing_content},
        {"sparse", Fault::sparse},
        {"slow", Fault::slow},
        {"truncated_body", Fault::truncated_body},
        {"connection_dropped", Fault::connection_dropped},
        {"job_failed", Fault::job_failed},
        {"stream_error", Fault::stream_error},
    };
    const auto it = names.find(name);
    if (it == names.end()) return std::nullopt;
    return it->second;
}

FakePerplexity::FakePerplexity(Options options)
    : options_(std::move(options)), server_(std::make_unique<httplib::Server>()), answer_(default_answer()) {
    const auto handler = [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); };
    server_->Get(".*", handler);
    server_->Post(".*", handler);
    server_->set_keep_alive_max_count(100);
    port_ = options_.port == 0 ? server_->bind_to_any_port("127.0.0.1") : options_.port;
    if (options_.port != 0 && !server_->bind_to_port("127.0.0.1", options_.port)) port_ = -1;
    if (port_ <= 0) throw std::runtime_error("fake perplexity: cannot listen on 127.0.0.1");
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    // stop() only reaches a server whose accept loop runs: wait for it (bounded) before handing it out.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!server_->is_running() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FakePerplexity::~FakePerplexity() { stop(); }

void FakePerplexity::stop() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    stopping_cv_.notify_all();
    server_->stop();
    if (thread_.joinable()) thread_.join();
}

std::string FakePerplexity::base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

void FakePerplexity::set_answer(Answer answer) {
    const std::lock_guard lock(mutex_);
    answer_ = std::move(answer);
}

void FakePerplexity::set_fault(Fault fault) {
    const std::lock_guard lock(mutex_);
    default_fault_ = fault;
}

void FakePerplexity::script(std::vector<Fault> faults) {
    const std::lock_guard lock(mutex_);
    script_.insert(script_.end(), faults.begin(), faults.end());
}

std::vector<ReceivedRequest> FakePerplexity::requests() const {
    const std::lock_guard lock(mutex_);
    return log_;
}

std::size_t FakePerplexity::count(const std::string& method, const std::string& path_prefix) const {
    const std::lock_guard lock(mutex_);
    return static_cast<std::size_t>(std::count_if(log_.begin(), log_.end(), [&](const ReceivedRequest& r) {
        return r.method == method && r.path.rfind(path_prefix, 0) == 0;
    }));
}

std::size_t FakePerplexity::jobs_created() const {
    const std::lock_guard lock(mutex_);
    return jobs_.size();
}

Fault FakePerplexity::next_fault() {
    const std::lock_guard lock(mutex_);
    if (script_.empty()) return default_fault_;
    const Fault fault = script_.front();
    script_.pop_front();
    return fault;
}

bool FakePerplexity::wait_or_stop(std::chrono::milliseconds delay) {
    std::unique_lock lock(mutex_);
    return !stopping_cv_.wait_for(lock, delay, [this] { return stopping_; });
}

void FakePerplexity::handle(const httplib::Request& req, httplib::Response& res) {
    ReceivedRequest entry;
    entry.method = req.method;
    entry.path = req.path;
    entry.body = req.body;
    entry.json = json::parse(req.body, nullptr, false);
    for (const auto& [name, value] : req.headers) {
        const bool is_auth = iequals(name, "Authorization");
        entry.headers.emplace(name, is_auth ? "<present>" : value);
        if (is_auth) {
            entry.has_authorization = true;
            entry.authorized = options_.api_key.empty() || value == "Bearer " + options_.api_key;
        }
    }
    if (!entry.has_authorization) entry.authorized = options_.api_key.empty();

    const Fault fault = next_fault();
    if (!entry.authorized) {
        res.status = 401;
        res.set_content(kUnauthorizedPage, "text/html");
    } else {
        if (fault == Fault::slow) wait_or_stop(std::chrono::milliseconds(options_.slow_ms));
        route(req, res, entry, fault);
    }
    entry.status = res.status;
    const std::lock_guard lock(mutex_);
    log_.push_back(std::move(entry));
}

void FakePerplexity::route(const httplib::Request& req, httplib::Response& res, ReceivedRequest& entry, Fault fault) {
    const std::string async_prefix = "/async/chat/completions";
    if (req.method == "POST" && req.path == "/chat/completions") {
        if (entry.json.is_object() && entry.json.value("stream", false)) return answer_stream(entry.json, res, fault);
        return answer_chat(entry.json, res, fault);
    }
    if (req.method == "POST" && req.path == async_prefix) return create_job(entry.json, res, fault);
    if (req.method == "GET" && req.path.rfind(async_prefix + "/", 0) == 0)
        return get_job(req.path.substr(async_prefix.size() + 1), res, fault);
    if (req.method == "GET" && req.path == async_prefix) {
        json list = json::array();
        const std::lock_guard lock(mutex_);
        for (const auto& [id, job] : jobs_) list.push_back({{"id", id}, {"model", job.model}, {"created_at", job.created_at}});
        res.set_content(json{{"requests", list}, {"next_token", nullptr}}.dump(), "application/json");
        return;
    }
    send_json_error(res, 404, "Not Found", "not_found");
}

json FakePerplexity::completion(const std::string& model, const Answer& answer) const {
    json c = {{"id", uuid_like(log_.size() + 1)},
              {"model", model},
              {"created", kCreated},
              {"usage", answer.usage},
              {"citations", answer.citations},
              {"search_results", answer.search_results},
              {"object", "chat.completion"},
              {"choices",
               json::array({{{"index", 0},
                             {"finish_reason", answer.finish_reason},
                             {"message", {{"role", "assistant"}, {"content", answer.content}}}}})}};
    return c;
}

namespace {

// The content faults: a completion that parses but lacks what a client needs, or has only what is required.
void apply_content_fault(Fault fault, json& completion) {
    if (fault == Fault::missing_choices) completion.erase("choices");
    if (fault == Fault::missing_content) completion["choices"][0]["message"].erase("content");
    if (fault == Fault::sparse) {
        completion.erase("citations");
        completion.erase("search_results");
        json& usage = completion["usage"];
        for (const char* key : {"citation_tokens", "num_search_queries", "reasoning_tokens", "cost"}) usage.erase(key);
        usage["citation_tokens"] = nullptr;  // optional and nullable (A3)
    }
}

}  // namespace

void FakePerplexity::answer_chat(const json& body, httplib::Response& res, Fault fault) {
    if (!check_chat_body(body, res)) return;
    json c;
    {
        const std::lock_guard lock(mutex_);
        c = completion(body["model"].get<std::string>(), answer_);
    }
    apply_content_fault(fault, c);
    const std::string text = c.dump();
    if (send_http_fault(fault, res, text, options_.retry_after)) return;
    res.status = 200;
    res.set_content(text, "application/json");
}

void FakePerplexity::answer_stream(const json& body, httplib::Response& res, Fault fault) {
    if (!check_chat_body(body, res)) return;
    const std::string model = body["model"].get<std::string>();
    Answer answer;
    json whole;
    {
        const std::lock_guard lock(mutex_);
        answer = answer_;
        whole = completion(model, answer_);
    }
    if (send_http_fault(fault, res, whole.dump(), options_.retry_after)) return;

    const std::string end = options_.stream_line_end;
    const auto event = [&end](const std::string& data) { return "data: " + data + end + end; };
    std::vector<std::string> events;
    const std::size_t piece = std::max<std::size_t>(1, options_.stream_piece_chars);
    const std::size_t total = answer.content.size();
    std::string so_far;
    for (std::size_t at = 0; at < total; at += piece) {
        const std::string delta = answer.content.substr(at, piece);
        so_far += delta;
        json choice = {{"index", 0}, {"delta", {{"role", "assistant"}, {"content", delta}}}, {"finish_reason", nullptr}};
        if (options_.stream_full_mode) choice["message"] = {{"role", "assistant"}, {"content", so_far}};
        json chunk = {{"id", whole["id"]},        {"model", model},
                      {"created", kCreated},      {"object", "chat.completion.chunk"},
                      {"usage", running_usage(answer.usage, so_far.size(), total)},
                      {"citations", answer.citations}, {"search_results", answer.search_results},
                      {"choices", json::array({choice})}};
        events.push_back(event(chunk.dump()));
        if (fault == Fault::stream_error) {
            events.push_back(event(json{{"error", {{"message", "Internal error while generating"}, {"type", "server_error"}, {"code", 500}}}}.dump()));
            break;
        }
    }
    if (fault != Fault::stream_error) {
        json last_choice = {{"index", 0}, {"delta", {{"role", "assistant"}, {"content", ""}}}, {"finish_reason", answer.finish_reason}};
        if (options_.stream_full_mode) last_choice["message"] = {{"role", "assistant"}, {"content", answer.content}};
        json last = {{"id", whole["id"]},   {"model", model},       {"created", kCreated},
                     {"object", options_.final_chunk_object}, {"usage", answer.usage},
                     {"citations", answer.citations},   {"search_results", answer.search_results},
                     {"choices", json::array({last_choice})}};
        events.push_back(event(last.dump()));
        const bool done = options_.done_marker == DoneMarker::always ||
                          (options_.done_marker == DoneMarker::by_model && model == kDeepResearch);
        if (done) events.push_back(event("[DONE]"));
    }

    res.status = 200;
    const int hold_ms = options_.stream_hold_open_ms;
    res.set_chunked_content_provider("text/event-stream", [this, events, hold_ms](std::size_t, httplib::DataSink& sink) {
        for (const std::string& e : events)
            if (!sink.write(e.data(), e.size())) return false;
        if (hold_ms > 0) wait_or_stop(std::chrono::milliseconds(hold_ms));
        sink.done();
        return true;
    });
}

json FakePerplexity::job_json(const Job& job, const std::string& status) const {
    json j = {{"id", job.id},          {"model", job.model},       {"created_at", job.created_at},
              {"status", status},      {"started_at", nullptr},    {"completed_at", nullptr},
              {"failed_at", nullptr},  {"error_message", nullptr}, {"response", nullptr}};
    if (status != "CREATED") j["started_at"] = job.created_at + 1;
    if (status == "COMPLETED") {
        j["completed_at"] = job.created_at + 60;
        j["response"] = completion(job.model, answer_);
    }
    if (status == "FAILED") {
        j["failed_at"] = job.created_at + 30;
        j["error_message"] = "Research could not be completed: upstream search failed";
    }
    return j;
}

void FakePerplexity::create_job(const json& body, httplib::Response& res, Fault fault) {
    if (!body.is_object() || !body.contains("request")) {
        send_json_error(res, 400, "[\"At body -> request: Field required\"]", "bad_request");
        return;
    }
    if (!check_chat_body(body["request"], res)) return;
    json answer;
    {
        const std::lock_guard lock(mutex_);
        const std::string key = body.value("idempotency_key", json()).is_string() ? body["idempotency_key"].get<std::string>() : "";
        const auto known = key.empty() ? job_by_key_.end() : job_by_key_.find(key);
        if (known != job_by_key_.end()) {
            // A replayed key returns the job it created (API-NOTES C11), in whatever state it is in.
            const Job& job = jobs_.at(known->second);
            answer = job_json(job, job.fail && job.polls >= options_.polls_before_complete ? "FAILED"
                                   : job.polls >= options_.polls_before_complete         ? "COMPLETED"
                                   : job.polls > 0                                       ? "IN_PROGRESS"
                                                                                         : "CREATED");
        } else {
            Job job;
            job.id = uuid_like(1000 + jobs_.size());
            job.model = body["request"]["model"].get<std::string>();
            job.created_at = kCreated + static_cast<long long>(jobs_.size());
            job.fail = fault == Fault::job_failed;
            if (!key.empty()) job_by_key_[key] = job.id;
            jobs_[job.id] = job;
            answer = job_json(job, "CREATED");
        }
    }
    const std::string text = answer.dump();
    if (send_http_fault(fault, res, text, options_.retry_after)) return;
    res.status = 200;
    res.set_content(text, "application/json");
}

void FakePerplexity::get_job(const std::string& id, httplib::Response& res, Fault fault) {
    json answer;
    {
        const std::lock_guard lock(mutex_);
        const auto it = jobs_.find(id);
        if (it == jobs_.end()) {
            send_json_error(res, 404, "Async request not found", "not_found");
            return;
        }
        Job& job = it->second;
        ++job.polls;
        const bool done = job.polls >= options_.polls_before_complete;
        answer = job_json(job, !done ? "IN_PROGRESS" : job.fail ? "FAILED" : "COMPLETED");
    }
    if (answer.contains("response") && answer["response"].is_object()) apply_content_fault(fault, answer["response"]);
    const std::string text = answer.dump();
    if (send_http_fault(fault, res, text, options_.retry_after)) return;
    res.status = 200;
    res.set_content(text, "application/json");
}

}  // namespace evalpanel::fakes::perplexity
