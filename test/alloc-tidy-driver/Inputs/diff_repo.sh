#!/usr/bin/env bash
# --diff=REV reports only findings on lines changed since REV (working tree
# against it): an old unjustified site stays quiet, a new one is reported.
# Usage: diff_repo.sh <alloc-tidy> <work dir> <compiler flags...>
set -eu
driver=$1 work=$2
shift 2
rm -rf "$work" && mkdir -p "$work" && cd "$work"
git init -q .
git config user.email diff@example.invalid
git config user.name diff
cat > old.c <<'C'
#include <stdlib.h>
void *old_site(void) { return malloc(1); }
C
git add old.c && git commit -qm old
cat >> old.c <<'C'
void *new_site(void) { return calloc(1, 2); }
C
set +e
"$driver" --checks=-*,alloc-unjustified --diff=HEAD old.c -- "$@"
echo "exit=$?"
"$driver" --checks=-*,alloc-unjustified --diff=no-such-rev old.c -- "$@"
echo "exit=$?"
set -e
