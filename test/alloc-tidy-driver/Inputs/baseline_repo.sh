#!/usr/bin/env bash
# A throw-away git repository in which each commit is checked against the
# SARIF report of the one before, as a CI gate does:
#   step 1 adds an unjustified malloc       -> exit 1, one 'new' result
#   step 2 adds a justified malloc          -> exit 0, nothing new
#   step 3 only inserts lines above sites   -> exit 0, all 'unchanged'
#                                              (messages that quote line
#                                              numbers are compared without)
#   step 4 removes the unjustified malloc    -> exit 0, it is 'absent'
#   step 5 renames the failing allocation    -> exit 0, the leak is 'updated'
# Usage: baseline_repo.sh <alloc-tidy> <work dir> <compiler flags...>
set -eu
driver=$1 work=$2
shift 2
validate=$(cd "$(dirname "$0")/../../Inputs/sarif" && pwd)/validate_sarif.py
rm -rf "$work" && mkdir -p "$work" && cd "$work"
git init -q .
git config user.email gate@example.invalid
git config user.name gate

states() { # prints "new=N unchanged=N updated=N absent=N" for a SARIF file
  /usr/bin/python3 - "$1" <<'PY'
import json, sys, collections
doc = json.load(open(sys.argv[1]))
c = collections.Counter(r.get("baselineState", "none") for r in doc["runs"][0]["results"])
print(" ".join("%s=%d" % (k, c[k]) for k in ("new", "unchanged", "updated", "absent")))
PY
}
analyse() { # analyse <out.sarif> [--baseline file]: prints the exit status
  local out=$1
  shift
  set +e
  "$driver" --quiet --checks=-*,alloc-unjustified,alloc-group-unwind \
    --format=sarif -o "$out" "$@" node.c -- "${FLAGS[@]}"
  local rc=$?
  set -e
  echo "exit=$rc"
}
FLAGS=("$@")
step() { # step <n> <commit message> <baseline>: commits, analyses against it
  git commit -qam "$2"
  echo "== step $1"
  analyse "s$1.sarif" --baseline="$3"
  states "s$1.sarif"
}

cat > node.c <<'C'
#include <stdlib.h>
#include <string.h>

char *name_copy(const char *n) {
  return strdup(n);
}

int pair(char **a, char **b) {
  char *x = malloc(8); /* alloc: stored -- handed to *a */
  if (!x)
    return -1;
  char *y = malloc(8); /* alloc: stored -- handed to *b */
  if (!y)
    return -1;
  *a = x;
  *b = y;
  return 0;
}
C
git add node.c && git commit -qm "baseline: an unjustified site and a leak"
echo "== step 0"
analyse base0.sarif --fail-on=none
states base0.sarif

cat >> node.c <<'C'

char *scratch(void) {
  return malloc(64);
}
C
step 1 "adds an unjustified malloc" base0.sarif

cat >> node.c <<'C'

char *reply(void) {
  return malloc(128); /* alloc: returned -- the caller sends and frees it */
}
C
step 2 "adds a justified malloc" s1.sarif

# A comment block added above every existing site, after the includes.
/usr/bin/python3 - <<'PY'
src = open("node.c").read()
at = src.index("\n\n") + 2
block = ("/* A comment block added above every existing site,\n"
         " * moving each of them down by several lines. */\n"
         "enum { NODE_VERSION = 2 };\n\n")
open("node.c", "w").write(src[:at] + block + src[at:])
PY
step 3 "only inserts lines above" s2.sarif

# The unjustified malloc is removed: its result is reported absent.
/usr/bin/python3 - <<'PY'
src = open("node.c").read()
start = src.index("char *scratch(void)")
end = src.index("}", start) + 2
open("node.c", "w").write(src[:start] + src[end:])
PY
step 4 "removes the unjustified malloc" s3.sarif

# The leak's failing allocation is renamed: same finding (same function,
# leaked variable and line), new message: 'updated'.
sed -i 's/\by\b/why/g' node.c
step 5 "renames the second allocation" s4.sarif
/usr/bin/python3 "$validate" base0.sarif s1.sarif s2.sarif s3.sarif s4.sarif s5.sarif
