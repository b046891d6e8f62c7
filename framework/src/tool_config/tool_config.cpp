#include "tool_config/tool_config.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "yaml_guard/yaml_limits.hpp"

namespace evalpanel::tool_config {

namespace fs = std::filesystem;

namespace {

std::string where(const fs::path& file, const YAML::Mark& mark) {
    return file.string() + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
}

[[noreturn]] void fail(const fs::path& file, const YAML::Node& node, const std::string& message) {
    throw ConfigError(where(file, node.Mark()) + ": " + message);
}

// Expands ${env:NAME}; the whole value or part of it. Returns whether anything was expanded.
bool expand_env(std::string& value, const fs::path& file, const YAML::Node& node) {
    static const std::regex pattern(R"(\$\{env:([A-Za-z_][A-Za-z0-9_]*)\})");
    std::string out;
    bool expanded = false;
    auto begin = value.cbegin();
    for (std::sregex_iterator it(value.begin(), value.end(), pattern), end; it != end; ++it) {
        const std::string name = (*it)[1];
        const char* env = std::getenv(name.c_str());
        if (env == nullptr) fail(file, node, "environment variable " + name + " is not set (used as ${env:" + name + "})");
        out.append(begin, value.cbegin() + it->position());
        out += env;
        begin = value.cbegin() + it->position() + it->length();
        expanded = true;
    }
    out.append(begin, value.cend());
    value = out;
    return expanded;
}

// YAML scalars carry no type: a plain scalar that reads as bool, integer or number becomes one; a quoted
// one stays a string.
nlohmann::json scalar_to_json(const YAML::Node& node, const fs::path& file, bool& from_env) {
    std::string text = node.Scalar();
    from_env = expand_env(text, file, node) || from_env;
    if (node.Tag() == "!") return text;  // quoted
    if (text == "true" || text == "yes") return true;
    if (text == "false" || text == "no") return false;
    if (text == "null" || text == "~") return nullptr;
    if (!text.empty()) {
        char* end = nullptr;
        const long long i = std::strtoll(text.c_str(), &end, 10);
        if (*end == '\0') return i;
        const double d = std::strtod(text.c_str(), &end);
        if (*end == '\0') return d;
    }
    return text;
}

nlohmann::json to_json(const YAML::Node& node, const fs::path& file, bool& from_env) {
    switch (node.Type()) {
        case YAML::NodeType::Scalar: return scalar_to_json(node, file, from_env);
        case YAML::NodeType::Sequence: {
            nlohmann::json array = nlohmann::json::array();
            for (const auto& item : node) array.push_back(to_json(item, file, from_env));
            return array;
        }
        case YAML::NodeType::Map: {
            nlohmann::json object = nlohmann::json::object();
            for (const auto& kv : node) object[kv.first.Scalar()] = to_json(kv.second, file, from_env);
            return object;
        }
        default: return nullptr;
    }
}

double number(const YAML::Node& node, const fs::path& file, const std::string& key, double min) {
    try {
        const double value = node.as<double>();
        if (value < min) fail(file, node, "'" + key + "' must be at least " + std::to_string(min));
        return value;
    } catch (const YAML::BadConversion&) {
        fail(file, node, "'" + key + "' must be a number, got '" + node.Scalar() + "'");
    }
}

ToolConfig parse_tool(const std::string& name, const YAML::Node& node, const fs::path& file) {
    if (!node.IsMap()) fail(file, node, "tool '" + name + "' must be a map of settings");
    ToolConfig tool;
    tool.name = name;
    tool.source = where(file, node.Mark());
    for (const auto& kv : node) {
        const std::string key = kv.first.Scalar();
        const YAML::Node& value = kv.second;
        if (key == "plugin") {
            if (!value.IsScalar()) fail(file, value, "'plugin' must be a plugin name");
            tool.plugin = value.Scalar();
        } else if (key == "concurrency") {
            tool.host.concurrency = static_cast<int>(number(value, file, key, 1));
        } else if (key == "requests_per_minute") {
            tool.host.requests_per_minute = number(value, file, key, 0);
        } else if (key == "timeout_s") {
            tool.host.timeout_s = number(value, file, key, 0.001);
        } else if (key == "retries") {
            tool.host.retries = static_cast<int>(number(value, file, key, 0));
        } else if (key == "cache") {
            if (value.Scalar() != "true" && value.Scalar() != "false") fail(file, value, "'cache' must be true or false");
            tool.host.cache = value.Scalar() == "true";
        } else if (key == "pricing") {
            if (!value.IsMap()) fail(file, value, "'pricing' must be a map of prices");
            static const std::vector<std::string> prices = {"free", "input_per_mtok", "output_per_mtok",
                                                            "reasoning_per_mtok", "citation_per_mtok",
                                                            "per_request", "per_1k_searches"};
            for (const auto& price : value) {
                const std::string price_name = price.first.Scalar();
                if (std::find(prices.begin(), prices.end(), price_name) == prices.end()) {
                    fail(file, price.first, "unknown price '" + price_name + "' (known: free, input_per_mtok, output_per_mtok, "
                                            "reasoning_per_mtok, citation_per_mtok, per_request, per_1k_searches)");
                }
                if (price_name == "free") {
                    if (price.second.Scalar() != "true" && price.second.Scalar() != "false") {
                        fail(file, price.second, "'free' must be true or false");
                    }
                } else {
                    number(price.second, file, price_name, 0);
                }
            }
            bool ignored = false;
            tool.host.pricing = to_json(value, file, ignored);
        } else {
            bool from_env = false;
            tool.plugin_options[key] = to_json(value, file, from_env);
            if (from_env) tool.secret_keys.push_back(key);
        }
    }
    if (tool.plugin.empty()) fail(file, node, "tool '" + name + "' has no 'plugin' key");
    return tool;
}

bool looks_secret(std::string key) {
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const char* word : {"key", "token", "secret", "password", "authorization"}) {
        if (key.find(word) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

const ToolConfig& ToolsConfig::get(const std::string& name) const {
    if (auto it = tools.find(name); it != tools.end()) return it->second;
    std::string known;
    for (const auto& [n, t] : tools) known += (known.empty() ? "" : ", ") + n;
    throw ConfigError("no tool named '" + name + "'" + (file.empty() ? "" : " in " + file.string()) +
                      " (known: " + known + ")");
}

ToolsConfig builtin_tools() {
    ToolsConfig config;
    ToolConfig tesseract;
    tesseract.name = "tesseract";
    tesseract.plugin = "tesseract_ocr";
    // debug_file: Tesseract prints "Estimating resolution as N" for every image; a quickstart should show
    // progress, not that. (A process-wide Tesseract setting: every in-process tesseract tool shares it.)
    tesseract.plugin_options = {{"lang", "eng"}, {"psm", 3}, {"variables", {{"debug_file", "/dev/null"}}}};
    tesseract.host.concurrency = 2;
    tesseract.host.retries = 0;  // a local engine does not fail transiently
    tesseract.source = "built-in";
    config.tools.emplace(tesseract.name, tesseract);
    return config;
}

ToolsConfig load_tools_config(const std::optional<fs::path>& explicit_file) {
    ToolsConfig config = builtin_tools();
    fs::path file;
    if (explicit_file) {
        file = *explicit_file;
        if (!fs::exists(file)) throw ConfigError(file.string() + ": no such tools config file");
    } else if (fs::exists("evalpanel.yaml")) {
        file = "evalpanel.yaml";
    } else {
        return config;
    }
    config.file = file;
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ConfigError(file.string() + ": cannot read the tools config file");
    std::stringstream text;
    text << in.rdbuf();
    YAML::Node root;
    try {
        yaml_guard::LimitedYaml loaded = yaml_guard::load_yaml_within_limits(text.str());
        if (loaded.violation) throw ConfigError(loaded.violation->located_in(file.string()));
        root = std::move(loaded.root);
    } catch (const YAML::ParserException& e) {
        throw ConfigError(where(file, e.mark) + ": " + e.msg);
    } catch (const YAML::Exception& e) {
        throw ConfigError(file.string() + ": " + e.what());
    }
    if (!root || root.IsNull()) return config;
    if (!root.IsMap()) fail(file, root, "a tools config is a map with the key 'tools'");
    for (const auto& kv : root) {
        if (kv.first.Scalar() != "tools") fail(file, kv.first, "unknown key '" + kv.first.Scalar() + "' (expected 'tools')");
    }
    const YAML::Node tools = root["tools"];
    if (!tools.IsMap()) fail(file, tools, "'tools' must be a map of tool name to settings");
    for (const auto& kv : tools) {
        ToolConfig tool = parse_tool(kv.first.Scalar(), kv.second, file);
        config.tools.insert_or_assign(tool.name, std::move(tool));
    }
    return config;
}

nlohmann::json effective_pricing(const ToolConfig& tool, const nlohmann::json& plugin_pricing) {
    nlohmann::json prices = plugin_pricing.is_object() ? plugin_pricing : nlohmann::json::object();
    if (!tool.host.pricing.is_object()) return prices;
    bool any_price = false;
    for (const auto& [name, value] : tool.host.pricing.items()) {
        prices[name] = value;
        if (name != "free" && value.is_number() && value.get<double>() > 0) any_price = true;
    }
    if (any_price && !tool.host.pricing.contains("free")) prices["free"] = false;
    return prices;
}

nlohmann::json redacted(const ToolConfig& tool) {
    nlohmann::json options = tool.plugin_options;
    for (auto& [key, value] : options.items()) {
        const bool from_env = std::find(tool.secret_keys.begin(), tool.secret_keys.end(), key) != tool.secret_keys.end();
        if (from_env || looks_secret(key)) value = "<redacted>";
    }
    return {{"plugin", tool.plugin},
            {"options", options},
            {"concurrency", tool.host.concurrency},
            {"requests_per_minute", tool.host.requests_per_minute},
            {"timeout_s", tool.host.timeout_s ? nlohmann::json(*tool.host.timeout_s) : nlohmann::json(nullptr)},
            {"retries", tool.host.retries},
            {"pricing", tool.host.pricing}};
}

}  // namespace evalpanel::tool_config
