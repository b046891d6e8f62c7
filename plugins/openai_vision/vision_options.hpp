// The tools-config keys the openai_vision plugin accepts, checked and turned into values.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include <evalpanel/image.hpp>
#include <evalpanel/tool.hpp>

namespace evalpanel::plugins::openai_vision {

enum class ImageFormat { png, jpeg };

struct VisionOptions {
    std::string base_url;             // e.g. http://127.0.0.1:8080/v1, without a trailing '/'
    std::optional<std::string> model;  // sent as "model" when set; llama-server ignores it
    std::optional<std::string> api_key;  // Authorization: Bearer ...; never logged or echoed
    double temperature = 0;
    int max_tokens = 512;
    int max_side = 1536;              // longest image side sent; images are never upscaled
    ImageFormat image_format = ImageFormat::png;
    int jpeg_quality = 90;
    std::map<Task, std::string> prompts;  // overrides of the default templates, per task
    bool stream = false;
    double request_timeout_s = 300;   // one whole HTTP exchange; the host's timeout_s bounds the case
    // Images whose header declares more pixels are refused before decoding (decompression bombs).
    std::uint64_t max_pixels = image::kDefaultMaxPixels;
};

// The option names, in the order messages list them.
const std::vector<std::string>& known_option_names();

// Checks every key and type; the first problem is a fatal ToolError naming the key.
std::variant<VisionOptions, ToolError> parse_options(const nlohmann::json& options);

}  // namespace evalpanel::plugins::openai_vision
