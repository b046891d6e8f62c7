// Where a suite's image path points, and whether that is inside the suite's folder.
#pragma once

#include <filesystem>

namespace evalpanel::suite::detail {

// `relative` resolved against `root`, with symlinks followed as far as the path exists
// (std::filesystem::weakly_canonical), so a link cannot smuggle a file in from elsewhere.
std::filesystem::path resolve_image_path(const std::filesystem::path& root, const std::filesystem::path& relative);

// True when `path` is `root` or below it. Both must already be canonical.
bool is_inside(const std::filesystem::path& root, const std::filesystem::path& path);

}  // namespace evalpanel::suite::detail
