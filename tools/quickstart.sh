#!/usr/bin/env bash
# The main job on the embedded default: install what is missing, build (Release), run the shipped OCR
# suites with the built-in `tesseract` tool into evalpanel.db, and write reports/out/quickstart.md.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${EVALPANEL_DB:-evalpanel.db}
./tools/deps.sh
./tools/build.sh -DEVALPANEL_BUILD_TESTS=OFF
# --no-cache: a quickstart measures the engine afresh each time (latency too), not the stored answers.
build/bin/evalpanel run suites/ocr --tool tesseract --db "$db" --no-cache
build/bin/evalpanel report --latest --format md --db "$db" --out reports/out/quickstart.md
echo "report: reports/out/quickstart.md   all cases: build/bin/evalpanel export --run latest --db $db"
