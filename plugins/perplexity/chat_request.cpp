#include "chat_request.hpp"

#include <cstdint>
#include <cstdio>

namespace evalpanel::plugins::perplexity {
namespace {

// FNV-1a, 64 bits: stable across platforms and runs (std::hash is neither).
std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 14695981039346656037ull) {
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return hash;
}

// Keys travel in JSON and logs: keep them to letters, digits, '-', '_' and '.'.
std::string sanitised(std::string_view id) {
    std::string out;
    for (const char c : id) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                           c == '_' || c == '.';
        out.push_back(plain ? c : '_');
    }
    return out.substr(0, 64);
}

}  // namespace

std::variant<nlohmann::json, ToolError> build_chat_body(const PerplexityOptions& options, const Request& request,
                                                        bool stream) {
    if (request.query.empty())
        return ToolError{ErrorKind::bad_input, "case '" + request.case_id + "' has no query for perplexity", std::nullopt};

    std::string system = options.system_prompt;
    if (!request.prompt.empty()) system += (system.empty() ? "" : "\n\n") + request.prompt;

    nlohmann::json messages = nlohmann::json::array();
    if (!system.empty()) messages.push_back({{"role", "system"}, {"content", system}});
    messages.push_back({{"role", "user"}, {"content", request.query}});

    nlohmann::json body = {{"model", options.model}, {"messages", std::move(messages)}};
    if (options.depth) {
        const std::string depth(to_string(*options.depth));
        if (options.deep_research()) body["reasoning_effort"] = depth;
        body["web_search_options"] = {{"search_context_size", depth}};
    }
    if (options.max_tokens) body["max_tokens"] = *options.max_tokens;
    if (options.temperature) body["temperature"] = *options.temperature;
    if (stream) body["stream"] = true;
    return body;
}

std::string idempotency_key(const PerplexityOptions& options, const Request& request) {
    const auto given = request.options.find("idempotency_key");
    if (given != request.options.end() && given->is_string() && !given->get<std::string>().empty())
        return given->get<std::string>();
    std::uint64_t hash = fnv1a(options.model);
    hash = fnv1a("\x1f" + std::string(options.depth ? to_string(*options.depth) : "default") + "\x1f", hash);
    hash = fnv1a(request.query, hash);
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return "evalpanel-" + sanitised(request.case_id) + "-" + hex;
}

nlohmann::json async_create_body(nlohmann::json chat_body, const std::string& key) {
    return {{"request", std::move(chat_body)}, {"idempotency_key", key}};
}

}  // namespace evalpanel::plugins::perplexity
