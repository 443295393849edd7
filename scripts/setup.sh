#!/usr/bin/env bash
# Installs what is missing from Debian's packages, builds alloc-tidy, and runs
# it on the example shipped in examples/.
# Usage: bash scripts/setup.sh [build] [--sanitize]
#   (no argument)  install, build, analyse examples/msg_handler.c
#   build          install and build only (used by scripts/test.sh)
#   --sanitize     build with ASan + UBSan, in build-asan/
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=all
build=$root/build
extra=()
for arg in "$@"; do
  case "$arg" in
    build) mode=build ;;
    --sanitize) build=$root/build-asan; extra+=(-DALLOC_TIDY_SANITIZE=ON) ;;
    *) echo "usage: bash scripts/setup.sh [build] [--sanitize]" >&2; exit 2 ;;
  esac
done

packages=(clang-tidy-19 libclang-19-dev llvm-19-dev llvm-19-tools clang-19
          libclang-rt-19-dev libc6-dev cmake ninja-build python3
          python3-jsonschema python3-yaml git pre-commit)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "alloc-tidy setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# clang++-19 builds what Debian's LLVM 19 was built with: the same C++
# name mangling for the clang-tidy templates the checks instantiate.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
  -DPython3_EXECUTABLE=/usr/bin/python3 "${extra[@]}" >/dev/null
cmake --build "$build"

if [ "$mode" = all ]; then
  echo
  echo "== alloc-tidy on examples/msg_handler.c (clang-tidy-19 with the plugin) =="
  cd "$root"
  clang-tidy-19 --load="$build/lib/alloc-tidy-plugin.so" --checks='-*,alloc-*' \
    examples/msg_handler.c --
fi
