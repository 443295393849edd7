#!/usr/bin/env bash
# Installs what is missing from Debian's packages, builds alloc-tidy, and runs
# it on the example shipped in examples/.
# Usage: bash scripts/setup.sh [build] [--llvm N] [--gcc] [--sanitize]
#   (no argument)  install, build, analyse examples/msg_handler.c
#   build          install and build only (used by scripts/test.sh)
#   --llvm N       build against LLVM/Clang N (14, 16, 19 or 22; default 19)
#                  in build-llvmN/ (19: build/)
#   --gcc          compile with the system's g++ instead of clang++-N, in
#                  build-gcc/ (build-gcc-llvmN/ for another LLVM)
#   --sanitize     build with ASan + UBSan, in build-asan/
# ALLOC_TIDY_BUILD_DIR, when set, overrides the build directory.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=all
llvm=19
gcc=0
sanitize=0
extra=()
usage() {
  echo "usage: bash scripts/setup.sh [build] [--llvm N] [--gcc] [--sanitize]" >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    build) mode=build ;;
    --llvm) [ $# -ge 2 ] || usage; llvm=$2; shift ;;
    --llvm=*) llvm=${1#--llvm=} ;;
    --gcc) gcc=1 ;;
    --sanitize) sanitize=1; extra+=(-DALLOC_TIDY_SANITIZE=ON) ;;
    *) usage ;;
  esac
  shift
done
case "$llvm" in
  ''|*[!0-9]*) echo "alloc-tidy setup: --llvm takes a major version such as 19, not '$llvm'" >&2; exit 2 ;;
esac
build=$(bash "$root/scripts/build-dir.sh" "$llvm" "$gcc" "$sanitize")

packages=(clang-tidy-$llvm libclang-$llvm-dev llvm-$llvm-dev llvm-$llvm-tools
          clang-$llvm libclang-rt-$llvm-dev libc6-dev cmake ninja-build python3
          python3-jsonschema python3-yaml git pre-commit)
[ $gcc = 1 ] && packages+=(g++)
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
  # LLVM 22 comes from Debian 12's security suite (bookworm-security).
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ $gcc = 1 ]; then
  compilers=(-DCMAKE_C_COMPILER=gcc -DCMAKE_CXX_COMPILER=g++)
else
  compilers=(-DCMAKE_C_COMPILER=clang-$llvm -DCMAKE_CXX_COMPILER=clang++-$llvm)
fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DALLOC_TIDY_LLVM="$llvm" "${compilers[@]}" \
  -DPython3_EXECUTABLE=/usr/bin/python3 "${extra[@]}" >/dev/null
# Two jobs: the machines this runs on (CI, developers) have two cores.
cmake --build "$build" -- -j"${ALLOC_TIDY_JOBS:-2}"

if [ "$mode" = all ]; then
  echo
  echo "== alloc-tidy on examples/msg_handler.c (clang-tidy-$llvm with the plugin) =="
  cd "$root"
  "clang-tidy-$llvm" --load="$build/lib/alloc-tidy-plugin.so" --checks='-*,alloc-*' \
    examples/msg_handler.c --
fi
