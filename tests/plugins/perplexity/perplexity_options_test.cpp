#include <gtest/gtest.h>

#include "perplexity_options.hpp"
#include "perplexity_pricing.hpp"

namespace evalpanel::plugins::perplexity {
namespace {

using nlohmann::json;

EnvLookup env_with_key(std::optional<std::string> key) {
    return [key](const char* name) -> std::optional<std::string> {
        if (std::string(name) == "PPLX_API_KEY") return key;
        return std::nullopt;
    };
}

PerplexityOptions parse_ok(const json& options, EnvLookup env = env_with_key("pplx-env")) {
    auto parsed = parse_options(options, env);
    EXPECT_TRUE(std::holds_alternative<PerplexityOptions>(parsed)) << std::get<ToolError>(parsed).message;
    return std::get<PerplexityOptions>(parsed);
}

ToolError parse_error(const json& options, EnvLookup env = env_with_key("pplx-env")) {
    auto parsed = parse_options(options, env);
    EXPECT_TRUE(std::holds_alternative<ToolError>(parsed));
    return std::holds_alternative<ToolError>(parsed) ? std::get<ToolError>(parsed) : ToolError{};
}

TEST(PerplexityOptions, DefaultsToDeepResearchAsAnAsyncJobWithTheKeyFromTheEnvironment) {
    const PerplexityOptions o = parse_ok(json::object());
    EXPECT_EQ(o.model, "sonar-deep-research");
    EXPECT_EQ(o.mode, Mode::async);
    EXPECT_EQ(o.base_url, "https://api.perplexity.ai");
    EXPECT_EQ(o.api_key, "pplx-env");
    EXPECT_FALSE(o.depth);
}

TEST(PerplexityOptions, OtherModelsDefaultToSync) {
    EXPECT_EQ(parse_ok({{"model", "sonar"}}).mode, Mode::sync);
    EXPECT_EQ(parse_ok({{"model", "sonar-pro"}, {"mode", "stream"}}).mode, Mode::stream);
}

TEST(PerplexityOptions, ConfiguredKeyWinsOverTheEnvironment) {
    EXPECT_EQ(parse_ok({{"api_key", "pplx-config"}}).api_key, "pplx-config");
}

TEST(PerplexityOptions, MissingKeySaysHowToSetIt) {
    const ToolError e = parse_error(json::object(), env_with_key(std::nullopt));
    EXPECT_EQ(e.kind, ErrorKind::fatal);
    EXPECT_NE(e.message.find("set PPLX_API_KEY or api_key: ${env:PPLX_API_KEY}"), std::string::npos) << e.message;
    EXPECT_EQ(parse_error(json::object(), env_with_key("")).kind, ErrorKind::fatal);
}

TEST(PerplexityOptions, UnknownKeysAreAllNamed) {
    const ToolError e = parse_error({{"modle", "sonar"}, {"reasoning", "high"}});
    EXPECT_EQ(e.kind, ErrorKind::fatal);
    EXPECT_NE(e.message.find("modle"), std::string::npos) << e.message;
    EXPECT_NE(e.message.find("reasoning"), std::string::npos) << e.message;
}

TEST(PerplexityOptions, BadValuesNameTheKey) {
    EXPECT_NE(parse_error({{"model", "gpt-4o"}}).message.find("'model'"), std::string::npos);
    EXPECT_NE(parse_error({{"depth", "deep"}}).message.find("'depth'"), std::string::npos);
    EXPECT_NE(parse_error({{"mode", "batch"}}).message.find("'mode'"), std::string::npos);
    EXPECT_NE(parse_error({{"temperature", 2}}).message.find("'temperature'"), std::string::npos);
    EXPECT_NE(parse_error({{"max_tokens", 0}}).message.find("'max_tokens'"), std::string::npos);
    EXPECT_NE(parse_error({{"poll_interval_s", -1}}).message.find("'poll_interval_s'"), std::string::npos);
    EXPECT_NE(parse_error({{"base_url", "api.perplexity.ai"}}).message.find("'base_url'"), std::string::npos);
    EXPECT_EQ(parse_error(json::array()).kind, ErrorKind::fatal);
}

TEST(PerplexityOptions, BaseUrlLosesTrailingSlashes) {
    EXPECT_EQ(parse_ok({{"base_url", "http://127.0.0.1:9/gw//"}}).base_url, "http://127.0.0.1:9/gw");
}

TEST(PerplexityOptions, LongCallsGetALongTimeoutUnlessSet) {
    EXPECT_EQ(parse_ok({{"mode", "sync"}}).request_timeout_s, 900);  // sync deep research: minutes
    EXPECT_EQ(parse_ok(json::object()).request_timeout_s, 120);      // async: each exchange is short
    EXPECT_EQ(parse_ok({{"model", "sonar"}}).request_timeout_s, 120);
    EXPECT_EQ(parse_ok({{"mode", "sync"}, {"request_timeout_s", 5}}).request_timeout_s, 5);
}

TEST(PerplexityPricing, DeepResearchPaysTokensAndSearchesButNoRequestFee) {
    const Pricing p = pricing_for("sonar-deep-research", Depth::high);
    EXPECT_FALSE(p.free);
    EXPECT_EQ(p.input_per_mtok, 2);
    EXPECT_EQ(p.output_per_mtok, 8);
    EXPECT_EQ(p.citation_per_mtok, 2);
    EXPECT_EQ(p.reasoning_per_mtok, 3);
    EXPECT_EQ(p.per_1k_searches, 5);
    EXPECT_EQ(p.per_request, 0);
}

TEST(PerplexityPricing, RequestFeeFollowsSearchContextSize) {
    EXPECT_DOUBLE_EQ(pricing_for("sonar", std::nullopt).per_request, 0.005);  // API default: low
    EXPECT_DOUBLE_EQ(pricing_for("sonar", Depth::medium).per_request, 0.008);
    EXPECT_DOUBLE_EQ(pricing_for("sonar", Depth::high).per_request, 0.012);
    EXPECT_DOUBLE_EQ(pricing_for("sonar-pro", Depth::low).per_request, 0.006);
    EXPECT_DOUBLE_EQ(pricing_for("sonar-reasoning-pro", Depth::high).per_request, 0.014);
    EXPECT_EQ(pricing_for("sonar-pro", Depth::low).output_per_mtok, 15);
    EXPECT_EQ(pricing_for("sonar-reasoning-pro", Depth::low).output_per_mtok, 8);
}

TEST(PerplexityPricing, DocsExampleCostIsReproduced) {
    // API-NOTES A8: sonar, 9 prompt + 384 completion tokens, low context: $0.005393.
    const Pricing p = pricing_for("sonar", Depth::low);
    const double cost = 9 * p.input_per_mtok / 1e6 + 384 * p.output_per_mtok / 1e6 + p.per_request;
    EXPECT_NEAR(cost, 0.005393, 1e-9);
}

}  // namespace
}  // namespace evalpanel::plugins::perplexity
