#include "async_job.hpp"

namespace evalpanel::plugins::perplexity {

using nlohmann::json;

std::variant<Job, ToolError> read_job(std::string_view body, const std::string& what) {
    const json parsed = json::parse(body, nullptr, false);
    if (parsed.is_discarded())
        return ToolError{ErrorKind::retryable, what + " answered a body that is not JSON (" + std::to_string(body.size()) +
                                                   " bytes, cut short or from a proxy)", std::nullopt};
    if (!parsed.is_object() || !parsed.contains("id") || !parsed["id"].is_string() || !parsed.contains("status") ||
        !parsed["status"].is_string())
        return ToolError{ErrorKind::bad_input, what + " answered JSON of the wrong shape: an async job needs a string `id` and `status`",
                         std::nullopt};
    Job job;
    job.id = parsed["id"].get<std::string>();
    job.status = parsed["status"].get<std::string>();
    job.response = parsed.value("response", json());
    const json message = parsed.value("error_message", json());
    if (message.is_string()) job.error_message = message.get<std::string>();
    return job;
}

}  // namespace evalpanel::plugins::perplexity
