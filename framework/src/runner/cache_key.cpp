#include "runner/cache_key.hpp"

#include <string_view>

#include "suite/sha256.hpp"

namespace evalpanel::runner {

std::string cache_key(const std::string& plugin, const std::string& plugin_version,
                      const nlohmann::json& redacted_options, const Request& request) {
    nlohmann::json options = request.options;
    options.erase("idempotency_key");  // differs per run by design; the answer does not depend on it
    const std::string_view image(reinterpret_cast<const char*>(request.image.data()), request.image.size());
    // nlohmann::json objects are ordered maps: dump() is canonical for equal content.
    const nlohmann::json identity = {
        {"plugin", plugin},           {"plugin_version", plugin_version}, {"config", redacted_options},
        {"task", to_string(request.task)}, {"prompt", request.prompt},     {"question", request.question},
        {"query", request.query},     {"options", options},               {"image_sha256", suite::sha256_hex(image)},
    };
    return suite::sha256_hex(identity.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

bool deterministic_by_default(const nlohmann::json& plugin_options) {
    const auto temperature = plugin_options.find("temperature");
    return temperature == plugin_options.end() || !temperature->is_number() || temperature->get<double>() == 0.0;
}

}  // namespace evalpanel::runner
