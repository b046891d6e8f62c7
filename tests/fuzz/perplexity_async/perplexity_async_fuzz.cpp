// Perplexity's async job object (API-NOTES A5), read as the plugin's poll loop reads it: the job, then,
// when COMPLETED, the chat completion inside it. Values or ToolErrors only; never an exception or a crash.
#include <cstdint>
#include <string>
#include <string_view>

#include "async_job.hpp"
#include "chat_response.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace pplx = evalpanel::plugins::perplexity;
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    const auto job = pplx::read_job(body, "GET /async/chat/completions/ID");
    if (const auto* error = std::get_if<evalpanel::ToolError>(&job)) {
        FUZZ_CHECK(!error->message.empty(), "a ToolError says what went wrong");
        return 0;
    }
    const pplx::Job& read = std::get<pplx::Job>(job);
    if (read.status == "COMPLETED" && read.response.is_object()) {
        const auto parsed = pplx::parse_completion(read.response, "async job " + read.id);
        if (const auto* error = std::get_if<evalpanel::ToolError>(&parsed))
            FUZZ_CHECK(!error->message.empty(), "a ToolError says what went wrong");
    }
    return 0;
}
