#include "stream_assembler.hpp"

#include "api_error.hpp"

namespace evalpanel::plugins::perplexity {
namespace {

using nlohmann::json;

std::string trimmed(const std::string& text) {
    const std::size_t start = text.find_first_not_of(" \t\r\n");
    if (start == std::string::npos) return "";
    return text.substr(start, text.find_last_not_of(" \t\r\n") - start + 1);
}

}  // namespace

void StreamAssembler::on_event(const std::string& event, const std::string& data) {
    if (finished_ || error_) return;
    const std::string payload = trimmed(data);
    if (payload == "[DONE]") {
        saw_done_ = true;
        finished_ = true;
        return;
    }
    if (event == "error") {
        const std::optional<std::string> message = api_error_message(payload);
        error_ = ToolError{ErrorKind::retryable,
                           "the stream reported an error: " + message.value_or(payload.substr(0, 300)), std::nullopt};
        return;
    }
    if (payload.empty()) return;  // a keep-alive with an empty data line
    const json chunk = json::parse(payload, nullptr, false);
    if (!chunk.is_object()) {
        error_ = ToolError{ErrorKind::retryable,
                           "stream chunk " + std::to_string(chunks_ + 1) + " is not a JSON object (cut short?)",
                           std::nullopt};
        return;
    }
    if (chunk.contains("error")) {
        const std::optional<std::string> message = api_error_message(payload);
        error_ = ToolError{ErrorKind::retryable, "the stream reported an error: " + message.value_or("(no message)"),
                           std::nullopt};
        return;
    }
    read_chunk(chunk);
}

void StreamAssembler::read_chunk(const json& chunk) {
    ++chunks_;
    for (const char* key : {"id", "model", "created"})
        if (chunk.contains(key) && !identity_.contains(key)) identity_[key] = chunk[key];
    if (chunk.contains("usage") && chunk["usage"].is_object()) usage_ = chunk["usage"];
    if (chunk.contains("citations") && chunk["citations"].is_array() && !chunk["citations"].empty())
        citations_ = chunk["citations"];
    if (chunk.contains("search_results") && chunk["search_results"].is_array() && !chunk["search_results"].empty())
        search_results_ = chunk["search_results"];

    const json choices = chunk.value("choices", json());
    if (choices.is_array() && !choices.empty() && choices.front().is_object()) {
        const json& choice = choices.front();
        const json delta = choice.value("delta", json());
        if (delta.is_object() && delta.contains("content") && delta["content"].is_string())
            text_ += delta["content"].get<std::string>();
        const json message = choice.value("message", json());
        if (message.is_object() && message.contains("content") && message["content"].is_string())
            last_message_ = message["content"].get<std::string>();
        if (choice.contains("finish_reason") && !choice["finish_reason"].is_null()) finish_reason_ = choice["finish_reason"];
    }

    const std::string object = chunk.value("object", json()).is_string() ? chunk["object"].get<std::string>() : "";
    const std::string type = chunk.value("type", json()).is_string() ? chunk["type"].get<std::string>() : "";
    if (object == "chat.completion.done" || type == "end_of_stream") finished_ = true;
}

json StreamAssembler::completion() const {
    json completion = identity_;
    completion["object"] = "chat.completion";
    if (!usage_.is_null()) completion["usage"] = usage_;
    if (!citations_.is_null()) completion["citations"] = citations_;
    if (!search_results_.is_null()) completion["search_results"] = search_results_;
    const std::string& content = text_.empty() ? last_message_ : text_;
    completion["choices"] = json::array(
        {{{"index", 0}, {"finish_reason", finish_reason_}, {"message", {{"role", "assistant"}, {"content", content}}}}});
    return completion;
}

}  // namespace evalpanel::plugins::perplexity
