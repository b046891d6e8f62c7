// Perplexity's streamed answer (API-NOTES A6), read as the plugin reads it: SSE events into the
// StreamAssembler until it has finished or failed, then the assembled completion. Values or ToolErrors
// only; never an exception or a crash.
#include <cstdint>
#include <string>
#include <string_view>

#include <evalpanel/http.hpp>

#include "chat_response.hpp"
#include "fuzz_check.hpp"
#include "stream_assembler.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace pplx = evalpanel::plugins::perplexity;
    const std::string_view stream(reinterpret_cast<const char*>(data), size);
    evalpanel::http::SseParser parser;
    pplx::StreamAssembler assembler;
    const auto on_event = [&assembler](const std::string& event, const std::string& text) { assembler.on_event(event, text); };
    parser.feed(stream, on_event);
    parser.finish(on_event);
    if (assembler.error()) {
        FUZZ_CHECK(!assembler.error()->message.empty(), "a stream error says what went wrong");
        return 0;
    }
    if (assembler.chunks() == 0) return 0;  // the plugin reports "ended without a single chat chunk"
    const auto parsed = pplx::parse_completion(assembler.completion(), "POST /chat/completions (stream)");
    if (const auto* error = std::get_if<evalpanel::ToolError>(&parsed))
        FUZZ_CHECK(!error->message.empty(), "a ToolError says what went wrong");
    return 0;
}
