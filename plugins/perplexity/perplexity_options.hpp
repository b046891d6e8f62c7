// The tools-config keys the perplexity plugin accepts, checked and turned into values.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include <evalpanel/tool.hpp>

namespace evalpanel::plugins::perplexity {

inline constexpr std::string_view kDefaultBaseUrl = "https://api.perplexity.ai";
inline constexpr std::string_view kDeepResearch = "sonar-deep-research";

// How a case reaches the API (API-NOTES A1, A5, A6).
enum class Mode { sync, async, stream };
// `depth`: the API's reasoning_effort (deep research only) and web_search_options.search_context_size.
enum class Depth { low, medium, high };

std::string_view to_string(Mode mode);
std::string_view to_string(Depth depth);

struct PerplexityOptions {
    std::string api_key;                       // never logged, never in an error or Response::raw
    std::string base_url{kDefaultBaseUrl};     // without a trailing '/'
    std::string model{kDeepResearch};
    Mode mode = Mode::async;                   // default: async for deep research, sync otherwise
    std::optional<Depth> depth;                // unset: the API's defaults (effort medium, context low)
    std::optional<int> max_tokens;
    std::optional<double> temperature;
    std::string system_prompt;
    double poll_interval_s = 5;                // async: the first wait between polls
    double request_timeout_s = 120;            // one HTTP exchange
    double async_deadline_s = 1200;            // async: give up on a job that has not finished by then

    bool deep_research() const { return model == kDeepResearch; }
};

// The option names, in the order messages list them; and the models this plugin knows.
const std::vector<std::string>& known_option_names();
const std::vector<std::string>& known_models();

// Reads an environment variable; injected so tests do not depend on the process environment.
using EnvLookup = std::function<std::optional<std::string>(const char* name)>;
EnvLookup process_environment();

// Checks every key and type; the first problem found is a fatal ToolError naming the key (unknown keys
// are all named at once). The API key comes from `api_key`, else from PPLX_API_KEY.
std::variant<PerplexityOptions, ToolError> parse_options(const nlohmann::json& options, const EnvLookup& env);

}  // namespace evalpanel::plugins::perplexity
