// An OpenAI chat-completions answer -> evalpanel Response: the text (without a <think> block), usage,
// and llama-server's `timings` when present. Whole bodies and server-sent event streams alike.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include <evalpanel/tool.hpp>

namespace evalpanel::plugins::openai_vision {

struct ThinkSplit {
    std::string text;           // what is left, trimmed
    std::size_t think_chars = 0;  // size of the removed block, tags included
    bool think_closed = true;   // false when </think> never came (cut by max_tokens): all of it was thinking
};

// Removes the first <think>...</think> block. Without a closing tag, everything from <think> on goes.
ThinkSplit strip_think(std::string_view content);

// A complete (non-streaming) body with status 2xx.
Outcome read_chat_completion(std::string_view body);

// The events of a streamed answer, fed one by one; finish() once the stream has ended (on [DONE] or EOF).
// Text is the concatenation of choices[0].delta.content; usage comes from the last chunk that has it;
// an event carrying an "error" key makes the whole answer that error.
class StreamReader {
public:
    void on_event(const std::string& event, const std::string& data);
    Outcome finish() const;

private:
    std::string content_;
    std::string reasoning_;
    nlohmann::json usage_;
    nlohmann::json timings_;
    nlohmann::json meta_ = nlohmann::json::object();  // id, model, finish_reason
    std::optional<ToolError> error_;
    int chunks_ = 0;
    bool done_ = false;
};

}  // namespace evalpanel::plugins::openai_vision
