#!/usr/bin/env python3
"""Runs one alloc-* check on a C input and verifies its diagnostics.

Usage, as clang-tidy's own check_clang_tidy.py:
  check_alloc_tidy.py [options] <source.c> <check-name> <temp-file>
                      [-- <clang-tidy arguments> [-- <compiler arguments>]]

The lit configuration passes the front end to run (the clang-tidy plugin or
the alloc-tidy driver) and the tools' paths.  The runner
  * strips the CHECK-* comments from the input, keeping line numbers,
  * runs the front end with --checks=-*,<check>, --config={} unless the test
    gives its own config, and --fix,
  * FileChecks the output against CHECK-MESSAGES (and CHECK-NOTES) lines,
    failing on any warning or error that no CHECK line expects,
  * FileChecks the fixed file against CHECK-FIXES lines (full lines).
With no CHECK-MESSAGES lines at all, the output must hold no warning.
"""

import argparse
import os
import re
import subprocess
import sys


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, **kw)


def fail(msg, output=None):
    sys.stderr.write(msg + "\n")
    if output is not None:
        sys.stderr.write("------ front end output ------\n" + output +
                         "------------------------------\n")
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser(add_help=True)
    ap.add_argument("--frontend", choices=["plugin", "driver"], required=True)
    ap.add_argument("--clang-tidy", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--driver", default="")
    ap.add_argument("--filecheck", required=True)
    ap.add_argument("--inputs", required=True, help="test/Inputs directory")
    ap.add_argument("--include", required=True, help="the shipped include/ directory")
    ap.add_argument("-check-suffix", "-check-suffixes", dest="suffixes",
                    default="")
    ap.add_argument("--expect-nonzero", action="store_true",
                    help="the front end must exit non-zero (errors expected)")
    ap.add_argument("source")
    ap.add_argument("check")
    ap.add_argument("temp")
    argv = sys.argv[1:]
    rest = []
    if "--" in argv:
        i = argv.index("--")
        argv, rest = argv[:i], argv[i + 1:]
    args = ap.parse_args(argv)

    tidy_args, compiler_args = [], []
    if rest:
        if "--" in rest:
            i = rest.index("--")
            tidy_args, compiler_args = rest[:i], rest[i + 1:]
        else:
            tidy_args = rest

    # As check_clang_tidy.py: an empty suffix in the list ("-check-suffixes=,X")
    # stands for the plain CHECK-MESSAGES lines.
    suffixes = [s.strip() for s in args.suffixes.split(",")] if args.suffixes else [""]
    def prefixes(kind):
        return ["CHECK-" + kind + ("-" + s if s else "") for s in suffixes]
    msg_prefixes = prefixes("MESSAGES")
    fix_prefixes = prefixes("FIXES")
    note_prefixes = prefixes("NOTES")

    with open(args.source, encoding="utf-8") as f:
        text = f.read()
    def present(pfx):
        return [p for p in pfx if re.search(r"\b%s:" % re.escape(p), text)]
    has_msgs = present(msg_prefixes)
    has_fixes = present(fix_prefixes)
    has_notes = present(note_prefixes)

    stripped = re.sub(r"//\s*CHECK-(MESSAGES|FIXES|NOTES)[-A-Za-z0-9]*:[^\r\n]*",
                      "//", text)
    temp_dir = os.path.dirname(os.path.abspath(args.temp))
    os.makedirs(temp_dir, exist_ok=True)
    ext = os.path.splitext(args.source)[1] or ".c"
    temp_src = args.temp + ext
    with open(temp_src, "w", encoding="utf-8") as f:
        f.write(stripped)

    checks = "-*," + args.check
    base = ["--checks=" + checks]
    if not any(a.startswith("--config") or a.startswith("-config") for a in tidy_args):
        base.append("--config={}")
    base.append("--fix")
    cc = ["-std=gnu11", "-nostdinc", "-isystem",
          os.path.join(args.inputs, "system"), "-I", args.inputs,
          "-I", args.include] + compiler_args
    if args.frontend == "plugin":
        cmd = [args.clang_tidy, "--load=" + args.plugin, temp_src] + base + \
              tidy_args + ["--"] + cc
    else:
        if not args.driver:
            fail("the driver front end was requested but no driver was built")
        # The driver gates on findings by default; here only the output counts.
        cmd = [args.driver, temp_src, "--fail-on=none"] + base + tidy_args + \
              ["--"] + cc
    res = run(cmd)
    out = res.stdout
    if args.expect_nonzero:
        if res.returncode == 0:
            fail("front end exited 0, expected a failure: %s" % " ".join(cmd), out)
    elif res.returncode != 0:
        fail("front end failed (exit %d): %s" % (res.returncode, " ".join(cmd)), out)

    # As check_clang_tidy.py: the notes --fix adds about applying fixes are
    # not diagnostics of the check.
    out = "\n".join(l for l in out.splitlines()
                    if "note: FIX-IT applied suggested code changes" not in l) + "\n"
    out_file = args.temp + ".msg"
    with open(out_file, "w", encoding="utf-8") as f:
        f.write(out)

    if has_msgs or has_notes:
        pfx = has_msgs + has_notes
        implicit = "{{note|warning|error}}:" if has_notes else "{{warning|error}}:"
        fc = run([args.filecheck, "-input-file=" + out_file, args.source,
                  "-check-prefixes=" + ",".join(pfx),
                  "-implicit-check-not=" + implicit])
        if fc.returncode != 0:
            fail("CHECK-MESSAGES failed:\n" + fc.stdout, out)
    else:
        bad = [l for l in out.splitlines() if re.search(r"\b(warning|error):", l)]
        if bad:
            fail("no diagnostic was expected, got:\n" + "\n".join(bad), out)

    if has_fixes:
        fc = run([args.filecheck, "-input-file=" + temp_src, args.source,
                  "-check-prefixes=" + ",".join(has_fixes),
                  "-match-full-lines"])
        if fc.returncode != 0:
            with open(temp_src, encoding="utf-8") as f:
                fixed = f.read()
            fail("CHECK-FIXES failed:\n" + fc.stdout, fixed)


if __name__ == "__main__":
    main()
