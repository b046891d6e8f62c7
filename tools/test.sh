#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs every test with ctest.
#   tools/test.sh             the whole suite built with AddressSanitizer + UndefinedBehaviorSanitizer,
#                             in build-asan/ (what CI runs; docs/robustness.md says why this is the default)
#   tools/test.sh --release   the same suite in the Release build, build/ (the build the main command and
#                             the benchmarks use)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
./tools/deps.sh --test
case "${1:-}" in
  --release)
    ./tools/build.sh -DEVALPANEL_BUILD_TESTS=ON
    exec ctest --test-dir build --output-on-failure -j "$jobs" --timeout 600
    ;;
  ""|--sanitize)
    cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Release -DEVALPANEL_BUILD_TESTS=ON -DEVALPANEL_SANITIZE=ON >/dev/null
    cmake --build build-asan -j "$jobs"
    exec ctest --test-dir build-asan --output-on-failure -j "$jobs" --timeout 600
    ;;
  *)
    echo "usage: tools/test.sh [--release]" >&2
    exit 2
    ;;
esac
