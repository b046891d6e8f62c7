#!/usr/bin/env bash
# Fuzzes every target in tests/fuzz for a bounded time with libFuzzer (clang, ASan + UBSan), and keeps
# what it finds: each crashing, leaking, hanging or memory-hungry input is copied into the target's
# regressions/ folder, which the normal test build replays as the ctest test fuzz.<target>.
#   tools/fuzz.sh [SECONDS_PER_TARGET]     default 60
# Build dir: build-fuzz/ in the repository (ignored by git), or $EVALPANEL_FUZZ_BUILD_DIR.
# Exit status: 0 when no target found anything, 1 when an input was added to a regressions/ folder.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=${EVALPANEL_FUZZ_BUILD_DIR:-build-fuzz}

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
      -DEVALPANEL_BUILD_TESTS=ON -DEVALPANEL_FUZZ=ON >/dev/null
cmake --build "$build" -j2 --target evalpanel_fuzz_targets

# Leaks inside third-party libraries only (the same list ctest uses in sanitized builds).
export LSAN_OPTIONS="suppressions=$PWD/tools/sanitizers/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

found=0
for source in tests/fuzz/*/*_fuzz.cpp; do
  dir=$(dirname "$source")
  name=$(basename "$dir")
  # New inputs libFuzzer finds go to a scratch corpus; the seeds in the repository are only read.
  scratch=$build/fuzz-corpus/$name
  artifacts=$build/fuzz-artifacts/$name
  rm -rf "$artifacts" && mkdir -p "$scratch" "$artifacts"
  echo "== $name: ${seconds} s"
  # -timeout: one input taking longer is a finding (a hang); -rss_limit_mb: so is one needing 2 GB.
  if "$build/bin/fuzz_$name" "$scratch" "$dir/corpus" "$dir/regressions" -max_total_time="$seconds" \
       -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$artifacts/" -print_final_stats=1 \
       >"$artifacts.log" 2>&1; then
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$artifacts.log" | tr '\n' ' '
    echo
  else
    tail -n 30 "$artifacts.log"
  fi
  for input in "$artifacts"/*; do
    [ -e "$input" ] || continue
    cp "$input" "$dir/regressions/"
    echo "FINDING: $name: $(basename "$input") copied to $dir/regressions/ (log: $artifacts.log)"
    found=1
  done
done
if [ "$found" = 1 ]; then
  echo "fuzz.sh: findings were added to regressions/ folders: fix the cause; ctest -R fuzz. replays them"
  exit 1
fi
echo "fuzz.sh: no findings"
