#!/usr/bin/env bash
# Prints the build directory setup.sh and test.sh use.
# Usage: build-dir.sh <llvm major> <gcc 0|1> <sanitize 0|1>
set -eu
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ -n "${ALLOC_TIDY_BUILD_DIR:-}" ]; then echo "$ALLOC_TIDY_BUILD_DIR"; exit 0; fi
name=build
[ "$3" = 1 ] && name=$name-asan
[ "$2" = 1 ] && name=$name-gcc
[ "$1" != 19 ] && name=$name-llvm$1
echo "$root/$name"
