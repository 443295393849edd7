#!/usr/bin/env bash
# --diff=REV reports the findings whose path touches a line changed since REV
# (working tree against it): an old unjustified site stays quiet, a new one
# is reported, and so is a leak reported at an unchanged 'return' when its
# allocation is new.  Also: a repository's first commit (no HEAD), a range
# A...B, and a pure rename.
# Usage: diff_repo.sh <alloc-tidy> <work dir> <compiler flags...>
set -eu
driver=$1 work=$2
shift 2
rm -rf "$work" && mkdir -p "$work" && cd "$work"
git init -q .
git config user.email diff@example.invalid
git config user.name diff
run() { # run <label> <alloc-tidy args...>: prints the output and exit status
  local label=$1
  shift
  echo "== $label"
  set +e
  "$driver" --checks=-*,alloc-unjustified,alloc-group-unwind "$@" -- "${FLAGS[@]}" 2>&1
  echo "exit=$?"
  set -e
}
FLAGS=("$@")

# A first commit: nothing to diff against but the empty tree.
cat > old.c <<'C'
#include <stdlib.h>
void *old_site(void) { return malloc(1); }
C
git add old.c
run "first commit" --diff=HEAD old.c
git commit -qm old

cat >> old.c <<'C'
void *new_site(void) { return calloc(1, 2); }
C
run "new site" --diff=HEAD old.c
run "bad revision" --diff=no-such-rev old.c
git checkout -q -- old.c

# The leak of the added 'x' is reported at the old 'return -1' (line 5).
cat > pair.c <<'C'
#include <stdlib.h>
int pair(char **a, char **b) {
  char *y = malloc(8); /* alloc: stored -- handed to *b */
  if (!y)
    return -1;
  *a = 0;
  *b = y;
  return 0;
}
C
git add pair.c && git commit -qm pair
cat > pair.c <<'C'
#include <stdlib.h>
int pair(char **a, char **b) {
  char *x = malloc(8); /* alloc: stored -- handed to *a */
  if (!x)
    return -2;
  char *y = malloc(8); /* alloc: stored -- handed to *b */
  if (!y)
    return -1;
  *a = x;
  *b = y;
  return 0;
}
C
run "leak at an unchanged line" --diff=HEAD pair.c
git commit -qam "pair: x"

# A range, as pre-commit's --from-ref/--to-ref give it: the last commit.
run "range" --diff=HEAD~1...HEAD pair.c old.c

# A pure rename: no changed line, the old site stays quiet.
git mv old.c moved.c
run "rename" --diff=HEAD moved.c
