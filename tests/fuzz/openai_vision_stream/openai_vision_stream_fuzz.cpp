// An OpenAI-compatible streamed answer (API-NOTES B3), read as the plugin reads it: SSE events into the
// StreamReader, then finish(). A Response or a ToolError with a message; never an exception or a crash.
#include <cstdint>
#include <string>
#include <string_view>

#include <evalpanel/http.hpp>

#include "chat_response.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view stream(reinterpret_cast<const char*>(data), size);
    evalpanel::http::SseParser parser;
    evalpanel::plugins::openai_vision::StreamReader reader;
    const auto on_event = [&reader](const std::string& event, const std::string& text) { reader.on_event(event, text); };
    parser.feed(stream, on_event);
    parser.finish(on_event);
    const evalpanel::Outcome outcome = reader.finish();
    if (const auto* error = std::get_if<evalpanel::ToolError>(&outcome))
        FUZZ_CHECK(!error->message.empty(), "a ToolError says what went wrong");
    return 0;
}
