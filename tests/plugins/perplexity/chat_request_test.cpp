#include <gtest/gtest.h>

#include "chat_request.hpp"

namespace evalpanel::plugins::perplexity {
namespace {

using nlohmann::json;

PerplexityOptions options_for(const std::string& model) {
    PerplexityOptions o;
    o.model = model;
    o.api_key = "pplx-secret";
    return o;
}

Request research(const std::string& query) {
    Request r;
    r.case_id = "eu-ai-act";
    r.task = Task::research;
    r.query = query;
    return r;
}

json body_of(const PerplexityOptions& o, const Request& r, bool stream = false) {
    auto built = build_chat_body(o, r, stream);
    EXPECT_TRUE(std::holds_alternative<json>(built));
    return std::holds_alternative<json>(built) ? std::get<json>(built) : json();
}

TEST(ChatRequest, QueryIsTheOneUserMessage) {
    const json body = body_of(options_for("sonar"), research("When did the AI Act enter into force?"));
    EXPECT_EQ(body["model"], "sonar");
    ASSERT_EQ(body["messages"].size(), 1u);
    EXPECT_EQ(body["messages"][0], (json{{"role", "user"}, {"content", "When did the AI Act enter into force?"}}));
    EXPECT_FALSE(body.contains("stream"));
    EXPECT_FALSE(body.contains("reasoning_effort"));
    EXPECT_FALSE(body.contains("web_search_options"));
    EXPECT_FALSE(body.contains("max_tokens"));
}

TEST(ChatRequest, SystemPromptAndSuitePromptGoFirstAsOneSystemMessage) {
    PerplexityOptions o = options_for("sonar");
    o.system_prompt = "Be precise.";
    Request r = research("q?");
    r.prompt = "Cite sources.";
    const json body = body_of(o, r);
    ASSERT_EQ(body["messages"].size(), 2u);
    EXPECT_EQ(body["messages"][0], (json{{"role", "system"}, {"content", "Be precise.\n\nCite sources."}}));
    EXPECT_EQ(body["messages"][1]["role"], "user");
}

TEST(ChatRequest, DepthIsReasoningEffortOnlyForDeepResearchAndContextSizeForAll) {
    PerplexityOptions deep = options_for("sonar-deep-research");
    deep.depth = Depth::high;
    const json d = body_of(deep, research("q?"));
    EXPECT_EQ(d["reasoning_effort"], "high");
    EXPECT_EQ(d["web_search_options"]["search_context_size"], "high");

    PerplexityOptions pro = options_for("sonar-pro");
    pro.depth = Depth::medium;
    const json p = body_of(pro, research("q?"));
    EXPECT_FALSE(p.contains("reasoning_effort"));
    EXPECT_EQ(p["web_search_options"]["search_context_size"], "medium");
}

TEST(ChatRequest, SamplingOptionsAndStream) {
    PerplexityOptions o = options_for("sonar");
    o.max_tokens = 64;
    o.temperature = 0.0;
    const json body = body_of(o, research("q?"), true);
    EXPECT_EQ(body["max_tokens"], 64);
    EXPECT_EQ(body["temperature"], 0.0);
    EXPECT_EQ(body["stream"], true);
}

TEST(ChatRequest, NoQueryIsBadInput) {
    auto built = build_chat_body(options_for("sonar"), research(""), false);
    ASSERT_TRUE(std::holds_alternative<ToolError>(built));
    EXPECT_EQ(std::get<ToolError>(built).kind, ErrorKind::bad_input);
}

TEST(ChatRequest, AsyncWrapsTheRequest) {
    const json wrapped = async_create_body({{"model", "sonar"}}, "k-1");
    EXPECT_EQ(wrapped, (json{{"request", {{"model", "sonar"}}}, {"idempotency_key", "k-1"}}));
}

TEST(IdempotencyKey, TheHostsKeyIsUsedAsGiven) {
    Request r = research("q?");
    r.options["idempotency_key"] = "evalpanel-run7-eu-ai-act";
    EXPECT_EQ(idempotency_key(options_for("sonar-deep-research"), r), "evalpanel-run7-eu-ai-act");
}

TEST(IdempotencyKey, DerivedKeyIsStableAndDependsOnCaseModelAndQuery) {
    const PerplexityOptions o = options_for("sonar-deep-research");
    const std::string key = idempotency_key(o, research("q?"));
    EXPECT_EQ(key, idempotency_key(o, research("q?")));
    EXPECT_EQ(key.rfind("evalpanel-eu-ai-act-", 0), 0u) << key;
    EXPECT_EQ(key.size(), std::string("evalpanel-eu-ai-act-").size() + 16);
    EXPECT_NE(key, idempotency_key(o, research("another q?")));
    EXPECT_NE(key, idempotency_key(options_for("sonar"), research("q?")));
    Request odd = research("q?");
    odd.case_id = "a/b c";
    EXPECT_EQ(idempotency_key(o, odd).rfind("evalpanel-a_b_c-", 0), 0u);
}

}  // namespace
}  // namespace evalpanel::plugins::perplexity
