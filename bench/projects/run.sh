#!/usr/bin/env bash
# The whole-project bench, one command (not part of the test suite):
#   bash bench/projects/run.sh [PROJECT ...] [--runs N] [--driver-args '...']
# Builds alloc-tidy (scripts/setup.sh build), materialises each project of
# bench/projects/*.yaml at its pinned commit into bench/cache/projects/
# (git-ignored) with its compile database, then runs run.py: the timing table
# and the finding counts on standard output, the reports and reading sheets in
# bench/out/projects/.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

# What the projects' configure steps need besides the compiler (Debian).
packages=(make pkg-config libssl-dev zlib1g-dev libpcre2-dev tar git python3-yaml)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench/projects: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

bash "$root/scripts/setup.sh" build >&2
exec python3 "$here/run.py" --build "$root/build" "$@"
