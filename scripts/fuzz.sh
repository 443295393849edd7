#!/usr/bin/env bash
# Fuzzes the justification-comment parser and the rules-file loader with
# libFuzzer (ASan + UBSan), each for a bounded time, starting from the seed
# corpora in test/fuzz/.  Usage: bash scripts/fuzz.sh [seconds per target]
# (default 600).  New inputs go to build/fuzz-corpus/, crashes to build/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$root/build
seconds=${1:-600}
bash "$root/scripts/setup.sh" build >&2
status=0
for target in justification rules; do
  corpus="$build/fuzz-corpus/$target"
  mkdir -p "$corpus"
  echo "== fuzz-$target for ${seconds}s" >&2
  (cd "$build" && "$build/bin/fuzz-$target" -max_total_time="$seconds" \
     -max_len=4096 -print_final_stats=1 "$corpus" "$root/test/fuzz/$target") || status=1
done
exit $status
