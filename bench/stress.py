#!/usr/bin/env python3
"""Large single functions, the shapes that made the analysis blow up (issue
14): N independent malloc/test/free blocks; N allocations unwound by one
`goto fail`; a switch of N strdup cases.  Writes them, then times
`clang-19 -fsyntax-only` and the plugin (all alloc-* checks) on each, with
peak memory, and prints a Markdown table.

Usage: stress.py --build DIR | --plugin SO [--clang C] [--clang-tidy T]
                 [--out DIR] [--blocks 8000] [--gotos 4000]
                 [--cases 4000] [--runs 1] [--only blocks,goto,switch]
The suite runs it with small sizes (test/robustness/stress.test)."""
import argparse
import os
import subprocess
import sys
import time

HEADER = "#include <stdlib.h>\n#include <string.h>\nvoid use(char *p);\n"


def blocks(n):
    body = []
    for i in range(n):
        body.append(f"  char *p{i} = malloc({i % 97 + 1});\n"
                    f"  if (!p{i})\n    return -1;\n"
                    f"  use(p{i});\n  free(p{i});\n")
    return HEADER + "int blocks(void) {\n" + "".join(body) + "  return 0;\n}\n"


def gotos(n):
    decl = "".join(f"  char *p{i} = NULL;\n" for i in range(n))
    body = "".join(f"  p{i} = malloc({i % 97 + 1});\n  if (!p{i})\n"
                   f"    goto fail;\n" for i in range(n))
    keep = "".join(f"  use(p{i});\n" for i in range(n))
    frees = "".join(f"  free(p{i});\n" for i in range(n))
    return (HEADER + "int gotos(void) {\n  int rc = -1;\n" + decl + body +
            keep + "  rc = 0;\nfail:\n" + frees + "  return rc;\n}\n")


def switch(n):
    cases = "".join(f"  case {i}:\n    s = strdup(\"v{i}\");\n    break;\n"
                    for i in range(n))
    return (HEADER + "char *pick(int k) {\n  char *s = NULL;\n"
            "  switch (k) {\n" + cases + "  }\n  return s;\n}\n")


def measure(cmd, runs):
    best = None
    for _ in range(runs):
        start = time.monotonic()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
        _, status, usage = os.wait4(p.pid, 0)
        err = p.stderr.read()
        wall = time.monotonic() - start
        cpu = usage.ru_utime + usage.ru_stime
        rc = os.waitstatus_to_exitcode(status)
        r = (cpu, usage.ru_maxrss / 1024.0, rc, wall, err)
        if best is None or r[0] < best[0]:
            best = r
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", help="build directory (its lib/ plugin)")
    ap.add_argument("--plugin", help="the plugin itself (instead of --build)")
    ap.add_argument("--clang", default="clang-19")
    ap.add_argument("--clang-tidy", default="clang-tidy-19")
    ap.add_argument("--out", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "cache", "stress"))
    ap.add_argument("--blocks", type=int, default=8000)
    ap.add_argument("--gotos", type=int, default=4000)
    ap.add_argument("--cases", type=int, default=4000)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--only", default="blocks,goto,switch")
    ap.add_argument("--max-ratio", type=float, default=0,
                    help="exit 1 if a plugin run costs more than this many "
                    "times clang -fsyntax-only")
    ap.add_argument("--max-mb", type=float, default=0,
                    help="exit 1 if a plugin run peaks above this (MiB)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    shapes = {"blocks": (blocks, args.blocks), "goto": (gotos, args.gotos),
              "switch": (switch, args.cases)}
    inc = os.path.join(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))), "test", "Inputs", "system")
    flags = ["-nostdinc", "-isystem", inc]
    if not args.plugin and not args.build:
        ap.error("give --build or --plugin")
    plugin = args.plugin or os.path.join(args.build, "lib",
                                         "alloc-tidy-plugin.so")
    print("| shape | size | clang -fsyntax-only (s) | plugin, all checks (s) "
          "| ratio | plugin peak (MiB) |")
    print("|---|---|---|---|---|---|")
    bad = 0
    for name in args.only.split(","):
        gen, n = shapes[name]
        path = os.path.join(args.out, f"{name}-{n}.c")
        with open(path, "w") as f:
            f.write(gen(n))
        floor = measure([args.clang, "-fsyntax-only"] + flags + [path],
                        args.runs)
        tidy = measure([args.clang_tidy, "--load=" + plugin,
                        "--checks=-*,alloc-*", "--quiet", path, "--"] + flags,
                       args.runs)
        ratio = tidy[0] / max(floor[0], 1e-3)
        status = "" if tidy[2] in (0, 1) else f" (exit {tidy[2]})"
        print(f"| {name} | {n} | {floor[0]:.2f} | {tidy[0]:.2f}{status} "
              f"| {ratio:.1f}x | {tidy[1]:.0f} |", flush=True)
        if tidy[2] not in (0, 1) or (args.max_ratio and ratio > args.max_ratio) \
                or (args.max_mb and tidy[1] > args.max_mb):
            bad += 1
            sys.stderr.write(tidy[4][-2000:])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
