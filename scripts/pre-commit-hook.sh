#!/bin/sh
# The alloc-tidy pre-commit hook (.pre-commit-hooks.yaml): the driver in diff
# mode on the C files and headers pre-commit passes.  It fails when a finding
# touches a changed line: its place, or any place on its path (the
# allocation of a leak reported at an unchanged 'return').
#
# What "changed" means:
#   git commit, pre-commit run     what is staged, against HEAD (on a first
#                                  commit, against the empty tree)
#   pre-commit run --from-ref A --to-ref B   (how CI runs hooks)
#                                  the range A...B, from pre-commit's
#                                  PRE_COMMIT_FROM_REF / PRE_COMMIT_TO_REF
# Exit status: the driver's (0 pass, 1 findings, 2 alloc-tidy failed).
set -eu
if ! command -v alloc-tidy >/dev/null 2>&1; then
  echo "alloc-tidy: not on PATH; build it (bash scripts/setup.sh build in an" \
       "alloc-tidy checkout) and add its build/bin to PATH" >&2
  exit 2
fi
range=HEAD
if [ -n "${PRE_COMMIT_FROM_REF:-}" ] && [ -n "${PRE_COMMIT_TO_REF:-}" ]; then
  range="$PRE_COMMIT_FROM_REF...$PRE_COMMIT_TO_REF"
fi
exec alloc-tidy --quiet --diff="$range" "$@"
