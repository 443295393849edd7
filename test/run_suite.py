#!/usr/bin/env python3
"""Runs the lit suite once per front end and prints "N passed, N failed".

Usage: run_suite.py <build-dir> [lit arguments...]
The front ends are the clang-tidy plugin and, when it was built, the
alloc-tidy driver.  Totals come from lit's JSON results; the exit status is 1
when any test failed or could not run.
"""
import json
import os
import re
import subprocess
import sys

PASS = {"PASS", "XFAIL"}
SKIP = {"UNSUPPORTED", "EXCLUDED", "SKIPPED"}


def cache_value(build, name):
    with open(os.path.join(build, "CMakeCache.txt")) as f:
        for line in f:
            m = re.match(r"%s:[A-Z]+=(.*)$" % re.escape(name), line.strip())
            if m:
                return m.group(1)
    return ""


def main():
    build = os.path.abspath(sys.argv[1])
    extra = sys.argv[2:]
    lit = cache_value(build, "ALLOC_TIDY_LIT")
    if not lit or not os.path.exists(lit):
        print("lit not found (ALLOC_TIDY_LIT=%r); install llvm-19-tools" % lit)
        print("0 passed, 1 failed")
        return 1
    frontends = ["plugin"]
    if os.path.exists(os.path.join(build, "bin", "alloc-tidy")):
        frontends.append("driver")
    passed = failed = skipped = 0
    for fe in frontends:
        out = os.path.join(build, "test", "results-%s.json" % fe)
        if os.path.exists(out):
            os.remove(out)
        cmd = [sys.executable, lit, "-sv", "--param", "frontend=" + fe,
               "-o", out] + extra + [os.path.join(build, "test")]
        print("== lit, front end: %s" % fe, flush=True)
        subprocess.run(cmd)
        if not os.path.exists(out):
            print("lit produced no results for front end %s" % fe)
            failed += 1
            continue
        with open(out) as f:
            results = json.load(f)["tests"]
        for t in results:
            code = t["code"]
            if code in PASS:
                passed += 1
            elif code in SKIP:
                skipped += 1
            else:
                failed += 1
                print("  %s: %s" % (code, t["name"]))
    if skipped:
        print("(%d skipped: unsupported here)" % skipped)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
