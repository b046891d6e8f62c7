#include "chat_request.hpp"

#include <string_view>

namespace evalpanel::plugins::openai_vision {
namespace {

// One left-to-right pass, so a value that itself contains "{prompt}" is not expanded again.
std::string fill_placeholders(std::string_view text, const std::string& question, const std::string& prompt) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text.compare(i, 10, "{question}") == 0) {
            out += question;
            i += 10;
        } else if (text.compare(i, 8, "{prompt}") == 0) {
            out += prompt;
            i += 8;
        } else {
            out += text[i++];
        }
    }
    return out;
}

}  // namespace

std::string default_template(Task task) {
    if (task == Task::vqa) return "{question}\nAnswer with a single word or phrase.";
    return "{prompt}";
}

std::string render_prompt(const VisionOptions& options, const Request& request) {
    const auto configured = options.prompts.find(request.task);
    const std::string& template_text =
        configured != options.prompts.end() ? configured->second : default_template(request.task);
    const std::string prompt =
        request.prompt.empty() && request.task == Task::ocr ? kDefaultOcrInstruction : request.prompt;
    return fill_placeholders(template_text, request.question, prompt);
}

nlohmann::json chat_body(const VisionOptions& options, const std::string& prompt, const std::string& data_uri) {
    nlohmann::json content = nlohmann::json::array();
    content.push_back({{"type", "text"}, {"text", prompt}});
    content.push_back({{"type", "image_url"}, {"image_url", {{"url", data_uri}}}});

    nlohmann::json body;
    if (options.model) body["model"] = *options.model;
    body["messages"] = nlohmann::json::array({{{"role", "user"}, {"content", std::move(content)}}});
    body["temperature"] = options.temperature;
    body["max_tokens"] = options.max_tokens;
    body["stream"] = options.stream;
    // vLLM and Ollama send usage in a stream only when asked; llama-server honours the same flag.
    if (options.stream) body["stream_options"] = {{"include_usage", true}};
    return body;
}

}  // namespace evalpanel::plugins::openai_vision
