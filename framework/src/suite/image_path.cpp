#include "suite/image_path.hpp"

#include <algorithm>

namespace evalpanel::suite::detail {

std::filesystem::path resolve_image_path(const std::filesystem::path& root, const std::filesystem::path& relative) {
    return std::filesystem::weakly_canonical(root / relative);
}

bool is_inside(const std::filesystem::path& root, const std::filesystem::path& path) {
    // Whole components, not characters: /data/suite-other is not inside /data/suite.
    const auto [root_end, path_at] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
    return root_end == root.end();
}

}  // namespace evalpanel::suite::detail
