// What the frames of worker_protocol.hpp carry: the SDK's values (Request, Outcome, ToolInfo, ToolError)
// as JSON values, encoded as CBOR. CBOR keeps the JSON data model but carries strings as bytes: a
// plugin's answer that is not valid UTF-8 (an OCR engine's garbage, the echo test plugin answering with
// PNG bytes) crosses unchanged, where JSON text would have to refuse or rewrite it. A request's image
// is not in the header: it travels as the frame's binary part.
//
// Every decode_* throws ProtocolError with one sentence when the bytes are not what the message must be.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include <evalpanel/tool.hpp>

#include "worker/worker_protocol.hpp"

namespace evalpanel::worker {

class ProtocolError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A JSON value as a frame header, and back.
std::string encode_header(const nlohmann::json& value);
nlohmann::json decode_header(std::string_view header, std::string_view what);

// call: the header holds every Request field but the image, which is the frame's binary part.
std::string encode_request_header(const Request& request);
Request decode_request(Frame&& frame);

// answer
std::string encode_outcome(const Outcome& outcome);
Outcome decode_outcome(std::string_view header);

// described
std::string encode_tool_info(const ToolInfo& info);

// A price table as JSON: how it crosses the pipe, and how the runner stores a run's effective prices.
nlohmann::json pricing_json(const Pricing& p);
ToolInfo decode_tool_info(std::string_view header);

// hello: who the worker loaded
struct WorkerHello {
    std::string plugin_name;
    std::string plugin_version;
};
std::string encode_hello(const WorkerHello& hello);
WorkerHello decode_hello(std::string_view header);

// configured: success, the Tool's own rejection of its options, or a failure to create the Tool at all
// (the factory failed or configure() threw), which is already a sentence.
struct ConfigureResult {
    std::optional<ToolError> rejection;
    std::string failure;
    bool ok() const { return !rejection && failure.empty(); }
};
std::string encode_configure_result(const ConfigureResult& result);
ConfigureResult decode_configure_result(std::string_view header);

}  // namespace evalpanel::worker
