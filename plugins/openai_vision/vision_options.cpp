#include "vision_options.hpp"

#include <cmath>
#include <sstream>
#include <string_view>

namespace evalpanel::plugins::openai_vision {
namespace {

constexpr int kMinSide = 16;      // below this no model reads anything
constexpr int kMaxSide = 16384;   // beyond this the data URI alone is hundreds of megabytes
constexpr long long kMaxMaxPixels = 1'000'000'000'000;  // a terapixel: far beyond any memory

ToolError fatal(std::string message) {
    return ToolError{ErrorKind::fatal, std::move(message), std::nullopt};
}

std::string type_name(const nlohmann::json& value) {
    if (value.is_number_float()) return "a fractional number";
    if (value.is_number()) return "an integer";
    if (value.is_string()) return "a string";
    if (value.is_boolean()) return "a boolean";
    if (value.is_null()) return "null";
    if (value.is_array()) return "a list";
    return "a map";
}

std::string known_list() {
    std::string list;
    for (const std::string& name : known_option_names()) list += (list.empty() ? "" : ", ") + name;
    return list;
}

std::string number_text(double value) {
    std::ostringstream text;
    text << value;
    return text.str();
}

std::string option(std::string_view key) { return "openai_vision option '" + std::string(key) + "'"; }

std::optional<ToolError> read_string(const nlohmann::json& value, std::string_view key, std::string& out) {
    if (!value.is_string() || value.get<std::string>().empty())
        return fatal(option(key) + " must be a non-empty string, got " +
                     (value.is_string() ? "an empty string" : type_name(value)));
    out = value.get<std::string>();
    return std::nullopt;
}

// Int: int, or std::uint64_t for counts beyond int's range (max_pixels).
template <typename Int>
std::optional<ToolError> read_int(const nlohmann::json& value, std::string_view key, long long low, long long high,
                                  Int& out) {
    const bool in_range =
        value.is_number_integer() && value.get<long long>() >= low && value.get<long long>() <= high;
    if (!in_range)
        return fatal(option(key) + " must be an integer in [" + std::to_string(low) + ", " +
                     std::to_string(high) + "], got " +
                     (value.is_number_integer() ? value.dump() : type_name(value)));
    out = static_cast<Int>(value.get<long long>());
    return std::nullopt;
}

std::optional<ToolError> read_number(const nlohmann::json& value, std::string_view key, double low,
                                     double high, bool low_inclusive, double& out) {
    const bool numeric = value.is_number();
    const double number = numeric ? value.get<double>() : 0;
    const bool in_range = numeric && std::isfinite(number) && (low_inclusive ? number >= low : number > low) &&
                          number <= high;
    if (!in_range)
        return fatal(option(key) + " must be a number in " + (low_inclusive ? "[" : "(") +
                     number_text(low) + ", " + number_text(high) + "], got " +
                     (numeric ? value.dump() : type_name(value)));
    out = number;
    return std::nullopt;
}

std::optional<ToolError> read_bool(const nlohmann::json& value, std::string_view key, bool& out) {
    if (!value.is_boolean()) return fatal(option(key) + " must be true or false, got " + type_name(value));
    out = value.get<bool>();
    return std::nullopt;
}

// The API root, as every OpenAI-compatible client takes it; "/chat/completions" is added per call.
std::optional<ToolError> read_base_url(const nlohmann::json& value, std::string& out) {
    if (auto error = read_string(value, "base_url", out)) return error;
    if (out.rfind("http://", 0) != 0 && out.rfind("https://", 0) != 0)
        return fatal(option("base_url") + " must start with http:// or https:// (e.g. http://127.0.0.1:8080/v1)");
    while (out.size() > 1 && out.back() == '/') out.pop_back();
    const std::string_view endpoint = "/chat/completions";
    if (out.size() >= endpoint.size() && out.compare(out.size() - endpoint.size(), endpoint.size(), endpoint) == 0)
        return fatal(option("base_url") +
                     " is the API root (e.g. http://127.0.0.1:8080/v1); the plugin adds /chat/completions itself");
    return std::nullopt;
}

std::optional<ToolError> read_image_format(const nlohmann::json& value, ImageFormat& out) {
    const std::string text = value.is_string() ? value.get<std::string>() : "";
    if (text == "png") out = ImageFormat::png;
    else if (text == "jpeg" || text == "jpg") out = ImageFormat::jpeg;
    else
        return fatal(option("image_format") + " must be png or jpeg (WebP is not decoded by llama.cpp), got " +
                     (value.is_string() ? "'" + text + "'" : type_name(value)));
    return std::nullopt;
}

std::optional<ToolError> read_prompts(const nlohmann::json& value, std::map<Task, std::string>& out) {
    if (!value.is_object())
        return fatal(option("prompts") + " must be a map of task (ocr, vqa) to prompt template, got " +
                     type_name(value));
    for (const auto& [name, template_text] : value.items()) {
        const std::optional<Task> task = task_from_string(name);
        if (!task || (*task != Task::ocr && *task != Task::vqa))
            return fatal(option("prompts") + ": unknown task '" + name + "' (known: ocr, vqa)");
        if (!template_text.is_string() || template_text.get<std::string>().empty())
            return fatal(option("prompts." + name) + " must be a non-empty string, got " +
                         (template_text.is_string() ? "an empty string" : type_name(template_text)));
        out[*task] = template_text.get<std::string>();
    }
    return std::nullopt;
}

std::optional<ToolError> read_optional_string(const nlohmann::json& value, std::string_view key,
                                              std::optional<std::string>& out) {
    std::string text;
    if (auto error = read_string(value, key, text)) return error;
    out = std::move(text);
    return std::nullopt;
}

std::optional<ToolError> read_option(const std::string& key, const nlohmann::json& value, VisionOptions& out) {
    if (key == "base_url") return read_base_url(value, out.base_url);
    if (key == "model") return read_optional_string(value, key, out.model);
    if (key == "api_key") {
        // An unset environment variable expands to an empty string: that means "no key", not an error.
        if (value.is_string() && value.get<std::string>().empty()) return std::nullopt;
        if (!value.is_string()) return fatal(option(key) + " must be a string, got " + type_name(value));
        out.api_key = value.get<std::string>();
        return std::nullopt;
    }
    if (key == "temperature") return read_number(value, key, 0, 2, true, out.temperature);
    if (key == "max_tokens") return read_int(value, key, 1, 1 << 20, out.max_tokens);
    if (key == "max_side") return read_int(value, key, kMinSide, kMaxSide, out.max_side);
    if (key == "image_format") return read_image_format(value, out.image_format);
    if (key == "jpeg_quality") return read_int(value, key, 1, 100, out.jpeg_quality);
    if (key == "prompts") return read_prompts(value, out.prompts);
    if (key == "stream") return read_bool(value, key, out.stream);
    if (key == "request_timeout_s") return read_number(value, key, 0, 86400, false, out.request_timeout_s);
    if (key == "max_pixels") return read_int(value, key, 1, kMaxMaxPixels, out.max_pixels);
    return fatal("unknown option '" + key + "' for openai_vision (known: " + known_list() + ")");
}

}  // namespace

const std::vector<std::string>& known_option_names() {
    static const std::vector<std::string> names{
        "base_url",     "model",        "api_key", "temperature", "max_tokens",        "max_side",
        "image_format", "jpeg_quality", "prompts", "stream",      "request_timeout_s", "max_pixels"};
    return names;
}

std::variant<VisionOptions, ToolError> parse_options(const nlohmann::json& options) {
    VisionOptions parsed;
    if (!options.is_null() && !options.is_object())
        return fatal("openai_vision options must be a map, got " + type_name(options));
    if (options.is_object())
        for (const auto& [key, value] : options.items())
            if (auto error = read_option(key, value, parsed)) return *error;
    if (parsed.base_url.empty())
        return fatal(
            "openai_vision needs 'base_url', the server's OpenAI-compatible API root (llama-server: "
            "http://127.0.0.1:8080/v1)");
    return parsed;
}

}  // namespace evalpanel::plugins::openai_vision
