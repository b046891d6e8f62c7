// Reads `image: {generate: {...}}`. The keys a spec may carry depend on its `kind`, so the map is first
// checked against every generate key (unknown keys, repeats) and then against the kind's own keys.
#include "suite/generate_spec_reader.hpp"

#include <algorithm>

#include "suite/text_draw.hpp"

namespace evalpanel::suite::detail {
namespace {

const std::vector<std::string_view> generate_keys = {
    "kind",  "text",   "scale",  "thickness", "blur",  "noise",  "rotate", "contrast", "jpeg_quality", "seed",
    "title", "labels", "values", "y_label",   "rows",  "fields", "items",  "total",    "footer"};

// The degradations and print size every kind takes.
const std::vector<std::string_view> common_keys = {"kind",   "scale",    "thickness",    "blur", "noise",
                                                   "rotate", "contrast", "jpeg_quality", "seed"};

struct KindKeys {
    std::vector<std::string_view> allowed;  // beyond common_keys
    std::vector<std::string_view> required;
};

KindKeys keys_of(GenerateKind kind) {
    switch (kind) {
        case GenerateKind::text:
        case GenerateKind::sign: return {{"text"}, {"text"}};
        case GenerateKind::bar_chart:
        case GenerateKind::line_chart: return {{"title", "labels", "values", "y_label"}, {"labels", "values"}};
        case GenerateKind::table: return {{"title", "rows"}, {"rows"}};
        case GenerateKind::form: return {{"title", "fields"}, {"fields"}};
        case GenerateKind::receipt: return {{"title", "items", "total", "footer"}, {"items"}};
    }
    return {};
}

bool contains(const std::vector<std::string_view>& list, std::string_view name) {
    return std::find(list.begin(), list.end(), name) != list.end();
}

std::string join(const std::vector<std::string_view>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) text += (i > 0 ? ", " : "") + std::string(names[i]);
    return text;
}

// "bar_chart, line_chart": the kinds that take `key`, for "`labels` is for bar_chart, line_chart images".
std::string kinds_taking(std::string_view key) {
    std::string kinds;
    for (const GenerateKind kind : {GenerateKind::text, GenerateKind::bar_chart, GenerateKind::line_chart,
                                    GenerateKind::table, GenerateKind::form, GenerateKind::receipt,
                                    GenerateKind::sign}) {
        if (contains(keys_of(kind).allowed, key)) kinds += (kinds.empty() ? "" : ", ") + std::string(to_string(kind));
    }
    return kinds;
}

std::string all_kinds() {
    return "text, bar_chart, line_chart, table, form, receipt, sign";
}

// A numeric field that must also satisfy a range rule; `rule` is how the range reads in a message.
template <typename Number, typename Accepts>
std::optional<Number> read_in_range(const Field& field, const std::string& where, Diagnostics& out, Accepts accepts,
                                    std::string_view rule) {
    std::optional<Number> value;
    if constexpr (std::is_floating_point_v<Number>) {
        value = read_number(field, where, out);
    } else {
        value = read_integer(field, where, out);
    }
    if (value && !accepts(*value)) {
        out.add(field.mark(), prefix(where) + "`" + field.name + "` must be " + std::string(rule) + ", got " +
                                  field.value.Scalar());
        return std::nullopt;
    }
    return value;
}

// Stores `value` into `target` when it was read; returns whether it was.
template <typename Target, typename Number>
bool assign(Target& target, const std::optional<Number>& value) {
    if (value) target = static_cast<Target>(*value);
    return value.has_value();
}

bool read_common_number(const Field& field, const std::string& where, Diagnostics& out, GenerateSpec& spec) {
    const std::string& name = field.name;
    if (name == "scale") {
        return assign(spec.scale, read_in_range<double>(field, where, out, [](double v) { return v > 0; },
                                                        "greater than 0"));
    }
    if (name == "thickness") {
        return assign(spec.thickness,
                      read_in_range<std::int64_t>(field, where, out,
                                                  [](std::int64_t v) { return v >= 1 && v <= 100; }, "from 1 to 100"));
    }
    if (name == "blur") {
        return assign(spec.blur, read_in_range<double>(field, where, out, [](double v) { return v >= 0; },
                                                       "0 or more (a Gaussian sigma in pixels)"));
    }
    if (name == "noise") {
        return assign(spec.noise, read_in_range<double>(field, where, out, [](double v) { return v >= 0 && v <= 1; },
                                                        "from 0 to 1 (a fraction of 255)"));
    }
    if (name == "rotate") {
        return assign(spec.rotate,
                      read_in_range<double>(field, where, out, [](double v) { return v >= -360 && v <= 360; },
                                            "from -360 to 360 degrees"));
    }
    if (name == "contrast") {
        return assign(spec.contrast,
                      read_in_range<double>(field, where, out, [](double v) { return v > 0 && v <= 1; },
                                            "greater than 0 and at most 1"));
    }
    if (name == "jpeg_quality") {
        return assign(spec.jpeg_quality,
                      read_in_range<std::int64_t>(field, where, out, [](std::int64_t v) { return v >= 0 && v <= 100; },
                                                  "from 0 (PNG) to 100 (JPEG quality)"));
    }
    if (name == "seed") {
        return assign(spec.seed, read_in_range<std::int64_t>(field, where, out,
                                                             [](std::int64_t v) { return v >= 0; }, "0 or more"));
    }
    return true;
}

// Reports a text the font cannot draw (or a line break where one line is drawn) at `node`.
bool check_drawable(const YAML::Node& node, const std::string& text, const std::string& what, bool single_line,
                    const std::string& where, Diagnostics& out) {
    if (const auto reason = undrawable(text)) {
        out.add(node.Mark(), prefix(where) + what + ": " + *reason);
        return false;
    }
    if (single_line && text.find('\n') != std::string::npos) {
        out.add(node.Mark(), prefix(where) + what + " must be a single line (no line breaks)");
        return false;
    }
    return true;
}

// A string value that will be drawn: its type, emptiness and characters.
std::optional<std::string> read_drawn_text(const Field& field, bool may_be_empty, bool single_line,
                                           const std::string& where, Diagnostics& out) {
    std::optional<std::string> value = read_string(field, where, out);
    if (!value) return std::nullopt;
    if (!may_be_empty && value->find_first_not_of(" \n") == std::string::npos) {
        out.add(field.mark(), prefix(where) + "`" + field.name + "` must not be empty: there would be nothing to read");
        return std::nullopt;
    }
    if (!check_drawable(field.value, *value, "`" + field.name + "`", single_line, where, out)) return std::nullopt;
    return value;
}

// One scalar item of a list that will be drawn as one line; `what` names it ("`labels` item 2").
std::optional<std::string> read_drawn_item(const YAML::Node& node, const std::string& what, bool may_be_empty,
                                           const std::string& where, Diagnostics& out) {
    if (!node.IsScalar()) {
        out.add(node.Mark(), prefix(where) + what + " must be a string, got " + describe(node));
        return std::nullopt;
    }
    const std::string& text = node.Scalar();
    if (!may_be_empty && text.find_first_not_of(' ') == std::string::npos) {
        out.add(node.Mark(), prefix(where) + what + " must not be empty");
        return std::nullopt;
    }
    if (!check_drawable(node, text, what, true, where, out)) return std::nullopt;
    return text;
}

// A non-empty YAML list, or a report saying what the list should hold.
bool is_non_empty_list(const Field& field, std::string_view holds, const std::string& where, Diagnostics& out) {
    if (field.value.IsSequence() && field.value.size() > 0) return true;
    out.add(field.mark(), prefix(where) + "`" + field.name + "` must be a non-empty list of " + std::string(holds) +
                              ", got " + (field.value.IsSequence() ? std::string("an empty list") : describe(field.value)));
    return false;
}

std::string item_name(const Field& field, std::size_t index) {
    return "`" + field.name + "` item " + std::to_string(index + 1);
}

bool read_labels(const Field& field, const std::string& where, Diagnostics& out, GenerateSpec& spec) {
    if (!is_non_empty_list(field, "category names", where, out)) return false;
    bool ok = true;
    for (std::size_t i = 0; i < field.value.size(); ++i) {
        auto label = read_drawn_item(field.value[i], item_name(field, i), false, where, out);
        if (label) spec.labels.push_back(std::move(*label));
        ok = ok && label.has_value();
    }
    return ok;
}

bool read_values(const Field& field, const std::string& where, Diagnostics& out, GenerateSpec& spec) {
    if (!is_non_empty_list(field, "numbers", where, out)) return false;
    bool ok = true;
    for (std::size_t i = 0; i < field.value.size(); ++i) {
        // read_number quotes the name itself: "`values item 2` must be a number".
        const Field item{field.name + " item " + std::to_string(i + 1), field.value[i], field.value[i]};
        const std::optional<double> value = read_number(item, where, out);
        if (value) spec.values.push_back(*value);
        ok = ok && value.has_value();
    }
    return ok;
}

bool read_rows(const Field& field, const std::string& where, Diagnostics& out, GenerateSpec& spec) {
    if (!is_non_empty_list(field, "rows (the header row first), each a list of cells", where, out)) return false;
    if (field.value.size() < 2) {
        out.add(field.mark(), prefix(where) + "`rows` needs the header row and at least one data row");
        return false;
    }
    bool ok = true;
    std::size_t columns = 0;
    for (std::size_t r = 0; r < field.value.size(); ++r) {
        const YAML::Node row = field.value[r];
        const std::string row_name = "`rows` row " + std::to_string(r + 1);
        if (!row.IsSequence() || row.size() == 0) {
            out.add(row.Mark(), prefix(where) + row_name + " must be a non-empty list of cells, got " + describe(row));
            ok = false;
            continue;
        }
        if (r == 0) columns = row.size();
        if (row.size() != columns) {
            out.add(row.Mark(), prefix(where) + row_name + " has " + std::to_string(row.size()) +
                                    " cells but the header row has " + std::to_string(columns) +
                                    "; every row needs one cell per column");
            ok = false;
        }
        std::vector<std::string>& cells = spec.rows.emplace_back();
        for (std::size_t c = 0; c < row.size(); ++c) {
            auto cell = read_drawn_item(row[c], row_name + " cell " + std::to_string(c + 1), true, where, out);
            if (cell) cells.push_back(std::move(*cell));
            ok = ok && cell.has_value();
        }
    }
    return ok;
}

// `fields` of a form and `items` of a receipt: lists of [label, value] pairs.
bool read_pairs(const Field& field, std::string_view pair_meaning, const std::string& where, Diagnostics& out,
                std::vector<LabelledValue>& target) {
    if (!is_non_empty_list(field, "[" + std::string(pair_meaning) + "] pairs", where, out)) return false;
    bool ok = true;
    for (std::size_t i = 0; i < field.value.size(); ++i) {
        const YAML::Node pair = field.value[i];
        const std::string name = item_name(field, i);
        if (!pair.IsSequence() || pair.size() != 2) {
            out.add(pair.Mark(), prefix(where) + name + " must be a pair [" + std::string(pair_meaning) + "], got " +
                                     (pair.IsSequence() ? "a list of " + std::to_string(pair.size()) : describe(pair)));
            ok = false;
            continue;
        }
        auto label = read_drawn_item(pair[0], name + " label", false, where, out);
        auto value = read_drawn_item(pair[1], name + " value", true, where, out);
        if (label && value) target.push_back({std::move(*label), std::move(*value)});
        ok = ok && label && value;
    }
    return ok;
}

bool read_kind_field(const Field& field, const std::string& where, Diagnostics& out, GenerateSpec& spec) {
    const std::string& name = field.name;
    const auto text_into = [&](std::string& target, bool may_be_empty, bool single_line) {
        auto value = read_drawn_text(field, may_be_empty, single_line, where, out);
        if (value) target = std::move(*value);
        return value.has_value();
    };
    if (name == "text") return text_into(spec.text, false, false);
    if (name == "title") return text_into(spec.title, true, true);
    if (name == "y_label") return text_into(spec.y_label, true, true);
    if (name == "total") return text_into(spec.total, true, true);
    if (name == "footer") return text_into(spec.footer, true, false);
    if (name == "labels") return read_labels(field, where, out, spec);
    if (name == "values") return read_values(field, where, out, spec);
    if (name == "rows") return read_rows(field, where, out, spec);
    if (name == "fields") return read_pairs(field, "label, value", where, out, spec.fields);
    if (name == "items") return read_pairs(field, "item, price", where, out, spec.items);
    return read_common_number(field, where, out, spec);
}

std::optional<GenerateKind> read_kind(const FieldMap& fields, const std::string& where, Diagnostics& out) {
    const Field* field = fields.find("kind");
    if (!field) return GenerateKind::text;
    const std::optional<std::string> name = read_string(*field, where, out);
    if (!name) return std::nullopt;
    const std::optional<GenerateKind> kind = generate_kind_from_string(*name);
    if (!kind) out.add(field->mark(), prefix(where) + "unknown kind `" + *name + "`; known kinds: " + all_kinds());
    return kind;
}

// Keys of another kind, and required keys of this kind that are missing.
bool check_kind_keys(const FieldMap& fields, const YAML::Node& map, GenerateKind kind, const std::string& where,
                     Diagnostics& out) {
    const KindKeys keys = keys_of(kind);
    bool ok = true;
    for (const Field& field : fields.fields()) {
        if (contains(common_keys, field.name) || contains(keys.allowed, field.name)) continue;
        out.add(field.key.Mark(), prefix(where) + "`" + field.name + "` is for " + kinds_taking(field.name) +
                                      " images; this image's kind is " + std::string(to_string(kind)));
        ok = false;
    }
    for (const std::string_view required : keys.required) {
        if (fields.find(required)) continue;
        out.add(map.Mark(), prefix(where) + "missing required key `" + std::string(required) + "` (a " +
                                std::string(to_string(kind)) + " image needs " + join(keys.required) + ")");
        ok = false;
    }
    return ok;
}

bool check_chart_lengths(const FieldMap& fields, const GenerateSpec& spec, const std::string& where,
                         Diagnostics& out) {
    if (spec.values.size() == spec.labels.size()) return true;
    out.add(fields.find("values")->mark(), prefix(where) + "`values` has " + std::to_string(spec.values.size()) +
                                               " numbers but `labels` has " + std::to_string(spec.labels.size()) +
                                               "; give one value per label");
    return false;
}

}  // namespace

std::optional<GenerateSpec> read_generate_spec(const Field& field, const std::string& where, Diagnostics& out) {
    const std::string spec_where = where.empty() ? "image.generate" : where + ", image.generate";
    if (!field.value.IsMap()) {
        out.add(field.mark(), spec_where + ": must be a map with `text` (or `kind` and its data) and optional "
                                           "scale, thickness, blur, noise, rotate, contrast, jpeg_quality, seed; got " +
                                           describe(field.value));
        return std::nullopt;
    }
    const FieldMap fields(field.value, generate_keys, spec_where, out);
    const std::optional<GenerateKind> kind = read_kind(fields, spec_where, out);
    if (!kind) return std::nullopt;

    GenerateSpec spec;
    spec.kind = *kind;
    bool ok = check_kind_keys(fields, field.value, *kind, spec_where, out);
    for (const Field& entry : fields.fields()) {
        // A key of another kind was reported above; its value would only add noise.
        if (entry.name == "kind" || !(contains(common_keys, entry.name) || contains(keys_of(*kind).allowed, entry.name)))
            continue;
        if (!read_kind_field(entry, spec_where, out, spec)) ok = false;
    }
    const bool is_chart = *kind == GenerateKind::bar_chart || *kind == GenerateKind::line_chart;
    if (ok && is_chart) ok = check_chart_lengths(fields, spec, spec_where, out);
    if (!ok) return std::nullopt;
    return spec;
}

}  // namespace evalpanel::suite::detail
