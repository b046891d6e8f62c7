// Reads a case's `image:` — a file path relative to the suite, or `{generate: {...}}`.
#pragma once

#include <filesystem>
#include <optional>

#include "suite/yaml_fields.hpp"

namespace evalpanel::suite::detail {

// `root` is the suite's folder, canonical. A path must name an existing file inside it once symlinks
// are followed. Reports every problem; nullopt if any.
std::optional<ImageSource> read_image_source(const Field& field, const std::string& where,
                                             const std::filesystem::path& root, Diagnostics& out);

}  // namespace evalpanel::suite::detail
