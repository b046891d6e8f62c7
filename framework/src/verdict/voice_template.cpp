#include "verdict/voice_template.hpp"

#include "verdict/figure_names.hpp"

namespace evalpanel::verdict {
namespace {

ParsedTemplate fail(std::size_t offset, std::string message) { return {{}, ConditionProblem{offset, std::move(message)}}; }

std::optional<ConditionProblem> read_placeholder(std::string_view inside, std::size_t offset, TemplatePart& part) {
    part.placeholder = std::string(inside);
    if (inside == "tool") {
        part.kind = TemplatePart::Kind::tool;
        return std::nullopt;
    }
    if (inside.starts_with("text:")) {
        part.kind = TemplatePart::Kind::text;
        part.value = std::string(inside.substr(5));
        if (std::string bad = names::check_text_name(part.value); !bad.empty()) return ConditionProblem{offset, bad};
        return std::nullopt;
    }
    part.kind = TemplatePart::Kind::figure;
    const std::size_t colon = inside.find(':');
    part.value = std::string(inside.substr(0, colon));
    if (std::string bad = names::check_figure_name(part.value); !bad.empty()) return ConditionProblem{offset, bad};
    if (colon != std::string_view::npos) {
        const std::string_view spec = inside.substr(colon + 1);
        const std::optional<FigureFormat> format = parse_figure_format(spec);
        if (!format) {
            return ConditionProblem{offset + colon + 1, "unknown format `" + std::string(spec) +
                                                            "` (use .Nf, +.Nf, .N%, %, $ or time)"};
        }
        part.format = *format;
    }
    return std::nullopt;
}

}  // namespace

ParsedTemplate parse_template(std::string_view text) {
    ParsedTemplate parsed;
    std::string literal;
    const auto flush = [&] {
        if (!literal.empty()) parsed.parts.push_back({TemplatePart::Kind::literal, literal, "", {}});
        literal.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
            literal += c;
            ++i;
            continue;
        }
        if (c == '}') return fail(i, "a lone `}` (write `}}` for a brace)");
        if (c != '{') {
            literal += c;
            continue;
        }
        const std::size_t close = text.find('}', i + 1);
        if (close == std::string_view::npos) return fail(i, "a `{` without its `}`");
        const std::string_view inside = text.substr(i + 1, close - i - 1);
        if (inside.empty() || inside.find('{') != std::string_view::npos) {
            return fail(i, "a placeholder must name a figure: `{metric.cer.mean:.3f}`, `{text:worst_slice.cer}`, `{tool}`");
        }
        TemplatePart part;
        if (auto problem = read_placeholder(inside, i + 1, part)) return {{}, problem};
        flush();
        parsed.parts.push_back(std::move(part));
        i = close;
    }
    flush();
    return parsed;
}

RenderedSentence render_template(const std::vector<TemplatePart>& parts, const ToolFigures& tool) {
    RenderedSentence out;
    for (const TemplatePart& part : parts) {
        switch (part.kind) {
            case TemplatePart::Kind::literal: out.text += part.value; break;
            case TemplatePart::Kind::tool: out.text += tool.tool; break;
            case TemplatePart::Kind::text: {
                auto it = tool.text.find(part.value);
                if (it != tool.text.end() && !it->second.empty()) {
                    out.text += it->second;
                } else {
                    out.text += kNotMeasured;
                    out.missing.push_back(part.value);
                }
                break;
            }
            case TemplatePart::Kind::figure: {
                auto it = tool.figures.find(part.value);
                if (it == tool.figures.end()) {
                    out.text += kNotMeasured;
                    out.missing.push_back(part.value);
                    break;
                }
                const std::string written = format_figure(it->second, part.format);
                out.text += written;
                out.used[part.value] = it->second;
                out.shown[part.placeholder] = written;
                break;
            }
        }
    }
    return out;
}

}  // namespace evalpanel::verdict
