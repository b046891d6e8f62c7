// Server-sent chat chunks (API-NOTES A6, C2, C12) put back together as one completion object that
// parse_completion reads like a synchronous answer.
//
// The text is delta.content concatenated, whatever the chunk's `object` is: full mode also repeats
// the aggregated message in every chunk, and adding that up would duplicate the answer. usage repeats
// with running counts, so the last one wins; citations and search_results come from the last chunk
// that carries them. The stream ends at `data: [DONE]` (deep research sends it), at a chunk whose
// object is chat.completion.done or whose type is end_of_stream, or at a clean end of the body (sonar
// sends no [DONE]).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <evalpanel/tool.hpp>

namespace evalpanel::plugins::perplexity {

class StreamAssembler {
public:
    // One SSE event (event name, data). After finished() or an error, further events are ignored.
    void on_event(const std::string& event, const std::string& data);

    bool finished() const { return finished_; }          // a terminal event was seen
    const std::optional<ToolError>& error() const { return error_; }
    int chunks() const { return chunks_; }                // JSON chunks read
    bool saw_done_marker() const { return saw_done_; }

    // {id, model, object, created, usage, citations, search_results, choices[{message, finish_reason}]}
    nlohmann::json completion() const;

private:
    void read_chunk(const nlohmann::json& chunk);

    std::string text_;             // delta.content, concatenated
    std::string last_message_;     // the newest aggregated message.content: used only if no delta came
    nlohmann::json identity_ = nlohmann::json::object();
    nlohmann::json usage_;
    nlohmann::json citations_;
    nlohmann::json search_results_;
    nlohmann::json finish_reason_;
    int chunks_ = 0;
    bool finished_ = false;
    bool saw_done_ = false;
    std::optional<ToolError> error_;
};

}  // namespace evalpanel::plugins::perplexity
