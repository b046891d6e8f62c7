// A reviewer's sentence template: text with placeholders filled from one tool's figures.
//   {tool}                    the tool's name
//   {FIGURE} / {FIGURE:FMT}   a figure (figure_format.hpp for FMT); "not measured" when absent
//   {text:NAME}               a textual fact (the worst slice's tag, the best competitor); "not measured" when absent
//   {{ and }}                 literal braces
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "verdict/condition.hpp"
#include "verdict/figure_format.hpp"
#include "verdict/verdict.hpp"

namespace evalpanel::verdict {

inline constexpr std::string_view kNotMeasured = "not measured";

struct TemplatePart {
    enum class Kind { literal, tool, figure, text };
    Kind kind = Kind::literal;
    std::string value;         // the literal text, or the figure / text name
    std::string placeholder;   // as written between the braces ("metric.cer.mean:.3f")
    FigureFormat format;
};

struct ParsedTemplate {
    std::vector<TemplatePart> parts;
    std::optional<ConditionProblem> problem;  // offset into the template
};

ParsedTemplate parse_template(std::string_view text);

struct RenderedSentence {
    std::string text;
    std::vector<std::string> missing;              // figures and texts that were not measured
    FigureMap used;                                // figures that were written
    std::map<std::string, std::string> shown;      // placeholder -> the text written for it
};

RenderedSentence render_template(const std::vector<TemplatePart>& parts, const ToolFigures& tool);

}  // namespace evalpanel::verdict
