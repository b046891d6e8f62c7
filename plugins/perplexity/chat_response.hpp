// A Perplexity chat completion (API-NOTES A3) as a Response: the answer with <think> removed, the
// citations in the API's 1-based order, usage and the reported cost.
#pragma once

#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

#include <evalpanel/tool.hpp>

namespace evalpanel::plugins::perplexity {

// From the body of a 2xx answer. A body that is not JSON (cut short, or a proxy's page) is retryable:
// the answer never arrived whole. JSON of the wrong shape is bad_input (see parse_completion).
std::variant<Response, ToolError> parse_completion_body(std::string_view body, std::string_view what);

// From a parsed completion object. Required: choices[0].message.content (a string, or a list of text
// parts). Missing or null optional fields (citations, search_results, every usage count, cost) are left
// absent. A completion of the wrong shape is bad_input, naming what was wrong: the answer was paid for,
// so a retry would pay again for the same shape; and it is one case, so the run goes on.
std::variant<Response, ToolError> parse_completion(const nlohmann::json& completion, std::string_view what);

// `citations` (URLs) in order, each with the title, date (else last_updated) and snippet of the
// search_result of the same URL; without `citations`, the search_results themselves in their order.
std::vector<Citation> read_citations(const nlohmann::json& completion);

// usage -> Usage (prompt/completion/reasoning/citation tokens, num_search_queries).
Usage read_usage(const nlohmann::json& usage);

// usage.cost.total_cost, when it is a number.
std::optional<double> read_reported_cost(const nlohmann::json& usage);

}  // namespace evalpanel::plugins::perplexity
