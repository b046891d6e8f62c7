// The Tool against the loopback fake Perplexity: each scenario gives the right Response or ToolError
// kind, and the fake saw the right request.
#include <gtest/gtest.h>

#include <chrono>

#include "fake_perplexity.hpp"
#include "perplexity_tool.hpp"

namespace evalpanel::plugins::perplexity {
namespace {

using nlohmann::json;
using fakes::perplexity::Answer;
using fakes::perplexity::DoneMarker;
using fakes::perplexity::FakePerplexity;
using fakes::perplexity::Fault;
using fakes::perplexity::ReceivedRequest;

constexpr const char* kKey = "pplx-test-SECRET-0123456789";

EnvLookup no_environment() {
    return [](const char*) -> std::optional<std::string> { return std::nullopt; };
}

fakes::perplexity::Options fake_options() {
    fakes::perplexity::Options o;
    o.api_key = kKey;
    o.slow_ms = 2000;
    return o;
}

struct Fixture {
    explicit Fixture(json options, fakes::perplexity::Options server_options = fake_options())
        : server(server_options), tool(no_environment()) {
        options["base_url"] = server.base_url();
        if (!options.contains("api_key")) options["api_key"] = kKey;
        if (!options.contains("poll_interval_s")) options["poll_interval_s"] = 0.01;
        if (!options.contains("request_timeout_s")) options["request_timeout_s"] = 5;
        const auto error = tool.configure(options);
        EXPECT_FALSE(error) << error->message;
    }

    Outcome call(const std::string& case_id = "eu-ai-act", json request_options = json::object()) {
        Request r;
        r.case_id = case_id;
        r.task = Task::research;
        r.query = "When did the EU AI Act enter into force?";
        r.options = std::move(request_options);
        return tool.call(r);
    }

    FakePerplexity server;
    PerplexityTool tool;
};

Response expect_response(const Outcome& outcome) {
    EXPECT_TRUE(std::holds_alternative<Response>(outcome)) << std::get<ToolError>(outcome).message;
    return std::holds_alternative<Response>(outcome) ? std::get<Response>(outcome) : Response{};
}

ToolError expect_error(const Outcome& outcome, ErrorKind kind) {
    EXPECT_TRUE(std::holds_alternative<ToolError>(outcome)) << "got a Response: " << std::get<Response>(outcome).text;
    if (!std::holds_alternative<ToolError>(outcome)) return {};
    const ToolError& e = std::get<ToolError>(outcome);
    EXPECT_EQ(e.kind, kind) << to_string(e.kind) << ": " << e.message;
    EXPECT_EQ(e.message.find(kKey), std::string::npos) << "the key leaked into: " << e.message;
    return e;
}

void expect_default_answer(const Response& r) {
    EXPECT_EQ(r.text.rfind("# EU AI Act: entry into force", 0), 0u) << r.text;
    EXPECT_EQ(r.text.find("<think>"), std::string::npos);
    EXPECT_NE(r.text.find("entered into force on 1 August 2024 [1][2]"), std::string::npos);
    ASSERT_EQ(r.citations.size(), 3u);
    EXPECT_EQ(r.citations[0].url, "https://eur-lex.europa.eu/eli/reg/2024/1689/oj");
    EXPECT_EQ(r.citations[0].title, "Regulation (EU) 2024/1689 (Artificial Intelligence Act)");
    EXPECT_EQ(r.citations[0].date, "2024-07-12");
    EXPECT_EQ(r.citations[1].snippet, "The AI Act entered into force on 1 August 2024.");
    EXPECT_EQ(r.citations[2].date, "2025-06-30");  // date null: last_updated
    EXPECT_EQ(r.usage.input_tokens, 19);
    EXPECT_EQ(r.usage.output_tokens, 1543);
    EXPECT_EQ(r.usage.citation_tokens, 8817);
    EXPECT_EQ(r.usage.reasoning_tokens, 73997);
    EXPECT_EQ(r.usage.search_queries, 18);
    ASSERT_TRUE(r.reported_cost_usd);
    EXPECT_DOUBLE_EQ(*r.reported_cost_usd, 0.34201);
    EXPECT_GT(r.raw.value("think_chars", 0), 50);
    EXPECT_EQ(r.raw.dump().find(kKey), std::string::npos);
}

// ---- sync ----------------------------------------------------------------------------------------

TEST(PerplexityTool, SyncAnswerIsParsedAndTheRequestIsRight) {
    Fixture f(json{{"model", "sonar-reasoning-pro"}, {"depth", "medium"}, {"max_tokens", 2000}});
    const Response r = expect_response(f.call());
    expect_default_answer(r);
    EXPECT_EQ(r.raw["mode"], "sync");

    const auto log = f.server.requests();
    ASSERT_EQ(log.size(), 1u);
    const ReceivedRequest& sent = log[0];
    EXPECT_EQ(sent.method, "POST");
    EXPECT_EQ(sent.path, "/chat/completions");
    EXPECT_TRUE(sent.has_authorization);
    EXPECT_TRUE(sent.authorized);
    EXPECT_EQ(sent.json["model"], "sonar-reasoning-pro");
    EXPECT_EQ(sent.json["messages"].back()["role"], "user");
    EXPECT_EQ(sent.json["messages"].back()["content"], "When did the EU AI Act enter into force?");
    EXPECT_EQ(sent.json["web_search_options"]["search_context_size"], "medium");
    EXPECT_FALSE(sent.json.contains("reasoning_effort"));
    EXPECT_EQ(sent.json["max_tokens"], 2000);
    EXPECT_EQ(sent.headers.find("Content-Type")->second, "application/json");
}

TEST(PerplexityTool, SparseAnswerParsesWithAbsentFields) {
    Fixture f(json{{"model", "sonar"}});
    f.server.script({Fault::sparse});
    const Response r = expect_response(f.call());
    EXPECT_TRUE(r.citations.empty());
    EXPECT_EQ(r.usage.input_tokens, 19);
    EXPECT_FALSE(r.usage.citation_tokens);
    EXPECT_FALSE(r.usage.reasoning_tokens);
    EXPECT_FALSE(r.usage.search_queries);
    EXPECT_FALSE(r.reported_cost_usd);
}

TEST(PerplexityTool, ThinkCutByMaxTokensLeavesAnEmptyAnswerAndSaysSo) {
    Fixture f(json{{"model", "sonar-reasoning-pro"}, {"max_tokens", 8}});
    Answer a = fakes::perplexity::default_answer();
    a.content = "<think>Let me search for the regulation and";
    a.finish_reason = "length";
    f.server.set_answer(a);
    const Response r = expect_response(f.call());
    EXPECT_EQ(r.text, "");
    EXPECT_EQ(r.raw["think_unclosed"], true);
    EXPECT_EQ(r.raw["finish_reason"], "length");
    EXPECT_EQ(r.raw["think_chars"], 36);
}

// ---- async ---------------------------------------------------------------------------------------

TEST(PerplexityTool, AsyncJobIsSubmittedPolledAndRead) {
    Fixture f(json{{"depth", "high"}});  // deep research: async by default
    const Response r = expect_response(f.call("eu-ai-act", {{"idempotency_key", "evalpanel-run3-eu-ai-act"}}));
    expect_default_answer(r);
    EXPECT_EQ(r.raw["mode"], "async");
    EXPECT_EQ(r.raw["job"]["polls"], 2);

    const auto log = f.server.requests();
    ASSERT_EQ(log.size(), 3u);
    EXPECT_EQ(log[0].method, "POST");
    EXPECT_EQ(log[0].path, "/async/chat/completions");
    EXPECT_EQ(log[0].json["idempotency_key"], "evalpanel-run3-eu-ai-act");
    const json& inner = log[0].json["request"];
    EXPECT_EQ(inner["model"], "sonar-deep-research");
    EXPECT_EQ(inner["reasoning_effort"], "high");
    EXPECT_EQ(inner["messages"].back()["content"], "When did the EU AI Act enter into force?");
    EXPECT_FALSE(log[0].json.contains("model"));  // everything of the chat request is inside `request`
    const std::string job_path = "/async/chat/completions/" + r.raw["job"]["id"].get<std::string>();
    for (std::size_t i = 1; i < log.size(); ++i) {
        EXPECT_EQ(log[i].method, "GET");
        EXPECT_EQ(log[i].path, job_path);
        EXPECT_TRUE(log[i].authorized);
    }
}

TEST(PerplexityTool, ResubmittingAfterAFailedPollReusesTheKeyAndTheJob) {
    Fixture f(json::object());
    f.server.script({Fault::none, Fault::bad_gateway});  // submit fine, first poll hits the edge proxy
    expect_error(f.call(), ErrorKind::retryable);
    const Response r = expect_response(f.call());  // the host's retry: same case, same request
    expect_default_answer(r);
    EXPECT_EQ(f.server.jobs_created(), 1u);        // nothing paid twice
    const auto log = f.server.requests();
    std::vector<std::string> keys;
    for (const ReceivedRequest& sent : log)
        if (sent.method == "POST") keys.push_back(sent.json["idempotency_key"].get<std::string>());
    ASSERT_EQ(keys.size(), 2u);
    EXPECT_EQ(keys[0], keys[1]);
    EXPECT_EQ(keys[0].rfind("evalpanel-eu-ai-act-", 0), 0u);  // no host key: derived from case and query
}

TEST(PerplexityTool, FailedJobIsNotRetriedAndSaysWhy) {
    Fixture f(json::object());
    f.server.script({Fault::job_failed});
    const ToolError e = expect_error(f.call(), ErrorKind::bad_input);
    EXPECT_NE(e.message.find("FAILED: Research could not be completed"), std::string::npos) << e.message;
}

TEST(PerplexityTool, JobPastTheDeadlineIsRetryable) {
    fakes::perplexity::Options slow_jobs = fake_options();
    slow_jobs.polls_before_complete = 1000000;
    Fixture f(json{{"async_deadline_s", 0.15}, {"poll_interval_s", 0.02}}, slow_jobs);
    const auto start = std::chrono::steady_clock::now();
    const ToolError e = expect_error(f.call(), ErrorKind::retryable);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
    EXPECT_NE(e.message.find("still IN_PROGRESS"), std::string::npos) << e.message;
    EXPECT_GE(f.server.count("GET", "/async/chat/completions/"), 2u);
}

TEST(PerplexityTool, AsyncCompletedResponseOfTheWrongShapeIsBadInput) {
    fakes::perplexity::Options one_poll = fake_options();
    one_poll.polls_before_complete = 1;
    Fixture f(json::object(), one_poll);
    f.server.script({Fault::none, Fault::missing_choices});
    const ToolError e = expect_error(f.call(), ErrorKind::bad_input);
    EXPECT_NE(e.message.find("no `choices`"), std::string::npos) << e.message;
}

TEST(PerplexityTool, AsyncPollUnauthorizedIsFatal) {
    Fixture f(json::object());
    f.server.script({Fault::none, Fault::unauthorized});
    expect_error(f.call(), ErrorKind::fatal);
}

// ---- stream --------------------------------------------------------------------------------------

TEST(PerplexityTool, SonarStreamWithoutDoneMarkerAndCrlf) {
    fakes::perplexity::Options crlf = fake_options();
    crlf.stream_line_end = "\r\n";
    crlf.stream_piece_chars = 5;
    Fixture f(json{{"model", "sonar-pro"}, {"mode", "stream"}}, crlf);
    const Response r = expect_response(f.call());
    expect_default_answer(r);  // text is the deltas once, not the repeated full-mode messages
    EXPECT_EQ(r.raw["stream"]["done_marker"], false);
    EXPECT_GT(r.raw["stream"]["chunks"].get<int>(), 10);
    const auto log = f.server.requests();
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].json["stream"], true);
    EXPECT_EQ(log[0].headers.find("Accept")->second, "text/event-stream");
}

TEST(PerplexityTool, DeepResearchStreamEndsAtDoneWithCrLineEnds) {
    fakes::perplexity::Options cr = fake_options();
    cr.stream_line_end = "\r";
    cr.final_chunk_object = "chat.completion";  // the 2025 form: only [DONE] says the stream is over
    cr.stream_hold_open_ms = 3000;
    Fixture f(json{{"mode", "stream"}}, cr);
    const auto start = std::chrono::steady_clock::now();
    const Response r = expect_response(f.call());
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(1500));
    expect_default_answer(r);
    EXPECT_EQ(r.raw["stream"]["done_marker"], true);
}

TEST(PerplexityTool, StreamThatJustEndsIsComplete) {
    fakes::perplexity::Options plain = fake_options();
    plain.final_chunk_object = "chat.completion.chunk";
    plain.done_marker = DoneMarker::never;
    Fixture f(json{{"model", "sonar"}, {"mode", "stream"}}, plain);
    const Response r = expect_response(f.call());
    expect_default_answer(r);
    EXPECT_EQ(r.raw["stream"]["terminal"], false);
    EXPECT_EQ(r.raw["finish_reason"], "stop");
}

TEST(PerplexityTool, StreamCutMidwayIsRetryable) {
    Fixture f(json{{"model", "sonar"}, {"mode", "stream"}});
    f.server.script({Fault::connection_dropped});
    expect_error(f.call(), ErrorKind::retryable);
}

TEST(PerplexityTool, StreamStopsAtTheTerminalChunkEvenIfTheServerKeepsItOpen) {
    fakes::perplexity::Options held = fake_options();
    held.done_marker = DoneMarker::never;
    held.stream_hold_open_ms = 3000;
    Fixture f(json{{"model", "sonar"}, {"mode", "stream"}}, held);
    const auto start = std::chrono::steady_clock::now();
    expect_default_answer(expect_response(f.call()));
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(1500));
}

TEST(PerplexityTool, StreamErrorEventIsRetryable) {
    Fixture f(json{{"model", "sonar"}, {"mode", "stream"}});
    f.server.script({Fault::stream_error});
    const ToolError e = expect_error(f.call(), ErrorKind::retryable);
    EXPECT_NE(e.message.find("Internal error while generating"), std::string::npos) << e.message;
}

TEST(PerplexityTool, StreamRequestRejectedWithHtmlIsClassifiedByStatus) {
    Fixture f(json{{"model", "sonar"}, {"mode", "stream"}});
    f.server.script({Fault::unavailable, Fault::unauthorized, Fault::rate_limited});
    expect_error(f.call(), ErrorKind::retryable);
    expect_error(f.call(), ErrorKind::fatal);
    EXPECT_EQ(expect_error(f.call(), ErrorKind::rate_limited).retry_after_s, 3.0);
}

// ---- failures ------------------------------------------------------------------------------------

TEST(PerplexityTool, WrongKeyGetsTheHtml401AsFatal) {
    Fixture f(json{{"model", "sonar"}, {"api_key", "pplx-wrong-key"}});
    const ToolError e = expect_error(f.call(), ErrorKind::fatal);
    EXPECT_EQ(e.message, "perplexity authentication failed (HTTP 401): check PPLX_API_KEY");
    EXPECT_FALSE(f.server.requests().at(0).authorized);
    EXPECT_TRUE(f.server.requests().at(0).has_authorization);
}

TEST(PerplexityTool, RateLimitWithAndWithoutRetryAfter) {
    Fixture f(json{{"model", "sonar"}});
    f.server.script({Fault::rate_limited, Fault::rate_limited_bare});
    EXPECT_EQ(expect_error(f.call(), ErrorKind::rate_limited).retry_after_s, 3.0);
    EXPECT_FALSE(expect_error(f.call(), ErrorKind::rate_limited).retry_after_s);
    expect_response(f.call());  // and then it answers
}

TEST(PerplexityTool, ServerAndProxyErrorsAreRetryable) {
    Fixture f(json{{"model", "sonar"}});
    f.server.script({Fault::server_error, Fault::bad_gateway, Fault::unavailable});
    EXPECT_NE(expect_error(f.call(), ErrorKind::retryable).message.find("HTTP 500"), std::string::npos);
    EXPECT_NE(expect_error(f.call(), ErrorKind::retryable).message.find("HTTP 502"), std::string::npos);
    EXPECT_NE(expect_error(f.call(), ErrorKind::retryable).message.find("HTTP 503"), std::string::npos);
}

TEST(PerplexityTool, BadRequestAndInvalidModel) {
    Fixture f(json{{"model", "sonar"}});
    f.server.script({Fault::bad_request, Fault::invalid_model});
    EXPECT_NE(expect_error(f.call(), ErrorKind::bad_input).message.find("At body -> messages"), std::string::npos);
    EXPECT_NE(expect_error(f.call(), ErrorKind::fatal).message.find("Invalid model"), std::string::npos);
}

TEST(PerplexityTool, BrokenBodies) {
    Fixture f(json{{"model", "sonar"}});
    f.server.script({Fault::malformed_json, Fault::wrong_shape, Fault::missing_choices, Fault::missing_content});
    EXPECT_NE(expect_error(f.call(), ErrorKind::retryable).message.find("not JSON"), std::string::npos);
    EXPECT_NE(expect_error(f.call(), ErrorKind::bad_input).message.find("got a list"), std::string::npos);
    EXPECT_NE(expect_error(f.call(), ErrorKind::bad_input).message.find("no `choices`"), std::string::npos);
    EXPECT_NE(expect_error(f.call(), ErrorKind::bad_input).message.find("content` is missing"), std::string::npos);
}

TEST(PerplexityTool, TruncatedBodyAndDroppedConnectionAreRetryable) {
    Fixture f(json{{"model", "sonar"}});
    f.server.script({Fault::truncated_body, Fault::connection_dropped});
    expect_error(f.call(), ErrorKind::retryable);  // complete JSON, short of Content-Length: not trusted
    expect_error(f.call(), ErrorKind::retryable);
    expect_response(f.call());
}

TEST(PerplexityTool, SlowSonarTimesOutRetryably) {
    Fixture f(json{{"model", "sonar"}, {"request_timeout_s", 0.3}});
    f.server.script({Fault::slow});
    const auto start = std::chrono::steady_clock::now();
    expect_error(f.call(), ErrorKind::retryable);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(1500));
}

TEST(PerplexityTool, SlowSyncDeepResearchIsNotRetriedBecauseItMayBeBilled) {
    Fixture f(json{{"mode", "sync"}, {"request_timeout_s", 0.3}});
    f.server.script({Fault::slow});
    const ToolError e = expect_error(f.call(), ErrorKind::bad_input);
    EXPECT_NE(e.message.find("may still be billed"), std::string::npos) << e.message;
}

TEST(PerplexityTool, NothingListeningIsRetryable) {
    int closed_port = 0;
    {
        FakePerplexity gone;
        closed_port = gone.port();
    }
    PerplexityTool tool(no_environment());
    ASSERT_FALSE(tool.configure({{"model", "sonar"}, {"api_key", kKey}, {"base_url", "http://127.0.0.1:" + std::to_string(closed_port)},
                                 {"request_timeout_s", 2}}));
    Request r;
    r.query = "q?";
    expect_error(tool.call(r), ErrorKind::retryable);
}

TEST(PerplexityTool, DescribeReflectsTheConfiguredModelAndDepth) {
    PerplexityTool tool(no_environment());
    EXPECT_EQ(tool.describe().name, "perplexity");
    EXPECT_EQ(tool.describe().kind, ToolKind::remote);
    EXPECT_EQ(tool.describe().tasks, std::vector<Task>{Task::research});
    EXPECT_EQ(tool.describe().pricing.per_1k_searches, 5);  // before configure: deep research
    ASSERT_FALSE(tool.configure({{"model", "sonar-pro"}, {"depth", "high"}, {"api_key", kKey}}));
    EXPECT_DOUBLE_EQ(tool.describe().pricing.per_request, 0.014);
    EXPECT_EQ(tool.describe().pricing.output_per_mtok, 15);
}

TEST(PerplexityTool, CallBeforeConfigureAndEmptyQuery) {
    PerplexityTool tool(no_environment());
    Request r;
    r.query = "q?";
    expect_error(tool.call(r), ErrorKind::fatal);
    Fixture f(json{{"model", "sonar"}});
    r.query.clear();
    expect_error(f.tool.call(r), ErrorKind::bad_input);
    EXPECT_TRUE(f.server.requests().empty());
}

}  // namespace
}  // namespace evalpanel::plugins::perplexity
