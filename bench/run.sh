#!/usr/bin/env bash
# The benchmark: one command, from a clean clone (not part of the test suite).
#   bash bench/run.sh [--runs N] [--sizes 25,50,100] [--no-slow]
# Builds alloc-tidy (scripts/setup.sh), fetches the SQLite amalgamation from
# the npm package better-sqlite3 into bench/cache/ (git-ignored), times the
# tools on it and on a generated corpus, prints the table (bench.py), and
# finally runs the crash check over every file.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
cache="$here/cache"
build=$root/build
mkdir -p "$cache"

bash "$root/scripts/setup.sh" build >&2
for tool in cppcheck gcc npm; do
  command -v "$tool" > /dev/null || echo "bench: $tool not found; its row will fail" >&2
done

sqlite="$cache/package/deps/sqlite3/sqlite3.c"
if [ ! -f "$sqlite" ]; then
  echo "bench: fetching the SQLite amalgamation (npm pack better-sqlite3)" >&2
  (cd "$cache" && rm -f better-sqlite3-*.tgz && npm pack --silent better-sqlite3 > /dev/null &&
   tar xzf better-sqlite3-*.tgz package/deps/sqlite3)
fi

echo "# alloc-tidy benchmark"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "- command: bash bench/run.sh $*"
echo "- clang-tidy: $(clang-tidy-19 --version | grep -m1 -o 'version [0-9.]*'), alloc-tidy $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo
/usr/bin/python3 "$here/bench.py" --build "$build" --sqlite "$sqlite" --gen-root "$cache" "$@"

echo
echo "### Crash check (every check, widest options, plugin and driver)"
echo
/usr/bin/python3 "$here/crash_check.py" --clang-tidy clang-tidy-19 \
  --plugin "$build/lib/alloc-tidy-plugin.so" --driver "$build/bin/alloc-tidy" \
  "$sqlite" "$cache/gen-25"
