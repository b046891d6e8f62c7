// One case as a Perplexity chat request body (API-NOTES A2), and the async wrapper around it (A5).
#pragma once

#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include <evalpanel/tool.hpp>

#include "perplexity_options.hpp"

namespace evalpanel::plugins::perplexity {

// {model, messages, ...}: a system message from `system_prompt` and the suite prompt (when either is
// set), then the query as the one user message. `depth` becomes reasoning_effort (deep research only:
// the API ignores it elsewhere) and web_search_options.search_context_size (every model). A case
// without a query is bad_input.
std::variant<nlohmann::json, ToolError> build_chat_body(const PerplexityOptions& options, const Request& request,
                                                        bool stream);

// The key that makes a re-submitted async job the same job (API-NOTES C6, C11): the host's
// request.options["idempotency_key"] (one per run and case) when it gives one, else
// "evalpanel-<case id>-<16 hex digits of a hash of model, depth and query>", stable across runs.
std::string idempotency_key(const PerplexityOptions& options, const Request& request);

// {"request": body, "idempotency_key": key}
nlohmann::json async_create_body(nlohmann::json chat_body, const std::string& key);

}  // namespace evalpanel::plugins::perplexity
