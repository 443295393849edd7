#!/usr/bin/env python3
"""The walk-through of docs/adopting.md, on a real open-source C project.

Materialises lighttpd 1.4 at a pinned commit into bench/cache/adopting/
(from a mirror when there is one, else from GitHub; never committed),
writes its compile_commands.json with CMake, and runs each step of the
guide with the alloc-tidy driver, timing it and counting what it reports:

  1. first run              every finding, per check
  2. exclusions             the vendored HPACK library (a .clang-tidy that
                            enables no alloc-* check), the unit tests and
                            the generated parser (--exclude) left out
  3. baseline               --write-baseline, then a gate run against it
  4. a change               one new unjustified allocation: the gate fails
                            on it alone; justified, --fail-on=new passes and
                            --fail-on=new-sites still lists it for review
  5. burning it down        one file's allocation sites justified, the
                            baseline refreshed: fixed findings drop out

Usage: python3 bench/adopting.py [--driver build/bin/alloc-tidy]
                                 [--mirror /work/.mirror] [-j N]
Prints a Markdown table of the numbers (also written to
bench/cache/adopting/results.md).  Takes a few minutes on two cores."""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROJECT = "lighttpd/lighttpd1.4"
URL = "https://github.com/lighttpd/lighttpd1.4"
COMMIT = "2ddc51389a139d2b08daf310596c951c1d53dc8d"  # 1.4.86 development
# What CMake needs to configure without optional libraries.
CMAKE_FLAGS = ["-DWITH_PCRE2=OFF", "-DWITH_ZLIB=OFF",
               "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON", "-DCMAKE_C_COMPILER=clang-19"]
VENDORED = "src/ls-hpack"
# Left out with --exclude: the unit tests and the generated parser.
EXCLUDE = ["--exclude=src/t/*", "--exclude=build/*"]
# The change of step 4: a helper added to src/buffer.c, declared an
# allocator (so only its allocation site is new).
CHANGE = """
__attribute__((malloc)) char *buffer_debug_copy(const buffer *b);
char *buffer_debug_copy(const buffer *b) {
  return strdup(b->ptr);
}
"""
JUSTIFIED = CHANGE.replace(
    "return strdup(b->ptr);",
    "return strdup(b->ptr); /* alloc: returned -- the caller logs and frees it */")
# Step 5: the four allocation sites of src/array.c, justified after reading
# the code (each returns a new element or array that its free function
# releases): what burning the baseline down looks like, a file at a time.
BURN_FILE = "src/array.c"
BURN = [
    ("data_string *ds = ck_calloc(1, sizeof(*ds));",
     "/* alloc: returned -- a new string element, released by its fn->free */"),
    ("data_integer *di = ck_calloc(1, sizeof(*di));",
     "/* alloc: returned -- a new integer element, released by its fn->free */"),
    ("data_array *da = ck_calloc(1, sizeof(*da));",
     "/* alloc: returned -- a new array element, released by its fn->free */"),
    ("array *a = ck_calloc(1, sizeof(*a));",
     "/* alloc: returned -- the caller owns the array; array_free releases it */"),
]


def sh(cmd, cwd, check=True, **kw):
    r = subprocess.run(cmd, cwd=cwd, text=True, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, **kw)
    if check and r.returncode:
        sys.exit("failed (%d): %s\n%s%s" % (r.returncode, " ".join(cmd),
                                           r.stdout[-2000:], r.stderr[-2000:]))
    return r


def materialise(cache, mirror):
    src = os.path.join(cache, "lighttpd1.4")
    if not os.path.isdir(os.path.join(src, ".git")):
        bare = os.path.join(mirror, PROJECT.replace("/", "+"), "repo")
        origin = bare if os.path.isdir(bare) else URL
        sh(["git", "clone", "-q", "--no-checkout", origin, src], cache)
    sh(["git", "checkout", "-q", "--detach", "--force", COMMIT], src)
    sh(["git", "clean", "-q", "-fdx", "-e", "build/"], src)
    sh(["git", "config", "user.email", "bench@example.invalid"], src)
    sh(["git", "config", "user.name", "bench"], src)
    if not os.path.exists(os.path.join(src, "build", "compile_commands.json")):
        sh(["cmake", "-S", ".", "-B", "build"] + CMAKE_FLAGS, src)
    # The one generated source (the configuration parser, by lemon): the
    # analysis needs what a build would generate, not the build itself.
    build = os.path.join(src, "build")
    sh(["cmake", "--build", ".", "--target", "lemon"], build)
    sh(["make", "-f", "build/CMakeFiles/lighttpd.dir/build.make",
        "build/configparser.c", "build/configparser.h"], build)
    return src


class Walk:
    def __init__(self, driver, src, jobs):
        self.driver, self.src, self.jobs = driver, src, jobs
        self.rows = []

    def inputs(self):
        db = json.load(open(os.path.join(self.src, "build",
                                         "compile_commands.json")))
        files = sorted({os.path.relpath(os.path.join(e["directory"], e["file"]),
                                        self.src) for e in db})
        return [f for f in files if f.endswith(".c")]

    def run(self, step, args, files=None, expect=(0, 1)):
        out = os.path.join(self.src, "out.json")
        cmd = [self.driver, "-p", "build", "-j", str(self.jobs), "--format=json",
               "-o", out] + args + (files if files is not None else self.inputs())
        t0 = time.time()
        r = sh(cmd, self.src, check=False)
        secs = time.time() - t0
        if r.returncode not in expect:
            sys.exit("%s: exit %d\n%s" % (step, r.returncode, r.stderr[-3000:]))
        doc = json.load(open(out))
        findings = [f for f in doc["findings"] if f["level"] != "note"]
        row = {"step": step, "exit": r.returncode, "seconds": round(secs, 1),
               "findings": len(findings),
               "new": sum(1 for f in findings if f.get("new")),
               "by_check": collections.Counter(f["check"] for f in findings),
               "new_sites": len(doc.get("newSites", [])),
               "stderr": r.stderr}
        self.rows.append(row)
        print("%-40s exit %d  %6.1f s  %5d findings  %5d new" % (
            step, row["exit"], secs, row["findings"], row["new"]), flush=True)
        return row, doc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--driver", default=os.path.join(ROOT, "build", "bin", "alloc-tidy"))
    ap.add_argument("--mirror", default="/work/.mirror")
    ap.add_argument("-j", type=int, default=2)
    args = ap.parse_args()
    driver = os.path.abspath(args.driver)
    cache = os.path.join(ROOT, "bench", "cache", "adopting")
    os.makedirs(cache, exist_ok=True)
    src = materialise(cache, args.mirror)
    w = Walk(driver, src, args.j)
    n_inputs = len(w.inputs())
    print("lighttpd1.4 at %s: %d translation units" % (COMMIT[:12], n_inputs))

    # 1. first run
    first, _ = w.run("1. first run", ["--fail-on=none"])
    sites, inv = w.run("1. inventory", ["--fail-on=none", "--inventory",
                                        "--checks=-*,alloc-unjustified"])
    status = collections.Counter(s["status"] for s in inv["inventory"])

    # 2. exclusions: the vendored library by its own .clang-tidy, the tests
    # by --exclude.
    with open(os.path.join(src, VENDORED, ".clang-tidy"), "w") as f:
        f.write("# Vendored (ls-hpack): not ours to justify.\nChecks: '-*'\n")
    excl, _ = w.run("2. exclusions", ["--fail-on=none"] + EXCLUDE)

    # 3. baseline, and a gate run against it
    base_args = EXCLUDE
    t0 = time.time()
    w.run("3. write baseline", base_args + ["--fail-on=none",
                                            "--write-baseline=alloc-baseline.sarif"])
    baseline_size = os.path.getsize(os.path.join(src, "alloc-baseline.sarif"))
    gate, _ = w.run("3. gate against the baseline",
                    base_args + ["--baseline=alloc-baseline.sarif"])

    # 4. a change that adds one unjustified allocation
    buf = os.path.join(src, "src", "buffer.c")
    original = open(buf).read()
    open(buf, "a").write(CHANGE)
    change, doc = w.run("4. change: one new strdup",
                        base_args + ["--baseline=alloc-baseline.sarif"])
    new_msgs = [f["message"] for f in doc["findings"] if f.get("new")]
    open(buf, "w").write(original + JUSTIFIED)
    justified, _ = w.run("4. change justified, --fail-on=new",
                         base_args + ["--baseline=alloc-baseline.sarif"])
    sites_gate, _ = w.run("4. change justified, --fail-on=new-sites",
                          base_args + ["--baseline=alloc-baseline.sarif",
                                       "--fail-on=new-sites"])
    open(buf, "w").write(original)

    # 5. burning down: one file's sites justified, the baseline refreshed
    # (it keeps only what it had and is still there).
    path = os.path.join(src, BURN_FILE)
    text = open(path).read()
    for line, comment in BURN:
        if text.count(line) != 1:
            sys.exit("step 5: '%s' is not in %s once" % (line, BURN_FILE))
        text = text.replace(line, line + " " + comment)
    open(path, "w").write(text)
    w.run("5. refresh the baseline", base_args + [
        "--fail-on=none", "--baseline=alloc-baseline.sarif",
        "--write-baseline=alloc-baseline.sarif"])
    burned, _ = w.run("5. gate after the refresh",
                      base_args + ["--baseline=alloc-baseline.sarif"])
    sh(["git", "checkout", "-q", "--", "."], src)

    # The table for docs/adopting.md.
    lines = ["| step | exit | time (s) | findings | new |", "|---|---|---|---|---|"]
    for r in w.rows:
        lines.append("| %s | %d | %.1f | %d | %d |" % (
            r["step"], r["exit"], r["seconds"], r["findings"], r["new"]))
    lines += ["", "Project: %s at %s, %d translation units; alloc-tidy -j %d."
              % (PROJECT, COMMIT, n_inputs, args.j),
              "First run by check: " + ", ".join(
                  "%s %d" % kv for kv in sorted(first["by_check"].items())),
              "Allocation sites: %d (%s)." % (
                  len(inv["inventory"]),
                  ", ".join("%d %s" % (v, k) for k, v in sorted(status.items()))),
              "After exclusions by check: " + ", ".join(
                  "%s %d" % kv for kv in sorted(excl["by_check"].items())),
              "Left out: " + next((l for l in excl["stderr"].splitlines()
                                   if "left out" in l), "-"),
              "Baseline file: %d bytes." % baseline_size,
              "The change's new findings: %s" % new_msgs,
              "New sites with --fail-on=new-sites: %d (exit %d)." % (
                  sites_gate["new_sites"], sites_gate["exit"]),
              ]
    lines.append("Burn-down: %d sites of %s justified; findings %d -> %d."
                 % (len(BURN), BURN_FILE, gate["findings"], burned["findings"]))
    text = "\n".join(lines) + "\n"
    open(os.path.join(cache, "results.md"), "w").write(text)
    print()
    print(text)


if __name__ == "__main__":
    main()
