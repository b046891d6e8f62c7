// Reads a case's `image:` — a file path relative to the suite, or `{generate: {...}}`.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>

#include "suite/yaml_fields.hpp"

namespace evalpanel::suite::detail {

// `root` is the suite's folder, canonical. A path must name an existing file inside it once symlinks
// are followed. Reports every problem; nullopt if any.
// What one suite's image paths resolved to, by the path as written: cases that share an image (several
// questions about one chart) resolve it once — each resolution is a handful of system calls.
struct ImagePathCache {
    struct Entry {
        std::filesystem::path resolved;  // set when the path is usable
        std::string problem;             // else what is wrong, as the tail of a message
    };
    std::unordered_map<std::string, Entry> entries;
};

// Where an image path as written leads from `root`: the file, or what is wrong with it (a message's tail).
ImagePathCache::Entry resolve_image_file(const std::filesystem::path& root, const std::string& written);

std::optional<ImageSource> read_image_source(const Field& field, const std::string& where,
                                             const std::filesystem::path& root, ImagePathCache& cache,
                                             Diagnostics& out);

}  // namespace evalpanel::suite::detail
