#include "verdict/condition.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>

#include "verdict/figure_names.hpp"

namespace evalpanel::verdict {
namespace {

constexpr std::string_view kSyntax = "a rule is `FIGURE OP NUMBER` (e.g. `error_rate < 0.02`), optionally followed "
                                     "by `when measured`";

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-'; }
bool is_op_char(char c) { return c == '<' || c == '>' || c == '=' || c == '!'; }

std::size_t skip_spaces(std::string_view text, std::size_t at) {
    while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at]))) ++at;
    return at;
}

ParsedCondition problem(std::size_t offset, std::string message) { return {std::nullopt, ConditionProblem{offset, std::move(message)}}; }

}  // namespace

ParsedCondition parse_condition(std::string_view text) {
    Condition c;
    c.text = std::string(text);
    std::size_t at = skip_spaces(text, 0);
    const std::size_t name_start = at;
    while (at < text.size() && is_name_char(text[at])) ++at;
    c.figure = std::string(text.substr(name_start, at - name_start));
    if (c.figure.empty()) return problem(name_start, "a rule must start with a figure name; " + std::string(kSyntax));
    if (const std::string bad = names::check_figure_name(c.figure); !bad.empty()) return problem(name_start, bad);

    at = skip_spaces(text, at);
    const std::size_t op_start = at;
    while (at < text.size() && is_op_char(text[at])) ++at;
    c.op = std::string(text.substr(op_start, at - op_start));
    if (c.op.empty()) return problem(op_start, "expected a comparison after `" + c.figure + "`; " + std::string(kSyntax));
    constexpr std::array<std::string_view, 6> ops = {"<", "<=", ">", ">=", "==", "!="};
    if (std::find(ops.begin(), ops.end(), c.op) == ops.end()) {
        return problem(op_start, "unknown operator `" + c.op + "` (use <, <=, >, >=, == or !=)");
    }

    at = skip_spaces(text, at);
    const char* number_start = text.data() + at;
    const char* end = text.data() + text.size();
    if (number_start != end && *number_start == '+') ++number_start;  // from_chars takes no '+'
    auto [number_end, error] = std::from_chars(number_start, end, c.value);
    if (error != std::errc() || !std::isfinite(c.value)) {
        return problem(at, "expected a number after `" + c.op + "`; " + std::string(kSyntax));
    }
    at = skip_spaces(text, static_cast<std::size_t>(number_end - text.data()));
    const std::string_view rest = text.substr(at);
    if (rest == "when measured") {
        c.when_measured = true;
    } else if (!rest.empty()) {
        return problem(at, "unexpected `" + std::string(rest) + "` after the number; " + std::string(kSyntax));
    }
    return {c, std::nullopt};
}

bool holds(const Condition& condition, double value) {
    const std::string& op = condition.op;
    if (op == "<") return value < condition.value;
    if (op == "<=") return value <= condition.value;
    if (op == ">") return value > condition.value;
    if (op == ">=") return value >= condition.value;
    if (op == "==") return value == condition.value;
    return value != condition.value;
}

}  // namespace evalpanel::verdict
