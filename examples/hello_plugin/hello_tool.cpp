// The smallest useful plugin: an "OCR engine" that answers with a greeting. A real plugin translates a
// Request into its tool's protocol and back; everything else (retries, time-outs, cost, storage) is the
// host's.
#include <evalpanel/plugin.hpp>

namespace {

class HelloTool : public evalpanel::Tool {
public:
    evalpanel::ToolInfo describe() const override {
        evalpanel::ToolInfo info;
        info.name = "hello";
        info.version = "1.0.0";
        info.kind = evalpanel::ToolKind::local;
        info.tasks = {evalpanel::Task::ocr};
        info.description = "example plugin: answers every case with a greeting";
        return info;
    }

    std::optional<evalpanel::ToolError> configure(const nlohmann::json& options) override {
        for (const auto& [key, value] : options.items()) {
            if (key != "greeting" || !value.is_string()) {
                return evalpanel::ToolError{evalpanel::ErrorKind::fatal,
                                            "hello: unknown option '" + key + "' (known: greeting, a string)", {}};
            }
            greeting_ = value.get<std::string>();
        }
        return std::nullopt;
    }

    evalpanel::Outcome call(const evalpanel::Request& request) override {
        if (request.image.empty()) {
            return evalpanel::ToolError{evalpanel::ErrorKind::bad_input, "hello: the case has no image", {}};
        }
        evalpanel::Response response;
        response.text = greeting_;
        return response;
    }

private:
    std::string greeting_ = "hello world";
};

}  // namespace

EVALPANEL_PLUGIN(HelloTool, "hello", "1.0.0")
