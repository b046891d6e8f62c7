#include <evalpanel/tool.hpp>

namespace evalpanel {

std::string_view to_string(Task task) {
    switch (task) {
        case Task::ocr: return "ocr";
        case Task::vqa: return "vqa";
        case Task::research: return "research";
    }
    return "?";
}

std::optional<Task> task_from_string(std::string_view name) {
    if (name == "ocr") return Task::ocr;
    if (name == "vqa") return Task::vqa;
    if (name == "research") return Task::research;
    return std::nullopt;
}

std::string_view to_string(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::retryable: return "retryable";
        case ErrorKind::rate_limited: return "rate_limited";
        case ErrorKind::bad_input: return "bad_input";
        case ErrorKind::fatal: return "fatal";
    }
    return "?";
}

std::string_view to_string(ToolKind kind) { return kind == ToolKind::local ? "local" : "remote"; }

}  // namespace evalpanel
