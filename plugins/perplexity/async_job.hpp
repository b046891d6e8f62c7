// An async job object (API-NOTES A5), as the create and get endpoints answer it.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

#include <evalpanel/tool.hpp>

namespace evalpanel::plugins::perplexity {

struct Job {
    std::string id;
    std::string status;          // CREATED, IN_PROGRESS, COMPLETED, FAILED, or one not known yet
    nlohmann::json response;     // the chat completion when COMPLETED; null otherwise
    std::string error_message;   // when FAILED; may be empty
};

// A body that is not JSON is retryable (cut short, or a proxy's page); JSON without a string `id` and
// `status` is bad_input. `what` names the exchange for messages.
std::variant<Job, ToolError> read_job(std::string_view body, const std::string& what);

}  // namespace evalpanel::plugins::perplexity
