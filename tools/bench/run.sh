#!/bin/sh
# Issue 8's benchmarks: one command builds what they need (Release, in build-bench/ unless --build-dir
# names another tree) and prints one table, also written as JSON to <build dir>/bench.json.
#   tools/bench/run.sh [--quick] [--only host_overhead|memory|latency|tesseract|store_write|reports]...
# See docs/performance.md.
exec python3 "$(dirname "$0")/bench.py" "$@"
