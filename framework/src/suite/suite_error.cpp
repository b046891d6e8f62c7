#include "suite/suite.hpp"

namespace evalpanel::suite {
namespace {

std::string join_lines(const std::vector<Diagnostic>& diagnostics) {
    std::string text;
    for (const Diagnostic& diagnostic : diagnostics) {
        if (!text.empty()) text += '\n';
        text += diagnostic.to_string();
    }
    return text;
}

}  // namespace

std::string Diagnostic::to_string() const {
    std::string text = file;
    if (line > 0) {
        text += ':';
        text += std::to_string(line);
        if (column > 0) {
            text += ':';
            text += std::to_string(column);
        }
    }
    text += ": ";
    text += message;
    return text;
}

SuiteError::SuiteError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_lines(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace evalpanel::suite
