#!/usr/bin/env bash
# Installs the Debian 12 packages evalpanel builds and runs with — only those that are missing, so a
# machine that has them all is not touched (and needs no root).
#   tools/deps.sh          what building and running need
#   tools/deps.sh --test   plus what the tests need (headless Chromium for the report page check)
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libboost-dev libboost-program-options-dev
  libyaml-cpp-dev libsqlitecpp-dev libsqlite3-dev
  libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-eng
  libcurl4-openssl-dev nlohmann-json3-dev libcpp-httplib-dev libicu-dev
  libgtest-dev libgmock-dev
)
if [ "${1:-}" = "--test" ]; then
  packages+=(chromium)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "deps: all ${#packages[@]} Debian packages present"
  exit 0
fi

echo "deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "deps: missing packages and not root (no sudo): ${missing[*]}" >&2; exit 2
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
