#!/usr/bin/env bash
# Installs the built evalpanel into a temporary prefix, builds examples/hello_plugin against that install
# only, installs the plugin beside it, and runs a suite with it: what a plugin author outside this tree does.
#   tools/check/out_of_tree_plugin.sh BUILD_DIR
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?usage: out_of_tree_plugin.sh BUILD_DIR}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

cmake --install "$build" --prefix "$prefix" >/dev/null
cmake -S "$src/examples/hello_plugin" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/build" >/dev/null
cmake --install "$work/build" --prefix "$prefix" >/dev/null

cd "$work"
"$prefix/bin/evalpanel" plugins | tee plugins.txt
grep -q "^hello  1.0.0  local  tasks: ocr" plugins.txt

mkdir -p suite
printf 'image bytes' > suite/a.png
cat > suite/s.yaml <<'YAML'
suite: hello-suite
task: ocr
metrics: [cer, exact_match]
cases:
  - {id: a, image: a.png, expected: "hello world"}
YAML
printf 'tools:\n  hello: {plugin: hello}\n' > evalpanel.yaml
"$prefix/bin/evalpanel" run suite --tool hello --db e.db -q
"$prefix/bin/evalpanel" export --db e.db | tee cases.jsonl
grep -q '"status":"ok"' cases.jsonl
grep -q '"cer":0.0' cases.jsonl
echo "out-of-tree plugin: built from the installed SDK, loaded and run"

# A scaffolded plugin builds against the same install and passes its own test as written.
"$prefix/bin/evalpanel" new-plugin my_tool --dir "$work/my_tool" >/dev/null
cmake -S "$work/my_tool" -B "$work/my_tool/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/my_tool/build" >/dev/null
ctest --test-dir "$work/my_tool/build" --output-on-failure | tail -3
cmake --install "$work/my_tool/build" --prefix "$prefix" >/dev/null
"$prefix/bin/evalpanel" plugins | grep -q "^my_tool  0.1.0  local  tasks: ocr"
echo "scaffold: new-plugin project built, tested and loaded"
