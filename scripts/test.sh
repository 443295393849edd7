#!/usr/bin/env bash
# Builds alloc-tidy (installing what is missing) and runs the whole test
# suite once per front end.  The last line is "N passed, N failed".
# Usage: bash scripts/test.sh [--sanitize]   (--sanitize: ASan + UBSan build)
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$root/build
[ "${1:-}" = --sanitize ] && build=$root/build-asan
if ! bash "$root/scripts/setup.sh" build "$@"; then
  echo "alloc-tidy: set-up or build failed; no test ran"
  echo "0 passed, 1 failed"
  exit 1
fi
exec /usr/bin/python3 "$root/test/run_suite.py" "$build"
