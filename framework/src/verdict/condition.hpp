// A ship rule as written in the panel file: "FIGURE OP NUMBER", optionally followed by "when measured".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "verdict/verdict.hpp"

namespace evalpanel::verdict {

// Why a rule could not be read, and where in its text (0-based offset).
struct ConditionProblem {
    std::size_t offset = 0;
    std::string message;
};

struct ParsedCondition {
    std::optional<Condition> condition;
    std::optional<ConditionProblem> problem;
};

// Reads one rule; the figure name is checked against the naming scheme (figure_names.hpp).
ParsedCondition parse_condition(std::string_view text);

// The rule applied to a measured value.
bool holds(const Condition& condition, double value);

}  // namespace evalpanel::verdict
