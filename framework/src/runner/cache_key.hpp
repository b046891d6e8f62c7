// The response cache's key: the tool's identity, its configuration without secrets, and the whole
// request, image bytes included. Two requests share an answer only if nothing the tool sees differs.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include <evalpanel/tool.hpp>

namespace evalpanel::runner {

// SHA-256 (hex) of a canonical JSON of: plugin name and version, the redacted plugin options, and the
// request's task, prompt, question, query, options (less the per-run idempotency key) and the SHA-256
// of the image bytes.
std::string cache_key(const std::string& plugin, const std::string& plugin_version,
                      const nlohmann::json& redacted_options, const Request& request);

// Whether a tool's answers may be reused by default: no sampling temperature above zero.
bool deterministic_by_default(const nlohmann::json& plugin_options);

}  // namespace evalpanel::runner
