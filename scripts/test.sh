#!/usr/bin/env bash
# Builds alloc-tidy (installing what is missing) and runs the whole test
# suite once per front end.  The last line is "N passed, N failed".
# Usage: bash scripts/test.sh [--llvm N] [--gcc] [--sanitize]
#   --llvm N     against LLVM/Clang N (14, 16, 19 or 22; default 19), its
#                clang-tidy-N loading the plugin; in build-llvmN/ (19: build/)
#   --gcc        the checker compiled with g++ (build-gcc/)
#   --sanitize   ASan + UBSan build (build-asan/)
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
llvm=19 gcc=0 sanitize=0
args=("$@")
while [ $# -gt 0 ]; do
  case "$1" in
    --llvm) llvm=${2:-}; shift ;;
    --llvm=*) llvm=${1#--llvm=} ;;
    --gcc) gcc=1 ;;
    --sanitize) sanitize=1 ;;
  esac
  shift
done
if ! bash "$root/scripts/setup.sh" build "${args[@]}"; then
  echo "alloc-tidy: set-up or build failed; no test ran"
  echo "0 passed, 1 failed"
  exit 1
fi
build=$(bash "$root/scripts/build-dir.sh" "$llvm" "$gcc" "$sanitize")
exec /usr/bin/python3 "$root/test/run_suite.py" "$build"
