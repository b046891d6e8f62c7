// ToolConfig: the tools a user can select with --tool, from evalpanel.yaml (DESIGN.md "Tools config").
// The host owns a fixed set of keys (scheduling, pricing); every other key goes to the plugin's configure().
#pragma once

#include <filesystem>
#include <map>
#include <vector>
#include <optional>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace evalpanel::tool_config {

// Settings the host applies to every tool, whatever its plugin.
struct HostSettings {
    int concurrency = 1;              // tool instances run side by side
    double requests_per_minute = 0;   // 0 = unlimited
    // Per case. Unset: 120 s for a local tool, 1,800 s for a remote one (a deep-research job takes minutes).
    std::optional<double> timeout_s;
    int retries = 2;                  // extra attempts for retryable errors
    nlohmann::json pricing;           // overrides the plugin's pricing table (object or null)
    std::optional<bool> cache;        // reuse stored answers; unset = yes unless temperature > 0
};

struct ToolConfig {
    std::string name;                 // what --tool selects
    std::string plugin;               // plugin name
    nlohmann::json plugin_options = nlohmann::json::object();  // keys the host does not own, ${env:..} expanded
    nlohmann::json secret_keys = nlohmann::json::array();      // option keys whose values came from ${env:..}
    HostSettings host;
    std::string source;               // "built-in" or "file:line"
};

class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ToolsConfig {
    std::map<std::string, ToolConfig> tools;
    std::filesystem::path file;       // empty when only the built-in defaults apply

    const ToolConfig& get(const std::string& name) const;  // throws ConfigError naming the known tools
};

// The built-in tools: `tesseract` (plugin tesseract_ocr), so the quickstart needs no file.
ToolsConfig builtin_tools();

// Loads `explicit_file` if given (it must exist), else ./evalpanel.yaml if it exists, else the built-ins.
// Tools in a file are added to the built-ins and replace one of the same name. Throws ConfigError with
// file:line:column for YAML errors, unknown host keys of the wrong type, a missing plugin key, and
// ${env:NAME} naming an unset variable.
ToolsConfig load_tools_config(const std::optional<std::filesystem::path>& explicit_file);

// The prices a run of this tool is charged at: the plugin's table, with each price the tools config names
// replacing the plugin's. Naming any price above zero makes the tool paid unless `free` is given.
nlohmann::json effective_pricing(const ToolConfig& tool, const nlohmann::json& plugin_pricing);

// The tool's configuration as it may be stored and reported: values that came from ${env:...}, and any
// key that looks like a secret (api_key, token, secret, password), replaced by "<redacted>".
nlohmann::json redacted(const ToolConfig& tool);

}  // namespace evalpanel::tool_config
