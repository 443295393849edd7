#!/usr/bin/env python3
"""Runs every alloc-* check (all options that widen them turned on) over C
files and fails on any crash, assertion or hang.

Usage: crash_check.py --clang-tidy CT --plugin SO [--driver BIN]
                      [--timeout SECONDS] [--rules NAMES] FILE_OR_DIR...
Directories contribute their *.c files.  Each file runs through the plugin
(and the driver, when given) with `-- <no flags>`; an exit by signal, a
"Stack dump" or an assertion message, or a run over the timeout is a
failure.  The last line is "N runs, N crashes, N hangs"."""
import argparse
import glob
import os
import subprocess
import sys

CONFIG = ("{CheckOptions: {RulesFiles: '%s', "
          "alloc-group-unwind.ReportAllExits: true, "
          "alloc-after-init.InitFunctions: '^(main|.*_init)$'}}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clang-tidy", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--driver", default="")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--rules", default="sqlite;glib;ioto;iotivity;osip;xmalloc")
    ap.add_argument("paths", nargs="+")
    a = ap.parse_args()
    files = []
    for p in a.paths:
        files += sorted(glob.glob(os.path.join(p, "*.c"))) if os.path.isdir(p) else [p]
    config = CONFIG % a.rules
    runs = crashes = hangs = 0
    for f in files:
        cmds = [[a.clang_tidy, "--load=" + a.plugin, "--checks=-*,alloc-*",
                 "--config=" + config, "--quiet", f, "--"]]
        if a.driver:
            cmds.append([a.driver, "--checks=-*,alloc-*", "--config=" + config,
                         "--quiet", "--fail-on=none", "--format=sarif", "-o",
                         os.devnull, f, "--"])
        for cmd in cmds:
            runs += 1
            try:
                r = subprocess.run(cmd, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True,
                                   timeout=a.timeout)
            except subprocess.TimeoutExpired:
                hangs += 1
                print("HANG (> %gs): %s" % (a.timeout, " ".join(cmd)))
                continue
            if r.returncode < 0 or "Stack dump" in r.stderr or "Assertion" in r.stderr:
                crashes += 1
                print("CRASH (exit %d): %s\n%s" % (r.returncode, " ".join(cmd),
                                                   r.stderr[-3000:]))
    print("%d runs, %d crashes, %d hangs" % (runs, crashes, hangs))
    return 1 if crashes or hangs else 0


if __name__ == "__main__":
    sys.exit(main())
