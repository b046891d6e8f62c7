#include "chat_response.hpp"

#include "server_error.hpp"

namespace evalpanel::plugins::openai_vision {
namespace {

constexpr std::string_view kOpen = "<think>";
constexpr std::string_view kClose = "</think>";

ToolError failure(ErrorKind kind, std::string message) { return ToolError{kind, std::move(message), std::nullopt}; }

std::string trim(std::string_view text) {
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) return "";
    const auto end = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(begin, end - begin + 1));
}

std::optional<std::int64_t> count(const nlohmann::json& object, const char* key) {
    if (!object.is_object()) return std::nullopt;
    const auto found = object.find(key);
    if (found == object.end() || !found->is_number_integer()) return std::nullopt;
    return found->get<std::int64_t>();
}

Usage read_usage(const nlohmann::json& usage) {
    Usage out;
    out.input_tokens = count(usage, "prompt_tokens");
    out.output_tokens = count(usage, "completion_tokens");
    if (usage.is_object() && usage.contains("completion_tokens_details"))
        out.reasoning_tokens = count(usage["completion_tokens_details"], "reasoning_tokens");
    return out;
}

// The speed figures worth keeping from llama-server's timings; other servers send none.
nlohmann::json read_timings(const nlohmann::json& timings) {
    nlohmann::json kept = nlohmann::json::object();
    if (!timings.is_object()) return kept;
    for (const char* key : {"prompt_per_second", "predicted_per_second", "prompt_n", "predicted_n", "prompt_ms",
                            "predicted_ms", "cache_n"})
        if (timings.contains(key) && timings[key].is_number()) kept[key] = timings[key];
    return kept;
}

// The shared last step of both forms: text, usage and raw from the parts of an answer.
Response build(std::string_view content, std::string_view reasoning, const nlohmann::json& usage,
               const nlohmann::json& timings, nlohmann::json raw) {
    Response response;
    const ThinkSplit split = strip_think(content);
    response.text = split.text;
    response.usage = read_usage(usage);
    if (split.think_chars > 0) {
        raw["think_chars"] = split.think_chars;
        if (!split.think_closed) raw["think_truncated"] = true;
    }
    if (!reasoning.empty()) raw["reasoning_chars"] = reasoning.size();
    if (usage.is_object()) raw["usage"] = usage;
    const nlohmann::json kept = read_timings(timings);
    if (!kept.empty()) raw["timings"] = kept;
    response.raw = std::move(raw);
    return response;
}

void copy_string(const nlohmann::json& from, const char* key, nlohmann::json& to) {
    if (from.is_object() && from.contains(key) && from[key].is_string()) to[key] = from[key];
}

std::string excerpt(std::string_view body) {
    std::string text(body.substr(0, 80));
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    return "'" + text + (body.size() > 80 ? "...'" : "'");
}

}  // namespace

ThinkSplit strip_think(std::string_view content) {
    ThinkSplit split;
    const std::size_t open = content.find(kOpen);
    if (open == std::string_view::npos) {
        split.text = trim(content);
        return split;
    }
    const std::size_t close = content.find(kClose, open + kOpen.size());
    if (close == std::string_view::npos) {
        split.think_closed = false;
        split.think_chars = content.size() - open;
        split.text = trim(content.substr(0, open));
        return split;
    }
    const std::size_t end = close + kClose.size();
    split.think_chars = end - open;
    split.text = trim(std::string(content.substr(0, open)) + std::string(content.substr(end)));
    return split;
}

Outcome read_chat_completion(std::string_view body) {
    const nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
    if (parsed.is_discarded())
        return failure(ErrorKind::retryable, "the server's answer is not valid JSON (" + std::to_string(body.size()) +
                                                 " bytes, starting " + excerpt(body) + ")");
    if (parsed.is_object() && parsed.contains("error"))
        return classify_server_error(read_error_object(0, parsed["error"]), std::nullopt, "the server");
    if (!parsed.is_object() || !parsed.contains("choices") || !parsed["choices"].is_array() || parsed["choices"].empty())
        return failure(ErrorKind::fatal,
                       "the server's answer has no choices[0] (is base_url an OpenAI-compatible chat API?): starting " +
                           excerpt(body));
    const nlohmann::json& choice = parsed["choices"][0];
    if (!choice.is_object() || !choice.contains("message") || !choice["message"].is_object())
        return failure(ErrorKind::fatal, "the server's answer has no choices[0].message object");
    const nlohmann::json& message = choice["message"];
    const auto content = message.find("content");
    // null content is what a reasoning model that spent every token thinking returns: an empty answer.
    if (content != message.end() && !content->is_string() && !content->is_null())
        return failure(ErrorKind::fatal, "the server's choices[0].message.content is not a string");
    const std::string text = content != message.end() && content->is_string() ? content->get<std::string>() : "";
    const std::string reasoning =
        message.contains("reasoning_content") && message["reasoning_content"].is_string()
            ? message["reasoning_content"].get<std::string>()
            : "";

    nlohmann::json raw = nlohmann::json::object();
    copy_string(parsed, "id", raw);
    copy_string(parsed, "model", raw);
    copy_string(parsed, "system_fingerprint", raw);
    copy_string(choice, "finish_reason", raw);
    raw["streamed"] = false;
    return build(text, reasoning, parsed.value("usage", nlohmann::json()), parsed.value("timings", nlohmann::json()),
                 std::move(raw));
}

void StreamReader::on_event(const std::string& /*event*/, const std::string& data) {
    if (error_ || done_) return;
    if (data == "[DONE]") {
        done_ = true;
        return;
    }
    const nlohmann::json chunk = nlohmann::json::parse(data, nullptr, false);
    if (chunk.is_discarded() || !chunk.is_object()) {
        error_ = failure(ErrorKind::retryable, "the server sent a stream event that is not a JSON object: " + excerpt(data));
        return;
    }
    if (chunk.contains("error")) {
        ToolError mapped = classify_server_error(read_error_object(0, chunk["error"]), std::nullopt, "the server");
        mapped.message = "error inside the stream: " + mapped.message;
        error_ = std::move(mapped);
        return;
    }
    ++chunks_;
    copy_string(chunk, "id", meta_);
    copy_string(chunk, "model", meta_);
    copy_string(chunk, "system_fingerprint", meta_);
    if (chunk.contains("usage") && chunk["usage"].is_object()) usage_ = chunk["usage"];
    if (chunk.contains("timings") && chunk["timings"].is_object()) timings_ = chunk["timings"];
    if (!chunk.contains("choices") || !chunk["choices"].is_array() || chunk["choices"].empty()) return;
    const nlohmann::json& choice = chunk["choices"][0];
    if (!choice.is_object()) return;
    copy_string(choice, "finish_reason", meta_);
    if (!choice.contains("delta") || !choice["delta"].is_object()) return;
    const nlohmann::json& delta = choice["delta"];
    // Only deltas: servers that also repeat an aggregated message would otherwise duplicate the text.
    if (delta.contains("content") && delta["content"].is_string()) content_ += delta["content"].get<std::string>();
    if (delta.contains("reasoning_content") && delta["reasoning_content"].is_string())
        reasoning_ += delta["reasoning_content"].get<std::string>();
}

Outcome StreamReader::finish() const {
    if (error_) return *error_;
    if (chunks_ == 0)
        return failure(ErrorKind::retryable, "the server's stream ended without a single chunk");
    nlohmann::json raw = meta_;
    raw["streamed"] = true;
    if (!done_) raw["stream_ended_without_done"] = true;
    return build(content_, reasoning_, usage_, timings_, std::move(raw));
}

}  // namespace evalpanel::plugins::openai_vision
