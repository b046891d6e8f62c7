// Synthetic results for the store and report benchmarks: what an OCR run of N cases stores, with text,
// tags and scores of realistic size, generated deterministically so every run of a benchmark writes
// the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace evalpanel::bench {

// A finished-looking run of `suite` by `tool` scoring `metrics` (metric ids known to the registry, so
// reports know each one's direction).
store::RunRecord synthetic_run(const std::string& tool, const std::string& suite, std::int64_t cases,
                               const std::vector<std::string>& metrics);

// Case `index` of run `run_id`: status ok (one case in 50 an error), one value per metric in [0, 1]
// (one in 20 undefined), two tags out of a handful so reports have slices to compute.
store::ResultRecord synthetic_result(std::int64_t run_id, std::int64_t index, const std::vector<std::string>& metrics);

}  // namespace evalpanel::bench
