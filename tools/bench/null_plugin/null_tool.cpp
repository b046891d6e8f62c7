// A benchmark-only plugin that answers at once, so a run measures the host's own work (scheduling,
// scoring, storing) and nothing else. Its answer is a deterministic text derived from the request, so the
// metrics score real strings rather than short-circuiting on empty ones:
//   ocr      -> "<case id> <first 24 image bytes as hex>"
//   vqa      -> the question's last word
//   research -> the query, then the case id
// Test-only: built with NO_INSTALL under the build tree (tools/bench/CMakeLists.txt).
#include <cstddef>
#include <string>

#include <evalpanel/plugin.hpp>

namespace {

// Enough of the image to make answers differ when images do, without costing a hex dump of a photo.
constexpr std::size_t kImageBytesInAnswer = 24;

std::string hex_prefix(const std::vector<std::uint8_t>& bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    for (std::size_t i = 0; i < bytes.size() && i < kImageBytesInAnswer; ++i) {
        hex += digits[bytes[i] >> 4];
        hex += digits[bytes[i] & 0x0f];
    }
    return hex;
}

std::string last_word(const std::string& text) {
    std::size_t end = text.find_last_not_of(" ?.!");
    if (end == std::string::npos) return "";
    const std::size_t space = text.find_last_of(' ', end);
    const std::size_t begin = space == std::string::npos ? 0 : space + 1;
    return text.substr(begin, end + 1 - begin);
}

class NullTool : public evalpanel::Tool {
public:
    evalpanel::ToolInfo describe() const override {
        evalpanel::ToolInfo info;
        info.name = "null";
        info.version = "1.0.0";
        info.kind = evalpanel::ToolKind::local;
        info.tasks = {evalpanel::Task::ocr, evalpanel::Task::vqa, evalpanel::Task::research};
        info.description = "benchmark plugin: answers at once with text derived from the request";
        return info;
    }

    std::optional<evalpanel::ToolError> configure(const nlohmann::json& options) override {
        if (!options.empty()) {
            return evalpanel::ToolError{evalpanel::ErrorKind::fatal,
                                        "the null plugin takes no options, got '" + options.begin().key() + "'", {}};
        }
        return std::nullopt;
    }

    evalpanel::Outcome call(const evalpanel::Request& request) override {
        evalpanel::Response response;
        switch (request.task) {
            case evalpanel::Task::ocr: response.text = request.case_id + " " + hex_prefix(request.image); break;
            case evalpanel::Task::vqa: response.text = last_word(request.question); break;
            case evalpanel::Task::research: response.text = request.query + " " + request.case_id; break;
        }
        response.usage.input_tokens = static_cast<std::int64_t>(request.image.size() + request.query.size());
        response.usage.output_tokens = static_cast<std::int64_t>(response.text.size());
        return response;
    }
};

}  // namespace

EVALPANEL_PLUGIN(NullTool, "null", "1.0.0")
