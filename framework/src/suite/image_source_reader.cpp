#include "suite/image_source_reader.hpp"

#include "suite/generate_spec_reader.hpp"
#include "suite/image_path.hpp"

namespace evalpanel::suite::detail {

ImagePathCache::Entry resolve_image_file(const std::filesystem::path& root, const std::string& written) {
    std::error_code error;
    const std::filesystem::path resolved = std::filesystem::weakly_canonical(root / written, error);
    if (error) return {{}, " cannot be resolved: " + error.message()};
    if (!is_inside(root, resolved)) {
        return {{}, " resolves to " + resolved.string() + ", outside the suite's folder " + root.string() +
                        "; images must stay inside it"};
    }
    if (!std::filesystem::exists(resolved, error)) return {{}, " does not exist (looked for " + resolved.string() + ")"};
    if (!std::filesystem::is_regular_file(resolved, error)) {
        return {{}, " is not a regular file (" + resolved.string() + ")"};
    }
    return {resolved, {}};
}

namespace {

std::optional<ImageSource> read_image_file(const Field& field, const std::string& where,
                                           const std::filesystem::path& root, ImagePathCache& cache,
                                           Diagnostics& out) {
    const std::string& written = field.value.Scalar();
    if (written.empty()) {
        out.add(field.mark(), prefix(where) + "`image` must not be empty: give a path relative to the suite file");
        return std::nullopt;
    }
    auto found = cache.entries.find(written);
    if (found == cache.entries.end()) found = cache.entries.emplace(written, resolve_image_file(root, written)).first;
    const ImagePathCache::Entry& entry = found->second;
    if (!entry.problem.empty()) {
        out.add(field.mark(), prefix(where) + "image `" + written + "`" + entry.problem);
        return std::nullopt;
    }
    return ImageSource{entry.resolved, nullptr};
}

}  // namespace

std::optional<ImageSource> read_image_source(const Field& field, const std::string& where,
                                             const std::filesystem::path& root, ImagePathCache& cache,
                                             Diagnostics& out) {
    if (field.value.IsScalar()) return read_image_file(field, where, root, cache, out);
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
