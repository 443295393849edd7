#!/usr/bin/env bash
# The baseline workflow of docs/adopting.md in a throw-away repository:
#   write   --write-baseline accepts today's findings (and the inventory)
#   gate    --baseline: exit 0, nothing new
#   rename  a pure 'git mv': the findings follow the file (unchanged)
#   new     one new unjustified site: text marks it [check,new], JSON "new"
#   sites   --fail-on=new-sites: a justified new site still fails, listed
#   refresh one finding fixed, one added: a refresh (--baseline and
#           --write-baseline on the same file) drops the fixed one and does
#           not accept the new one
# Usage: baseline_workflow.sh <alloc-tidy> <work dir> <compiler flags...>
set -eu
driver=$1 work=$2
shift 2
FLAGS=("$@")
rm -rf "$work" && mkdir -p "$work" && cd "$work"
git init -q .
git config user.email base@example.invalid
git config user.name base
tidy() { # tidy <label> <args...>: output (stdout and stderr) and exit status
  local label=$1
  shift
  echo "== $label"
  set +e
  "$driver" --checks=-*,alloc-unjustified,alloc-group-unwind "$@" -- "${FLAGS[@]}" 2>&1
  echo "exit=$?"
  set -e
}
count() { # count <sarif>: results in a SARIF file
  /usr/bin/python3 -c 'import json,sys; print("results=%d" % len(json.load(open(sys.argv[1]))["runs"][0]["results"]))' "$1"
}

cat > a.c <<'C'
#include <stdlib.h>
#include <string.h>
char *name_copy(const char *n) {
  return strdup(n);
}
char *scratch(void) {
  return malloc(64);
}
C
git add a.c && git commit -qm a
tidy "write" --write-baseline=base.sarif a.c
count base.sarif
tidy "gate" --baseline=base.sarif a.c

git mv a.c b.c && git commit -qm "rename a.c to b.c"
tidy "rename" --baseline=base.sarif --format=json -o rename.json b.c
grep -c '"baselineState": "unchanged"' rename.json

cat >> b.c <<'C'
char *reply(void) {
  return calloc(1, 128);
}
C
tidy "new" --baseline=base.sarif b.c
tidy "new json" --baseline=base.sarif --format=json -o new.json b.c
grep -c '"new": true' new.json

sed -i 's|  return calloc(1, 128);|  return calloc(1, 128); /* alloc: returned -- the caller sends it */|' b.c
tidy "sites" --baseline=base.sarif --fail-on=new-sites b.c
"$driver" --quiet --fail-on=none --format=sarif -o noinv.sarif b.c -- "${FLAGS[@]}"
tidy "sites without inventory" --baseline=noinv.sarif --fail-on=new-sites b.c

# Fix one old finding (justify it), keep the new unjustified one.
sed -i 's|  return strdup(n);|  return strdup(n); /* alloc: returned -- the caller frees the copy */|' b.c
sed -i 's|  return calloc(1, 128); /\* alloc: returned -- the caller sends it \*/|  return calloc(1, 128);|' b.c
tidy "refresh" --baseline=base.sarif --write-baseline=base.sarif --fail-on=none b.c
count base.sarif
tidy "after refresh" --baseline=base.sarif b.c
