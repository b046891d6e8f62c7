// The prompt a case becomes, and the OpenAI chat-completions body that carries it with the image.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include <evalpanel/tool.hpp>

#include "vision_options.hpp"

namespace evalpanel::plugins::openai_vision {

// What an OCR case asks when neither the suite nor the tools config gives a prompt.
inline constexpr const char* kDefaultOcrInstruction =
    "Transcribe all the text in this image. Answer with the text only.";

// The built-in template of a task: ocr -> "{prompt}", vqa -> "{question}\nAnswer with a single word or phrase."
std::string default_template(Task task);

// The template (configured or built in) with {question} and {prompt} filled in. {prompt} is the suite's
// prompt, or kDefaultOcrInstruction for an OCR case whose suite has none. Other braces stay as written.
std::string render_prompt(const VisionOptions& options, const Request& request);

// {"model"?, "messages": [{"role": "user", "content": [text, image_url]}], "temperature", "max_tokens",
//  "stream", "stream_options"?}
nlohmann::json chat_body(const VisionOptions& options, const std::string& prompt, const std::string& data_uri);

}  // namespace evalpanel::plugins::openai_vision
