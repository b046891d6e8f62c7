// Perplexity's Sonar API (API-NOTES Part A) as an evalpanel Tool: one case is one chat request, sent
// synchronously, as an async job (submit, poll, read), or as a stream.
//
// The plugin does no retries, backoff or rate limiting (the host does). The one wait it does is the
// async job's poll interval: the job lifecycle is the protocol itself — the answer does not exist
// until the job is COMPLETED — so waiting between polls is part of making the one call, not a retry.
// A failure while polling ends the call with a transient error; the host's retry submits again with the
// same idempotency key, gets the same job back, and goes on polling it: nothing is paid twice.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <evalpanel/http.hpp>
#include <evalpanel/tool.hpp>

#include "perplexity_options.hpp"

namespace evalpanel::plugins::perplexity {

inline constexpr const char* kPluginName = "perplexity";
inline constexpr const char* kPluginVersion = "0.1.0";

class PerplexityTool : public Tool {
public:
    explicit PerplexityTool(EnvLookup env = process_environment());

    ToolInfo describe() const override;
    std::optional<ToolError> configure(const nlohmann::json& options) override;
    Outcome call(const Request& request) override;

    const PerplexityOptions& options() const { return options_; }

private:
    Outcome call_sync(const nlohmann::json& body);
    Outcome call_async(const nlohmann::json& body, const std::string& key);
    Outcome call_stream(const nlohmann::json& body);

    http::Request make_request(const std::string& method, const std::string& path, std::string body,
                               bool event_stream = false) const;
    // A transport failure of a call that may have been billed: a timed-out synchronous deep-research
    // call is not retried (API-NOTES C7).
    ToolError transport_failure(const http::TransportError& error) const;

    EnvLookup env_;
    PerplexityOptions options_;
    bool configured_ = false;
    http::Client client_;
};

}  // namespace evalpanel::plugins::perplexity
