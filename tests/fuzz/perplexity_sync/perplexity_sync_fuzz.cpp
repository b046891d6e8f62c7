// Perplexity's synchronous answer body (API-NOTES A3): any bytes become a Response or a ToolError with a
// message, never an exception or a crash.
#include <cstdint>
#include <string_view>

#include "chat_response.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    const auto parsed = evalpanel::plugins::perplexity::parse_completion_body(body, "POST /chat/completions");
    if (const auto* error = std::get_if<evalpanel::ToolError>(&parsed))
        FUZZ_CHECK(!error->message.empty(), "a ToolError says what went wrong");
    return 0;
}
