// A vision-language model behind an OpenAI-compatible chat server (llama.cpp's llama-server, vLLM,
// Ollama, or a hosted API) as an evalpanel Tool: one case = one POST {base_url}/chat/completions with the
// prompt and the image as a data URI.
//
// Thin by design (DESIGN.md "Plugin boundary"): no retries, waits or caching here; failures become
// ToolError kinds and the host decides what to do with them.
#pragma once

#include <memory>
#include <optional>

#include <evalpanel/http.hpp>
#include <evalpanel/tool.hpp>

#include "vision_options.hpp"

namespace evalpanel::plugins::openai_vision {

// local when the host of base_url is this machine (localhost, 127.0.0.0/8, ::1), else remote.
ToolKind kind_of(const std::string& base_url);

class VisionTool : public Tool {
public:
    VisionTool();
    ~VisionTool() override;
    VisionTool(const VisionTool&) = delete;
    VisionTool& operator=(const VisionTool&) = delete;

    // Before configure() the kind is local (the usual set-up: a server on this machine); after it, the
    // kind follows base_url.
    ToolInfo describe() const override;
    std::optional<ToolError> configure(const nlohmann::json& options) override;
    Outcome call(const Request& request) override;

private:
    Outcome ask(const Request& request);
    Outcome exchange(const http::Request& http_request);
    Outcome exchange_streaming(const http::Request& http_request);
    ToolError without_secret(ToolError error) const;

    VisionOptions options_;
    std::unique_ptr<http::Client> client_;
    bool ready_ = false;
};

}  // namespace evalpanel::plugins::openai_vision
