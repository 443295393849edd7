#!/usr/bin/env python3
"""Times alloc-tidy against the parse-only floor and its peers on the same
files, and prints a Markdown table: median wall time, ratio to the floor,
peak memory, findings; the per-check share of the plugin's time; and how
the cost grows with the size of a generated corpus.

Usage: bench.py --build DIR --sqlite FILE --gen-root DIR [--runs N]
                [--sizes 25,50,100] [--slow-timeout S] [--no-slow]
Run through bench/run.sh, which fetches the corpus and builds first."""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

SQLITE_RULES = "{CheckOptions: {RulesFiles: 'sqlite'}}"


def run_tool(cmd, runs, timeout=None):
    """Median and fastest wall time, peak RSS (MiB), the last output, runs and
    exit status over `runs` runs (the fastest run is the one least disturbed
    by the rest of a shared machine).
    Each run is timed around the process alone; its peak RSS comes from
    wait4() on that process."""
    times, peak, out = [], 0.0, ""
    for _ in range(runs):
        with tempfile.TemporaryFile(mode="w+") as f:
            start = time.monotonic()
            p = subprocess.Popen(cmd, stdout=f, stderr=subprocess.STDOUT)
            deadline = None if timeout is None else start + timeout
            while True:
                pid, status, usage = os.wait4(p.pid, os.WNOHANG)
                if pid:
                    break
                if deadline and time.monotonic() > deadline:
                    p.kill()
                    os.wait4(p.pid, 0)
                    return None
                time.sleep(0.002)
            times.append(time.monotonic() - start)
            p.returncode = os.waitstatus_to_exitcode(status)
            peak = max(peak, usage.ru_maxrss / 1024.0)
            f.seek(0)
            out = f.read()
    return statistics.median(times), peak, out, len(times), p.returncode, min(times)


def parse_size(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    if text[-1:].upper() in units:
        return int(float(text[:-1]) * units[text[-1].upper()])
    return int(text)


def count(out, pattern):
    return len(re.findall(pattern, out, re.M))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--sqlite", required=True)
    ap.add_argument("--gen-root", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="25,50,100")
    ap.add_argument("--slow-timeout", type=float, default=900)
    ap.add_argument("--slow-memory", default="12G",
                    help="address-space limit for the slow tools (prlimit); "
                         "gcc -fanalyzer exhausted 24 GiB on sqlite3.c")
    ap.add_argument("--no-slow", action="store_true",
                    help="skip clang-analyzer, cppcheck and gcc -fanalyzer")
    a = ap.parse_args()
    plugin = os.path.join(a.build, "lib", "alloc-tidy-plugin.so")
    driver = os.path.join(a.build, "bin", "alloc-tidy")
    src = a.sqlite
    warning = r"^\S+:\d+:\d+: warning:"
    tools = [
        ("clang-19 -fsyntax-only (floor)", ["clang-19", "-fsyntax-only", src],
         warning, a.runs, None),
        ("clang-tidy, one trivial check (bugprone-suspicious-realloc-usage)",
         ["clang-tidy-19", "--checks=-*,bugprone-suspicious-realloc-usage", src, "--"],
         warning, a.runs, None),
        ("clang-tidy + alloc-* plugin (all 8 checks, rules: sqlite)",
         ["clang-tidy-19", "--load=" + plugin, "--checks=-*,alloc-*",
          "--config=" + SQLITE_RULES, src, "--"], warning, a.runs, None),
        ("alloc-tidy driver (all 8 checks, rules: sqlite, text)",
         [driver, "--checks=-*,alloc-*", "--config=" + SQLITE_RULES,
          "--fail-on=none", "--quiet", src, "--"], warning, a.runs, None),
    ]
    if not a.no_slow:
        limit = ["prlimit", "--as=" + str(parse_size(a.slow_memory)), "--"]
        tools += [
            ("clang-tidy clang-analyzer-unix.Malloc",
             limit + ["clang-tidy-19", "--checks=-*,clang-analyzer-unix.Malloc", src, "--"],
             warning, 1, a.slow_timeout),
            ("cppcheck --enable=warning --max-configs=1",
             limit + ["cppcheck", "--quiet", "--enable=warning", "--max-configs=1", src],
             r"\b(error|warning):", 1, a.slow_timeout),
            ("gcc -fanalyzer",
             limit + ["gcc", "-c", "-o", os.devnull, "-fanalyzer", src],
             r"warning:", 1, a.slow_timeout),
        ]
    lines = sum(1 for _ in open(src, errors="replace"))
    print("## %s (%d lines)\n" % (os.path.basename(src), lines))
    print("| tool | runs | median time (s) | x floor | fastest (s) | x floor, fastest | peak RSS (MiB) | findings |")
    print("|---|---|---|---|---|---|---|---|")
    floor = floor_min = None
    results = {}
    # The tools without a timeout take turns, one run each per round, so a
    # burst of load on a shared machine falls on all of them alike.
    rounds = {name: [] for name, _, _, _, timeout in tools if timeout is None}
    for _ in range(a.runs):
        for name, cmd, _, _, timeout in tools:
            if timeout is None:
                rounds[name].append(run_tool(cmd, 1))

    def merged(runs):
        times = [r[0] for r in runs]
        return (statistics.median(times), max(r[1] for r in runs), runs[-1][2],
                len(runs), runs[-1][4], min(times))

    for name, cmd, pat, runs, timeout in tools:
        r = merged(rounds[name]) if name in rounds else run_tool(cmd, runs, timeout)
        if r is None:
            print("| %s | 1 | > %.0f (timed out) | - | - | - | - | - |" % (name, timeout))
            continue
        t, rss, out, n, rc, fastest = r
        floor = floor or t
        floor_min = floor_min or fastest
        results[name] = (t, out)
        # The tools' own words for running out of memory, not a finding's
        # source line that says "out of memory" (SQLite has many).
        failed = rc < 0 or re.search(
            r"^(LLVM ERROR: out of memory|terminate called after throwing an "
            r"instance of 'std::bad_alloc')|virtual memory exhausted", out, re.M)
        print("| %s | %d | %.2f%s | %.2f | %.2f | %.2f | %.0f | %s |" %
              (name, n, t, " (did not finish: %s)" % ("signal %d" % -rc if rc < 0 else "out of memory")
                           if failed else "", t / floor, fastest, fastest / floor_min, rss,
               "-" if failed else count(out, pat)))
    sys.stdout.flush()

    # The plugin's per-check share.
    prof = subprocess.run(["clang-tidy-19", "--load=" + plugin, "--checks=-*,alloc-*",
                           "--config=" + SQLITE_RULES, "--enable-check-profile",
                           src, "--"], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True).stdout
    print("\n### Per-check share of the plugin's check time (`--enable-check-profile`)\n")
    print("| check | wall time (s) | share |")
    print("|---|---|---|")
    for m in re.finditer(r"^\s+\S+ \(\s*[\d.]+%\)\s+\S+ \(\s*[\d.]+%\)\s+\S+ "
                         r"\(\s*[\d.]+%\)\s+([\d.]+) \(\s*([\d.]+)%\)\s+(alloc-\S+|Total)$",
                         prof, re.M):
        print("| %s | %s | %s%% |" % (m.group(3), m.group(1), m.group(2)))
    counts = {}
    for m in re.finditer(r"\[(alloc-[a-z-]+)\]$", results.get(tools[2][0], (0, ""))[1], re.M):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    if counts:
        print("\nFindings by check on %s: %s" % (
            os.path.basename(src),
            ", ".join("%s %d" % kv for kv in sorted(counts.items()))))

    # Growth with corpus size: generated files, one driver run each size.
    # (clang-19 -fsyntax-only is no floor here: it starts one compiler
    # process per file, which costs more than the analysis itself.)
    print("\n### Growth with input size (generated corpus, one alloc-tidy -j 1 run per size)\n")
    print("| files | lines | median time (s) | ms per 1000 lines | findings |")
    print("|---|---|---|---|---|")
    here = os.path.dirname(os.path.abspath(__file__))
    points = []
    for size in [int(s) for s in a.sizes.split(",") if s]:
        d = os.path.join(a.gen_root, "gen-%d" % size)
        if not os.path.isdir(d):
            subprocess.run([sys.executable, os.path.join(here, "gen_corpus.py"),
                            "--files", str(size), "--out", d], check=True)
        files = sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".c"))
        n_lines = sum(sum(1 for _ in open(f)) for f in files)
        t, _, out, _, _, _ = run_tool([driver, "--checks=-*,alloc-*", "--fail-on=none",
                                 "--quiet", "-j", "1"] + files + ["--"], a.runs)
        points.append((n_lines, t))
        print("| %d | %d | %.2f | %.1f | %d |" % (size, n_lines, t, t * 1e6 / n_lines,
                                                 count(out, warning)))
    if len(points) >= 2:
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        mx, my = statistics.mean(xs), statistics.mean(ys)
        sxx = sum((x - mx) ** 2 for x in xs)
        sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
        slope = sxy / sxx
        icept = my - slope * mx
        ss_res = sum((y - (icept + slope * x)) ** 2 for x, y in zip(xs, ys))
        ss_tot = sum((y - my) ** 2 for y in ys) or 1e-12
        print("\nLeast-squares fit: time = %.3f s + %.1f ms per 1000 lines, R^2 = %.4f"
              % (icept, slope * 1e6, 1 - ss_res / ss_tot))


if __name__ == "__main__":
    main()
