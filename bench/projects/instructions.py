#!/usr/bin/env python3
"""Counts the instructions clang-tidy executes over whole projects, with one
trivial check and with the alloc-* plugin, under valgrind's callgrind: the
plugin's cost as a ratio that does not move with the machine's load (CPU
seconds on a shared 2-core machine vary by tens of per cent between runs).

Usage: instructions.py [PROJECT ...] [--build DIR] [--mirror DIR] [--plugin SO]

The projects are the recipes of run.py, materialised the same way
(projects.py); every unit of the recipe is given to both runs. One run each:
the counts repeat exactly for the same binaries and inputs. Slow: callgrind
runs about 50 times slower than the program (redis, 103 units: ~6 minutes
per run)."""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import projects  # noqa: E402
from run import TRIVIAL_CHECK, tidy_cmd  # noqa: E402


def instructions(cmd):
    """Instructions callgrind counted for cmd (its exit code is ignored:
    findings make clang-tidy exit non-zero)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "callgrind.out")
        p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out] + cmd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        m = re.search(r"Collected : (\d+)", p.stderr)
        if not m:
            sys.exit("instructions.py: callgrind gave no count:\n" + p.stderr[-2000:])
        return int(m.group(1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("projects", nargs="*", help="recipe names (default: curl nginx redis)")
    ap.add_argument("--build", default=os.path.join(projects.ROOT, "build"))
    ap.add_argument("--plugin", help="plugin to measure (default: BUILD/lib/alloc-tidy-plugin.so)")
    ap.add_argument("--mirror", default=os.environ.get("ALLOC_TIDY_MIRROR", "/work/.mirror"))
    a = ap.parse_args()
    plugin = a.plugin or os.path.join(a.build, "lib", "alloc-tidy-plugin.so")
    if not os.path.isfile(plugin):
        sys.exit("instructions.py: %s not found; build first (bash scripts/setup.sh build)" % plugin)
    print("| project | units | trivial check (instructions) | plugin, all alloc-* checks | plugin / trivial |")
    print("|---|---|---|---|---|")
    for name in a.projects or ["curl", "nginx", "redis"]:
        project = projects.prepare(name, a.mirror)
        with open(project.db) as f:
            files = [projects.entry_path(e) for e in json.load(f)]
        projects.log("%s: callgrind, %s" % (name, TRIVIAL_CHECK))
        trivial = instructions(tidy_cmd(project, files, TRIVIAL_CHECK))
        projects.log("%s: callgrind, plugin" % name)
        plugin_count = instructions(tidy_cmd(project, files, "alloc-*", load=plugin))
        print("| %s | %d | %s | %s | %.3f |" % (name, len(files), format(trivial, ","),
                                                format(plugin_count, ","), plugin_count / trivial))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
