#include "suite/image_source_reader.hpp"

#include "suite/generate_spec_reader.hpp"
#include "suite/image_path.hpp"

namespace evalpanel::suite::detail {
namespace {

std::optional<ImageSource> read_image_file(const Field& field, const std::string& where,
                                           const std::filesystem::path& root, Diagnostics& out) {
    const std::string& written = field.value.Scalar();
    const std::string about = prefix(where) + "image `" + written + "`";
    if (written.empty()) {
        out.add(field.mark(), prefix(where) + "`image` must not be empty: give a path relative to the suite file");
        return std::nullopt;
    }
    std::filesystem::path resolved;
    std::error_code error;
    resolved = std::filesystem::weakly_canonical(root / written, error);
    if (error) {
        out.add(field.mark(), about + " cannot be resolved: " + error.message());
        return std::nullopt;
    }
    if (!is_inside(root, resolved)) {
        out.add(field.mark(), about + " resolves to " + resolved.string() + ", outside the suite's folder " +
                                  root.string() + "; images must stay inside it");
        return std::nullopt;
    }
    if (!std::filesystem::exists(resolved, error)) {
        out.add(field.mark(), about + " does not exist (looked for " + resolved.string() + ")");
        return std::nullopt;
    }
    if (!std::filesystem::is_regular_file(resolved, error)) {
        out.add(field.mark(), about + " is not a regular file (" + resolved.string() + ")");
        return std::nullopt;
    }
    return ImageSource{resolved, nullptr};
}

}  // namespace

std::optional<ImageSource> read_image_source(const Field& field, const std::string& where,
                                             const std::filesystem::path& root, Diagnostics& out) {
    if (field.value.IsScalar()) return read_image_file(field, where, root, out);
    if (field.value.IsMap()) {
        const FieldMap fields(field.value, {"generate"}, where.empty() ? "image" : where + ", image", out);
        const Field* generate = fields.find("generate");
        if (!generate) {
            if (field.value.size() == 0) {
                out.add(field.mark(), prefix(where) + "`image` map must hold `generate`");
            }
            return std::nullopt;  // an unknown key was reported by FieldMap
        }
        std::optional<GenerateSpec> spec = read_generate_spec(*generate, where, out);
        if (!spec) return std::nullopt;
        return ImageSource{{}, std::make_shared<const GenerateSpec>(std::move(*spec))};
    }
    out.add(field.mark(), prefix(where) + "`image` must be a path relative to the suite file or "
                                          "{generate: {...}}, got " + describe(field.value));
    return std::nullopt;
}

}  // namespace evalpanel::suite::detail
