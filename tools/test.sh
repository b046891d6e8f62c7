#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs every test with ctest.
#   tools/test.sh              Release build in build/ (what CI runs)
#   tools/test.sh --sanitize   the same suite built with AddressSanitizer + UndefinedBehaviorSanitizer,
#                              in build-asan/ (docs/robustness.md); about twice the build time
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
./tools/deps.sh --test
if [ "${1:-}" = "--sanitize" ]; then
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Release -DEVALPANEL_BUILD_TESTS=ON -DEVALPANEL_SANITIZE=ON >/dev/null
  cmake --build build-asan -j "$jobs"
  exec ctest --test-dir build-asan --output-on-failure -j "$jobs" --timeout 600
fi
./tools/build.sh -DEVALPANEL_BUILD_TESTS=ON
ctest --test-dir build --output-on-failure -j "$jobs" --timeout 600
