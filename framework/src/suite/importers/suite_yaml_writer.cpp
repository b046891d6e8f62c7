#include "suite/importers/suite_yaml_writer.hpp"

#include <cstdio>

namespace evalpanel::suite::detail {
namespace {

std::string quoted_list(const std::vector<std::string>& items) {
    std::string text = "[";
    for (std::size_t i = 0; i < items.size(); ++i) text += (i > 0 ? ", " : "") + yaml_quoted(items[i]);
    return text + "]";
}

}  // namespace

std::string yaml_quoted(const std::string& text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7F) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\x%02X", c);
            out += escape;
        } else if (c == '{' && i > 0 && text[i - 1] == '$') {
            out += "\\x7B";  // suites refuse "${env:" anywhere in the raw text; the escape reads back as '{'
        } else {
            out += static_cast<char>(c);  // UTF-8 passes through: YAML files are UTF-8
        }
    }
    return out + "\"";
}

std::string suite_yaml(const DraftSuite& suite) {
    std::string out;
    out += "# Written by `evalpanel suite import`; edit the dataset, not this file, and import again.\n";
    out += "suite: " + yaml_quoted(suite.name) + "\n";
    out += "task: vqa\n";
    if (!suite.description.empty()) out += "description: " + yaml_quoted(suite.description) + "\n";
    out += "metrics: [" + suite.metric + "]\n";
    if (!suite.prompt.empty()) out += "prompt: " + yaml_quoted(suite.prompt) + "\n";
    out += "cases:\n";
    for (const DraftCase& c : suite.cases) {
        out += "  - id: " + yaml_quoted(c.id) + "\n";
        out += "    image: " + yaml_quoted(c.image) + "\n";
        out += "    question: " + yaml_quoted(c.question) + "\n";
        out += "    answers: " + quoted_list(c.answers) + "\n";
        if (!c.tags.empty()) out += "    tags: " + quoted_list(c.tags) + "\n";
    }
    return out;
}

}  // namespace evalpanel::suite::detail
