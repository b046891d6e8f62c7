// The SDK's server-sent-events parser: any bytes are parsed without a crash, and the events do not
// depend on how the stream was cut into chunks (whole, byte by byte, or split at a point the input
// chooses) — the network decides the chunks, not the server.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <evalpanel/http.hpp>

#include "fuzz_check.hpp"

namespace {

using Events = std::vector<std::pair<std::string, std::string>>;

Events parse_in_chunks(std::string_view stream, std::size_t chunk_size) {
    Events events;
    const auto on_event = [&events](const std::string& event, const std::string& data) { events.emplace_back(event, data); };
    evalpanel::http::SseParser parser;
    for (std::size_t at = 0; at < stream.size(); at += chunk_size) parser.feed(stream.substr(at, chunk_size), on_event);
    parser.finish(on_event);
    return events;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view stream(reinterpret_cast<const char*>(data), size);
    const Events whole = parse_in_chunks(stream, stream.size() + 1);
    FUZZ_CHECK(parse_in_chunks(stream, 1) == whole, "byte-by-byte feeding gives the same events as one chunk");
    const std::size_t split = size == 0 ? 1 : 1 + data[0] % size;  // chunk size chosen by the input
    FUZZ_CHECK(parse_in_chunks(stream, split) == whole, "any chunking gives the same events as one chunk");
    return 0;
}
