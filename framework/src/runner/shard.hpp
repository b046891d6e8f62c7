// Shards: `--shard I/N` runs every case whose position in the suite is I-1 modulo N, so N machines
// running I = 1..N cover the suite exactly once between them, deterministically.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace evalpanel::runner {

struct Shard {
    int index = 1;  // 1-based
    int count = 1;

    bool contains(std::size_t case_position) const {
        return case_position % static_cast<std::size_t>(count) == static_cast<std::size_t>(index - 1);
    }
    std::string to_string() const { return std::to_string(index) + "/" + std::to_string(count); }
};

// "2/4" -> {2, 4}. Throws std::invalid_argument with one sentence for anything else (0/4, 5/4, 2/0, x).
Shard parse_shard(const std::string& text);

}  // namespace evalpanel::runner
