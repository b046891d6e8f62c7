#include "suite/generate_spec_reader.hpp"

namespace evalpanel::suite::detail {
namespace {

const std::vector<std::string_view> generate_keys = {"text",   "scale",    "thickness",    "blur", "noise",
                                                     "rotate", "contrast", "jpeg_quality", "seed"};

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

bool read_optional_field(const Field& field, const std::string& where, Diagnostics& out, GenerateSpec& spec) {
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
    return true;  // FieldMap admits only generate_keys, and `text` is read by the caller
}

}  // namespace

std::optional<GenerateSpec> read_generate_spec(const Field& field, const std::string& where, Diagnostics& out) {
    const std::string spec_where = where.empty() ? "image.generate" : where + ", image.generate";
    if (!field.value.IsMap()) {
        out.add(field.mark(), spec_where + ": must be a map with `text` and optional scale, thickness, blur, noise, "
                                           "rotate, contrast, jpeg_quality, seed; got " + describe(field.value));
        return std::nullopt;
    }
    const FieldMap fields(field.value, generate_keys, spec_where, out);

    GenerateSpec spec;
    bool ok = true;
    if (const Field* text = fields.find("text")) {
        const std::optional<std::string> value = read_string(*text, spec_where, out);
        if (value && value->empty()) {
            out.add(text->mark(), prefix(spec_where) + "`text` must not be empty: there would be nothing to read");
        }
        ok = value && !value->empty();
        if (ok) spec.text = *value;
    } else {
        out.add(field.value.Mark(), prefix(spec_where) + "missing required key `text` (the text to render)");
        ok = false;
    }
    for (const Field& entry : fields.fields()) {
        if (entry.name != "text" && !read_optional_field(entry, spec_where, out, spec)) ok = false;
    }
    if (!ok) return std::nullopt;
    return spec;
}

}  // namespace evalpanel::suite::detail
