#include "suite/yaml_fields.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace evalpanel::suite::detail {
namespace {

bool is_plain(const YAML::Node& node) { return node.IsScalar() && node.Tag() == "?"; }

// Edit distance, for "did you mean" hints on misspelt keys; keys are short ASCII words.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string unknown_key_message(const std::string& where, const std::string& key,
                                const std::vector<std::string_view>& allowed) {
    std::string message = prefix(where) + "unknown key `" + key + "`";
    for (const std::string_view candidate : allowed) {
        if (edit_distance(key, candidate) <= 2) {
            message += " (did you mean `" + std::string(candidate) + "`?)";
            break;
        }
    }
    message += "; expected one of: ";
    for (std::size_t i = 0; i < allowed.size(); ++i) {
        if (i > 0) message += ", ";
        message += allowed[i];
    }
    return message;
}

// YAML allows a leading '+'; std::from_chars does not.
std::string_view without_plus(std::string_view text) {
    return !text.empty() && text.front() == '+' ? text.substr(1) : text;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
    text = without_plus(text);
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

// Decimal notation only: from_chars would also take "inf" and "nan", which are not suite values.
std::optional<double> parse_decimal(std::string_view text) {
    text = without_plus(text);
    if (text.empty() || text.find_first_not_of("0123456789.eE+-") != std::string_view::npos) return std::nullopt;
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

std::string expected_number_message(const Field& field, const std::string& where, std::string_view kind) {
    std::string message = prefix(where) + "`" + field.name + "` must be " + std::string(kind) + ", got ";
    if (field.value.IsScalar() && !is_plain(field.value)) {
        message += "the quoted text \"" + field.value.Scalar() + "\" (numbers are written without quotes)";
    } else {
        message += describe(field.value);
    }
    return message;
}

}  // namespace

void Diagnostics::add(const YAML::Mark& mark, std::string message) {
    if (mark.is_null()) {
        add_at(0, 0, std::move(message));
    } else {
        add_at(mark.line + 1, mark.column + 1, std::move(message));
    }
}

void Diagnostics::add_at(int line, int column, std::string message) {
    items_.push_back(Diagnostic{file_, line, column, std::move(message)});
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<Diagnostic> result = items_;
    std::stable_sort(result.begin(), result.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
    return result;
}

YAML::Mark Field::mark() const { return value.IsNull() ? key.Mark() : value.Mark(); }

FieldMap::FieldMap(const YAML::Node& map, const std::vector<std::string_view>& allowed, const std::string& where,
                   Diagnostics& out) {
    std::map<std::string, int> first_line;
    for (auto entry = map.begin(); entry != map.end(); ++entry) {
        const YAML::Node key = entry->first;
        if (!key.IsScalar()) {
            out.add(key.Mark(), prefix(where) + "a key must be a plain name, got " + describe(key));
            continue;
        }
        const std::string name = key.Scalar();
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            out.add(key.Mark(), unknown_key_message(where, name, allowed));
            continue;
        }
        const auto [seen, inserted] = first_line.emplace(name, key.Mark().line + 1);
        if (!inserted) {
            out.add(key.Mark(), prefix(where) + "key `" + name + "` appears twice (first at line " +
                                    std::to_string(seen->second) + ")");
            continue;
        }
        fields_.push_back(Field{name, key, entry->second});
    }
}

const Field* FieldMap::find(std::string_view name) const {
    for (const Field& field : fields_) {
        if (field.name == name) return &field;
    }
    return nullptr;
}

std::string prefix(const std::string& where) { return where.empty() ? std::string() : where + ": "; }

std::string describe(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Sequence: return "a list";
        case YAML::NodeType::Map: return "a map";
        case YAML::NodeType::Scalar: return "`" + node.Scalar() + "`";
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined: return "nothing";
    }
    return "nothing";
}

std::optional<std::string> read_string(const Field& field, const std::string& where, Diagnostics& out) {
    if (!field.value.IsScalar()) {
        out.add(field.mark(), prefix(where) + "`" + field.name + "` must be a string, got " + describe(field.value));
        return std::nullopt;
    }
    return field.value.Scalar();
}

std::optional<std::vector<std::string>> read_string_list(const Field& field, const std::string& where,
                                                         Diagnostics& out) {
    if (!field.value.IsSequence()) {
        out.add(field.mark(), prefix(where) + "`" + field.name + "` must be a list of strings, got " +
                                  describe(field.value));
        return std::nullopt;
    }
    std::vector<std::string> items;
    bool all_strings = true;
    for (const YAML::Node& item : field.value) {
        if (!item.IsScalar()) {
            out.add(item.Mark(), prefix(where) + "every item of `" + field.name + "` must be a string, got " +
                                     describe(item));
            all_strings = false;
            continue;
        }
        items.push_back(item.Scalar());
    }
    if (!all_strings) return std::nullopt;
    return items;
}

std::optional<double> read_number(const Field& field, const std::string& where, Diagnostics& out) {
    const std::optional<double> value = is_plain(field.value) ? parse_decimal(field.value.Scalar()) : std::nullopt;
    if (!value) out.add(field.mark(), expected_number_message(field, where, "a number"));
    return value;
}

std::optional<std::int64_t> read_integer(const Field& field, const std::string& where, Diagnostics& out) {
    const std::optional<std::int64_t> value =
        is_plain(field.value) ? parse_integer(field.value.Scalar()) : std::nullopt;
    if (!value) out.add(field.mark(), expected_number_message(field, where, "a whole number"));
    return value;
}

nlohmann::json to_json(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Sequence: {
            nlohmann::json array = nlohmann::json::array();
            for (const YAML::Node& item : node) array.push_back(to_json(item));
            return array;
        }
        case YAML::NodeType::Map: {
            nlohmann::json object = nlohmann::json::object();
            for (auto entry = node.begin(); entry != node.end(); ++entry) {
                object[entry->first.Scalar()] = to_json(entry->second);
            }
            return object;
        }
        case YAML::NodeType::Scalar: {
            const std::string& text = node.Scalar();
            if (!is_plain(node)) return text;
            if (text == "~" || text == "null" || text == "Null" || text == "NULL") return nullptr;
            if (text == "true" || text == "True" || text == "TRUE") return true;
            if (text == "false" || text == "False" || text == "FALSE") return false;
            if (const auto integer = parse_integer(text)) return *integer;
            if (const auto decimal = parse_decimal(text)) return *decimal;
            return text;
        }
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined: return nullptr;
    }
    return nullptr;
}

}  // namespace evalpanel::suite::detail
