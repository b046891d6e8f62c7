#include "perplexity_options.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace evalpanel::plugins::perplexity {
namespace {

// A synchronous or streamed deep-research answer takes minutes (API-NOTES A7: the official SDK waits
// 15 minutes); every other exchange (sonar answers, async submit and poll) takes seconds.
constexpr double kLongCallTimeoutS = 900;

ToolError fatal(std::string message) { return ToolError{ErrorKind::fatal, std::move(message), std::nullopt}; }

std::string type_name(const nlohmann::json& value) {
    if (value.is_number_float()) return "a fractional number";
    if (value.is_number()) return "an integer";
    if (value.is_string()) return "a string";
    if (value.is_boolean()) return "a boolean";
    if (value.is_null()) return "null";
    if (value.is_array()) return "a list";
    return "a map";
}

std::string joined(const std::vector<std::string>& names) {
    std::string list;
    for (const std::string& name : names) list += (list.empty() ? "" : ", ") + name;
    return list;
}

std::string option(std::string_view key) { return "perplexity option '" + std::string(key) + "'"; }

std::optional<ToolError> read_string(const nlohmann::json& value, std::string_view key, std::string& out) {
    if (!value.is_string() || value.get<std::string>().empty())
        return fatal(option(key) + " must be a non-empty string, got " +
                     (value.is_string() ? "an empty string" : type_name(value)));
    out = value.get<std::string>();
    return std::nullopt;
}

std::optional<ToolError> read_choice(const nlohmann::json& value, std::string_view key,
                                     const std::vector<std::string>& choices, std::string& out) {
    if (!value.is_string() || std::find(choices.begin(), choices.end(), value.get<std::string>()) == choices.end())
        return fatal(option(key) + " must be one of " + joined(choices) + ", got " +
                     (value.is_string() ? "'" + value.get<std::string>() + "'" : type_name(value)));
    out = value.get<std::string>();
    return std::nullopt;
}

std::optional<ToolError> read_seconds(const nlohmann::json& value, std::string_view key, double& out) {
    if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() <= 0)
        return fatal(option(key) + " must be a number of seconds greater than 0, got " +
                     (value.is_number() ? value.dump() : type_name(value)));
    out = value.get<double>();
    return std::nullopt;
}

std::optional<ToolError> read_base_url(const nlohmann::json& value, std::string& out) {
    if (auto error = read_string(value, "base_url", out)) return error;
    if (out.rfind("http://", 0) != 0 && out.rfind("https://", 0) != 0)
        return fatal(option("base_url") + " must start with http:// or https://, got '" + out + "'");
    while (out.size() > 1 && out.back() == '/') out.pop_back();
    return std::nullopt;
}

// Which keys were set, so defaults that depend on the model and mode are filled in afterwards.
struct Given {
    bool mode = false;
    bool request_timeout = false;
};

std::optional<ToolError> read_option(const std::string& key, const nlohmann::json& value, PerplexityOptions& out,
                                     Given& given) {
    if (key == "api_key") return read_string(value, key, out.api_key);
    if (key == "base_url") return read_base_url(value, out.base_url);
    if (key == "model") return read_choice(value, key, known_models(), out.model);
    if (key == "mode") {
        std::string name;
        if (auto error = read_choice(value, key, {"sync", "async", "stream"}, name)) return error;
        out.mode = name == "sync" ? Mode::sync : name == "async" ? Mode::async : Mode::stream;
        given.mode = true;
        return std::nullopt;
    }
    if (key == "depth") {
        std::string name;
        if (auto error = read_choice(value, key, {"low", "medium", "high"}, name)) return error;
        out.depth = name == "low" ? Depth::low : name == "medium" ? Depth::medium : Depth::high;
        return std::nullopt;
    }
    if (key == "max_tokens") {
        if (!value.is_number_integer() || value.get<long long>() < 1 || value.get<long long>() > 1'000'000)
            return fatal(option(key) + " must be an integer in [1, 1000000], got " +
                         (value.is_number() ? value.dump() : type_name(value)));
        out.max_tokens = value.get<int>();
        return std::nullopt;
    }
    if (key == "temperature") {
        // The API's range (API-NOTES A2): 0 <= x < 2.
        if (!value.is_number() || value.get<double>() < 0 || value.get<double>() >= 2)
            return fatal(option(key) + " must be a number in [0, 2), got " +
                         (value.is_number() ? value.dump() : type_name(value)));
        out.temperature = value.get<double>();
        return std::nullopt;
    }
    if (key == "system_prompt") return read_string(value, key, out.system_prompt);
    if (key == "poll_interval_s") return read_seconds(value, key, out.poll_interval_s);
    if (key == "request_timeout_s") {
        given.request_timeout = true;
        return read_seconds(value, key, out.request_timeout_s);
    }
    if (key == "async_deadline_s") return read_seconds(value, key, out.async_deadline_s);
    return std::nullopt;  // unknown keys are collected by the caller
}

}  // namespace

std::string_view to_string(Mode mode) {
    switch (mode) {
        case Mode::sync: return "sync";
        case Mode::async: return "async";
        case Mode::stream: return "stream";
    }
    return "?";
}

std::string_view to_string(Depth depth) {
    switch (depth) {
        case Depth::low: return "low";
        case Depth::medium: return "medium";
        case Depth::high: return "high";
    }
    return "?";
}

const std::vector<std::string>& known_option_names() {
    static const std::vector<std::string> names{"api_key",     "base_url",      "model",           "mode",
                                                "depth",       "max_tokens",    "temperature",     "system_prompt",
                                                "poll_interval_s", "request_timeout_s", "async_deadline_s"};
    return names;
}

const std::vector<std::string>& known_models() {
    static const std::vector<std::string> models{"sonar", "sonar-pro", "sonar-reasoning-pro", std::string(kDeepResearch)};
    return models;
}

EnvLookup process_environment() {
    return [](const char* name) -> std::optional<std::string> {
        const char* value = std::getenv(name);
        if (value == nullptr) return std::nullopt;
        return std::string(value);
    };
}

std::variant<PerplexityOptions, ToolError> parse_options(const nlohmann::json& options, const EnvLookup& env) {
    PerplexityOptions parsed;
    Given given;
    if (!options.is_null() && !options.is_object())
        return fatal("perplexity options must be a map, got " + type_name(options));
    if (options.is_object()) {
        std::vector<std::string> unknown;
        for (const auto& [key, value] : options.items()) {
            const auto& known = known_option_names();
            if (std::find(known.begin(), known.end(), key) == known.end()) unknown.push_back(key);
        }
        if (!unknown.empty())
            return fatal("unknown option" + std::string(unknown.size() > 1 ? "s " : " ") + joined(unknown) +
                         " for perplexity (known: " + joined(known_option_names()) + ")");
        for (const auto& [key, value] : options.items())
            if (auto error = read_option(key, value, parsed, given)) return *error;
    }
    if (parsed.api_key.empty()) {
        const std::optional<std::string> from_env = env ? env("PPLX_API_KEY") : std::nullopt;
        if (!from_env || from_env->empty())
            return fatal("perplexity has no API key: set PPLX_API_KEY or api_key: ${env:PPLX_API_KEY}");
        parsed.api_key = *from_env;
    }
    if (!given.mode) parsed.mode = parsed.deep_research() ? Mode::async : Mode::sync;
    if (!given.request_timeout && parsed.deep_research() && parsed.mode != Mode::async)
        parsed.request_timeout_s = kLongCallTimeoutS;
    return parsed;
}

}  // namespace evalpanel::plugins::perplexity
