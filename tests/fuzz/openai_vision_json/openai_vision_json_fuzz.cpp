// An OpenAI-compatible chat completion body (API-NOTES B2): any bytes become a Response or a ToolError
// with a message, never an exception or a crash.
#include <cstdint>
#include <string_view>

#include "chat_response.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    const evalpanel::Outcome outcome = evalpanel::plugins::openai_vision::read_chat_completion(body);
    if (const auto* error = std::get_if<evalpanel::ToolError>(&outcome))
        FUZZ_CHECK(!error->message.empty(), "a ToolError says what went wrong");
    return 0;
}
