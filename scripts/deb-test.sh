#!/usr/bin/env bash
# Installs a built package in a clean Debian 12 chroot and uses it there on
# examples/, with that LLVM's clang-tidy (the plugin) and the driver.
# Not part of the suite: it needs root, debootstrap and Debian's mirrors
# (several minutes, mostly downloads).
# Usage: bash scripts/deb-test.sh build/alloc-tidy-llvm19_0.1.0_amd64.deb [chroot dir]
#   The chroot (default build-chroot/, made once with debootstrap and kept
#   pristine in build-chroot/base.tar) is restored fresh for every run.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
deb=$(realpath "${1:?usage: deb-test.sh <package.deb> [chroot dir]}")
dir=${2:-$root/build-chroot}
mirror=${ALLOC_TIDY_DEBIAN_MIRROR:-http://deb.debian.org/debian}
name=$(basename "$deb")
llvm=$(echo "$name" | sed -n 's/^alloc-tidy-llvm\([0-9]*\)_.*/\1/p')
[ -n "$llvm" ] || { echo "deb-test: not an alloc-tidy-llvm<N> package: $name" >&2; exit 2; }
command -v debootstrap >/dev/null || apt-get install -y -q debootstrap >/dev/null

base=$dir.base.tar
if [ ! -f "$base" ]; then
  echo "== debootstrap bookworm (minbase) into $dir" >&2
  rm -rf "$dir"
  debootstrap --variant=minbase bookworm "$dir" "$mirror" >"$dir.log" 2>&1 \
    || { tail -20 "$dir.log"; exit 1; }
  # The security suite too: LLVM 22 comes from it.
  cat > "$dir/etc/apt/sources.list" <<SRC
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb ${mirror%/debian}/debian-security bookworm-security main
SRC
  tar -C "$dir" -cf "$base" .
fi
umount "$dir/proc" 2>/dev/null || true
rm -rf "$dir"
mkdir -p "$dir"
tar -C "$dir" -xf "$base"
cp /etc/resolv.conf "$dir/etc/resolv.conf" 2>/dev/null || true
mount -t proc proc "$dir/proc"
trap 'umount "$dir/proc" 2>/dev/null || true' EXIT
mkdir -p "$dir/tmp/t"
cp "$deb" "$dir/tmp/t/"
cp -r "$root/examples" "$dir/tmp/t/"

echo "== in the chroot: apt-get install ./$name" >&2
chroot "$dir" /bin/bash -euo pipefail -c "
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  start=\$(date +%s)
  apt-get install -y -q ./tmp/t/$name > /tmp/t/install.log 2>&1 || { tail -30 /tmp/t/install.log; exit 1; }
  echo \"installed in \$(( \$(date +%s) - start )) s: \$(dpkg-query -W -f='\${Package} \${Version}' alloc-tidy-llvm$llvm)\"
  dpkg -L alloc-tidy-llvm$llvm | grep -E 'plugin|bin/|rules/glib|alloc_tidy.h|doc/.*/README'
  # The example includes <stdio.h>: a C project's machine has libc's headers.
  apt-get install -y -q --no-install-recommends libc6-dev >/dev/null 2>&1
  echo '== alloc-tidy --version'
  alloc-tidy --version
  cd /tmp/t
  # The example includes ../include/alloc_tidy.h: the package's copy.
  ln -s /usr/share/alloc-tidy-llvm$llvm/include include
  echo '== clang-tidy-$llvm with the plugin on examples/msg_handler.c'
  clang-tidy-$llvm --load=/usr/lib/alloc-tidy/llvm-$llvm/alloc-tidy-plugin.so \
    --checks='-*,alloc-*' examples/msg_handler.c -- 2>/dev/null | grep -E 'warning:|error:' | sed 's/: warning: .*\[/: warning: [/' || true
  echo '== alloc-tidy-$llvm --format=sarif on examples/msg_handler.c'
  set +e
  alloc-tidy-$llvm --format=sarif -o /tmp/t/out.sarif examples/msg_handler.c --
  echo \"exit status \$? (1: findings)\"
  set -e
  python3 -c 'import json; d=json.load(open(\"/tmp/t/out.sarif\")); r=d[\"runs\"][0]; print(\"sarif: tool\", r[\"tool\"][\"driver\"][\"name\"], r[\"tool\"][\"driver\"][\"version\"], len(r[\"results\"]), \"results\")' 2>/dev/null \
    || grep -o '\"version\": *\"[^\"]*\"' /tmp/t/out.sarif | head -2
"
