#!/usr/bin/env python3
"""Whole-project bench: times alloc-tidy on real C projects against the
parse-only floor and clang-tidy with one trivial check, counts the findings
per check, and writes a reading sheet of sampled findings per project.

Usage: run.py [PROJECT ...] [--build DIR] [--runs N] [--driver-args ARGS]
              [--sample N] [--seed S] [--out DIR] [--mirror DIR]

Each project is a recipe bench/projects/<name>.yaml, materialised at run
time into bench/cache/projects/<name>/ (projects.py). Times are CPU time
(user + system of the process and of the children it waited for, from
wait4), the median of --runs runs. Every tool is run on the same units: the
units whose `clang-19 -fsyntax-only` succeeds; the others are counted and
reported as parse failures, never analysed."""
import argparse
import collections
import json
import os
import random
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import projects  # noqa: E402

# The same trivial check bench/bench.py times clang-tidy with.
TRIVIAL_CHECK = "bugprone-suspicious-realloc-usage"
CLANG = "clang-19"
CLANG_TIDY = "clang-tidy-19"
# Every tool gets the same empty configuration, so that a project's own
# .clang-tidy neither adds checks nor changes options.
CONFIG = "--config={}"
UNSAMPLED = {"alloc-unjustified"}
CONTEXT = 12  # lines either side of a finding's primary location
NOTE_CONTEXT = 4  # lines either side of a note outside that window

# Flags of a compile command that write files or name outputs; dropped for
# the parse-only run. The ones followed by a value drop it too.
DROP_WITH_VALUE = {"-o", "-MF", "-MT", "-MQ"}
DROP = {"-c", "-MD", "-MMD", "-MP", "-M", "-MM"}


def cpu_run(cmd, cwd=None, stdout=None, timeout=None):
    """Runs cmd; returns (cpu seconds of it and its waited-for children,
    exit code, wall seconds, stderr text). Exit code None on timeout."""
    with tempfile.TemporaryFile(mode="w+") as err:
        start = time.monotonic()
        p = subprocess.Popen(cmd, cwd=cwd, stdout=stdout or subprocess.DEVNULL, stderr=err)
        deadline = None if timeout is None else start + timeout
        while True:
            pid, status, usage = os.wait4(p.pid, 0 if deadline is None else os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                p.kill()
                _, status, usage = os.wait4(p.pid, 0)
                return usage.ru_utime + usage.ru_stime, None, time.monotonic() - start, ""
            time.sleep(0.01)
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        return (usage.ru_utime + usage.ru_stime, p.returncode,
                time.monotonic() - start, err.read())


def entry_argv(entry):
    return list(entry["arguments"]) if "arguments" in entry else shlex.split(entry["command"])


def syntax_only_cmd(entry):
    """The unit's own compile command with clang-19 -fsyntax-only in place of
    compiling: same flags, outputs dropped."""
    argv = entry_argv(entry)
    out, skip = [CLANG], False
    for a in argv[1:]:
        if skip:
            skip = False
            continue
        if a in DROP_WITH_VALUE:
            skip = True
            continue
        if a in DROP or a.startswith("-o") and len(a) > 2 and a != "-objc":
            continue
        out.append(a)
    return out + ["-fsyntax-only"]


def first_error(stderr):
    for line in stderr.splitlines():
        if "error:" in line:
            return line.strip()
    return (stderr.strip().splitlines() or ["(no message)"])[-1]


def floor_pass(entries, timeout):
    """Parses every unit once; returns (cpu seconds of the parseable units,
    parseable entries, failures as (file, first error))."""
    total, ok, failed = 0.0, [], []
    for e in entries:
        cpu, rc, _, err = cpu_run(syntax_only_cmd(e), cwd=e["directory"], timeout=timeout)
        if rc == 0:
            total += cpu
            ok.append(e)
        else:
            failed.append((projects.entry_path(e), "timed out" if rc is None else first_error(err)))
    return total, ok, failed


def floor_time(entries, timeout):
    return sum(cpu_run(syntax_only_cmd(e), cwd=e["directory"], timeout=timeout)[0] for e in entries)


def startup_cpu(runs=5):
    """Median CPU time of clang-19 -fsyntax-only on a one-line file: the cost
    of starting the compiler (loading its shared libraries), which the floor
    pays once per unit and the clang-tidy and driver runs pay once."""
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "start.c")
        with open(src, "w") as f:
            f.write("int x;\n")
        return statistics.median(cpu_run([CLANG, "-fsyntax-only", src])[0] for _ in range(runs))


def tidy_cmd(project, files, checks, load=None):
    cmd = [CLANG_TIDY, "-p", project.db_dir, CONFIG, "--checks=-*," + checks, "--quiet"]
    if load:
        cmd.insert(1, "--load=" + load)
    return cmd + files


def driver_cmd(driver, project, files, report, extra_args):
    """The driver's command line over the units: the one place it is built,
    so that another mode (e.g. whole-project summaries) is timed by adding
    its options through --driver-args."""
    return ([driver, "-p", project.db_dir, CONFIG, "--checks=-*,alloc-*", "--format=json",
             "-o", report, "-j", "1", "--fail-on=none", "--srcroot=" + project.src]
            + list(extra_args) + files)


def paired_median_cpu(cmd_a, cmd_b, runs, timeout=None):
    """Median CPU times of `runs` runs each of cmd_a and cmd_b, taken in
    turn (a, b, a, b, ...) so that a change in the machine's load during
    the measurement weighs on both alike; and each command's last exit code
    and standard error."""
    times_a, times_b = [], []
    rc_a = rc_b = 0
    err_a = err_b = ""
    for _ in range(runs):
        cpu, rc_a, _, err_a = cpu_run(cmd_a, timeout=timeout)
        times_a.append(cpu)
        cpu, rc_b, _, err_b = cpu_run(cmd_b, timeout=timeout)
        times_b.append(cpu)
    return ((statistics.median(times_a), rc_a, err_a),
            (statistics.median(times_b), rc_b, err_b))


def median_cpu(cmd, runs, cwd=None, timeout=None):
    """Median CPU time of `runs` runs of cmd, and the last run's exit code
    and standard error."""
    times, rc, err = [], 0, ""
    for _ in range(runs):
        cpu, rc, _, err = cpu_run(cmd, cwd=cwd, timeout=timeout)
        times.append(cpu)
    return statistics.median(times), rc, err


def read_lines(path, cache={}):
    if path not in cache:
        try:
            with open(path, errors="replace") as f:
                cache[path] = f.read().splitlines()
        except OSError:
            cache[path] = []
    return cache[path]


def db_directories(project, cache={}):
    if project.name not in cache:
        with open(project.db) as f:
            cache[project.name] = sorted({e["directory"] for e in json.load(f)})
    return cache[project.name]


def absolute(project, path):
    """The file a report names: relative to the source root, or (as the
    driver writes notes for a database with relative `file` entries, see
    issue 14) relative to a compile command's directory."""
    if os.path.isabs(path):
        return path
    for d in [project.src] + db_directories(project):
        p = os.path.normpath(os.path.join(d, path))
        if os.path.isfile(p):
            return p
    return os.path.normpath(os.path.join(project.src, path))


def repair(project, loc):
    """A reading aid for a known driver defect (issue 14): with a relative
    database, notes come as line 1 with the byte offset in `column`. Returns
    (line, column, repaired?)."""
    line, col = loc["line"], loc["column"]
    lines = read_lines(absolute(project, loc["file"]))
    if line != 1 or not lines or col <= len(lines[0]) + 1:
        return line, col, False
    offset = col - 1
    for n, text in enumerate(lines, 1):
        if offset <= len(text):
            return n, offset + 1, True
        offset -= len(text) + 1
    return line, col, False


def excerpt(project, path, line, radius):
    """Lines line-radius..line+radius of path, numbered, the line marked."""
    lines = read_lines(absolute(project, path))
    if not lines:
        return "    (source not readable: %s)\n" % path
    lo, hi = max(1, line - radius), min(len(lines), line + radius)
    return "".join("%s%5d  %s\n" % (">" if n == line else " ", n, lines[n - 1])
                   for n in range(lo, hi + 1))


def finding_key(f):
    return (f["check"], f["file"], f["line"], f["column"], f["message"])


def sample(findings, n, seed):
    """A deterministic sample of up to n findings per check (except the
    unsampled ones), each check's list sorted first so the sample depends
    only on the findings and the seed."""
    by_check = collections.defaultdict(list)
    for f in findings:
        if f["check"] not in UNSAMPLED:
            by_check[f["check"]].append(f)
    out = {}
    for check in sorted(by_check):
        fs = sorted(by_check[check], key=finding_key)
        rng = random.Random("%s/%d" % (check, seed))
        picked = fs if len(fs) <= n else rng.sample(fs, n)
        out[check] = sorted(picked, key=finding_key)
    return out


def write_sheet(project, path, picked, counts, commit):
    with open(path, "w") as out:
        out.write("# %s: sampled findings to read\n\n" % project.name)
        out.write("alloc-tidy %s, %s at %s. Fill in each `verdict:` (true, defensible "
                  "or false) and `reason:`.\n\n" % (commit, project.recipe["repo"],
                                                    project.recipe["commit"][:12]))
        for check, fs in picked.items():
            out.write("## %s (%d of %d)\n\n" % (check, len(fs), counts[check]))
            for i, f in enumerate(fs, 1):
                out.write("### %s #%d: %s:%d:%d\n\n" % (check, i, f["file"], f["line"], f["column"]))
                out.write("- message: %s\n" % f["message"])
                if f.get("function"):
                    out.write("- function: %s\n" % f["function"])
                for n in f.get("notes", []):
                    offset = n["column"]
                    n["line"], n["column"], fixed = repair(project, n)
                    out.write("- note: %s:%d: %s%s\n" % (n["file"], n["line"], n["message"],
                                                        " (line from the byte offset the driver "
                                                        "wrote as line 1, column %d)" % offset
                                                        if fixed else ""))
                out.write("\n```c\n// %s\n%s```\n\n" % (f["file"], excerpt(project, f["file"], f["line"], CONTEXT)))
                for n in f.get("notes", []):
                    if n["file"] == f["file"] and abs(n["line"] - f["line"]) <= CONTEXT:
                        continue
                    out.write("```c\n// note: %s\n%s```\n\n" % (n["file"], excerpt(project, n["file"], n["line"], NOTE_CONTEXT)))
                out.write("verdict:\nreason:\n\n")


def write_verdict_rows(project, path, picked):
    """One Markdown table row per sampled finding, with empty verdict,
    reason and cause cells: the form verdicts.py tallies."""
    with open(path, "w") as out:
        out.write("| project | check | # | location | message | verdict | reason | cause |\n")
        out.write("|---|---|---|---|---|---|---|---|\n")
        for check, fs in picked.items():
            for i, f in enumerate(fs, 1):
                out.write("| %s | %s | %d | %s:%d | %s |  |  |  |\n" % (
                    project.name, check, i, f["file"], f["line"],
                    f["message"].replace("|", "\\|")))


def alloc_tidy_commit():
    root = projects.ROOT
    p = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, text=True)
    dirty = subprocess.run(["git", "-C", root, "status", "--porcelain", "--", "checker"],
                           stdout=subprocess.PIPE, text=True).stdout.strip()
    return (p.stdout.strip() or "?") + ("+dirty" if dirty else "")


def ratio(a, b):
    return "%.2f" % (a / b) if b else "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("projects", nargs="*", help="recipe names (default: all: %s)" %
                    ", ".join(projects.recipe_names()))
    ap.add_argument("--build", default=os.path.join(projects.ROOT, "build"))
    ap.add_argument("--runs", type=int, default=1, help="runs per tool; the median is shown")
    ap.add_argument("--driver-args", default="",
                    help="extra options for the driver (one shell-quoted string, given as "
                         "--driver-args='...'), e.g. a "
                         "whole-project summaries mode; shown in the table")
    ap.add_argument("--sample", type=int, default=30, help="findings sampled per check")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--out", default=os.path.join(projects.ROOT, "bench", "out", "projects"))
    ap.add_argument("--mirror", default=os.environ.get("ALLOC_TIDY_MIRROR", "/work/.mirror"))
    ap.add_argument("--timeout", type=float, default=3600, help="seconds per tool run")
    ap.add_argument("--from-reports", action="store_true",
                    help="run nothing: rewrite the reading sheets from the driver reports "
                         "already in --out")
    ap.add_argument("--no-parse-check", action="store_true",
                    help="with --no-timing: hand every unit to the driver without parsing it "
                         "with clang-19 first (faster; a unit that does not parse then makes "
                         "the driver exit 2)")
    ap.add_argument("--no-timing", action="store_true",
                    help="only the driver run for the findings (no floor/clang-tidy rows)")
    a = ap.parse_args()
    plugin = os.path.join(a.build, "lib", "alloc-tidy-plugin.so")
    driver = os.path.join(a.build, "bin", "alloc-tidy")
    for f in (plugin, driver):
        if not os.path.isfile(f):
            sys.exit("run.py: %s not found; build first (bash scripts/setup.sh build)" % f)
    extra = shlex.split(a.driver_args)
    os.makedirs(a.out, exist_ok=True)
    commit = alloc_tidy_commit()
    names = a.projects or projects.recipe_names()

    rows, counts_by_project, failures, summary = [], {}, {}, {}
    startup = 0.0 if a.no_timing or a.from_reports else startup_cpu()
    for name in names:
        try:
            project = projects.prepare(name, a.mirror)
        except projects.RecipeError as e:
            print("run.py: %s: %s" % (name, e), file=sys.stderr)
            failures[name] = [("(project)", str(e))]
            continue
        report = os.path.join(a.out, "%s.json" % name)
        if a.from_reports:
            with open(report) as f:
                findings = json.load(f)["findings"]
            picked = sample(findings, a.sample, a.seed)
            write_sheet(project, os.path.join(a.out, "%s-sample.md" % name), picked,
                        collections.Counter(f["check"] for f in findings), commit)
            write_verdict_rows(project, os.path.join(a.out, "%s-verdicts.md" % name), picked)
            continue
        with open(project.db) as f:
            entries = json.load(f)
        if a.no_timing and a.no_parse_check:
            floor, ok, failed = 0.0, entries, []
        else:
            projects.log("%s: parsing %d units (clang-19 -fsyntax-only)" % (name, len(entries)))
            floor, ok, failed = floor_pass(entries, a.timeout)
        failures[name] = failed
        files = [projects.entry_path(e) for e in ok]
        row = {"project": name, "units": len(entries), "parsed": len(ok)}
        if not a.no_timing:
            floors = [floor] + [floor_time(ok, a.timeout) for _ in range(a.runs - 1)]
            row["floor"] = statistics.median(floors)
            row["parse"] = max(0.0, row["floor"] - startup * len(ok))
            projects.log("%s: clang-tidy, %s, and with the plugin, in turn" % (name, TRIVIAL_CHECK))
            (row["tidy"], rc, err), (row["plugin"], prc, perr) = paired_median_cpu(
                tidy_cmd(project, files, TRIVIAL_CHECK),
                tidy_cmd(project, files, "alloc-*", load=plugin), a.runs, timeout=a.timeout)
            if rc != 0:
                print("run.py: %s: clang-tidy exited %s: %s" % (name, rc, first_error(err)), file=sys.stderr)
            rc, err = prc, perr
            row["plugin_rc"] = rc
            if rc != 0:
                print("run.py: %s: plugin run exited %s: %s" % (name, rc, first_error(err)), file=sys.stderr)
        projects.log("%s: driver %s" % (name, " ".join(extra)))
        row["driver"], rc, err = median_cpu(driver_cmd(driver, project, files, report, extra),
                                            1 if a.no_timing else a.runs, timeout=a.timeout)
        row["driver_rc"] = rc
        if rc != 0:
            print("run.py: %s: driver exited %s: %s" % (name, rc, first_error(err)), file=sys.stderr)
        rows.append(row)
        if not a.no_timing:
            projects.log("%s: cpu s: floor %.1f (parse only %.1f), trivial clang-tidy %.1f, plugin %.1f, "
                         "driver %.1f" % (name, row["floor"], row["parse"], row["tidy"], row["plugin"],
                                          row["driver"]))
        try:
            with open(report) as f:
                findings = json.load(f)["findings"]
        except (OSError, ValueError, KeyError) as e:
            print("run.py: %s: no driver report: %s" % (name, e), file=sys.stderr)
            findings = []
        counts = collections.Counter(f["check"] for f in findings)
        counts_by_project[name] = counts
        picked = sample(findings, a.sample, a.seed)
        sheet = os.path.join(a.out, "%s-sample.md" % name)
        write_sheet(project, sheet, picked, counts, commit)
        write_verdict_rows(project, os.path.join(a.out, "%s-verdicts.md" % name), picked)
        summary[name] = {"row": row, "counts": dict(counts), "parse_failures": failed,
                         "sampled": {c: len(v) for c, v in picked.items()}}
        projects.log("%s: %d findings; reading sheet %s" % (name, len(findings), sheet))

    if a.from_reports:
        return
    with open(os.path.join(a.out, "summary.json"), "w") as f:
        json.dump({"alloc_tidy": commit, "runs": a.runs, "driver_args": extra, "startup": startup,
                   "date": time.strftime("%Y-%m-%d"), "projects": summary}, f, indent=1)

    print("# Whole projects (bench/projects)\n")
    print("- date: %s; alloc-tidy %s; %d run(s) per tool, median; CPU time (user+sys) in s" %
          (time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), commit, a.runs))
    print("- driver: `alloc-tidy -p <db> --format=json -j 1%s`" %
          ("".join(" " + shlex.quote(x) for x in extra)))
    if not a.no_timing:
        print("- floor: one `clang-19 -fsyntax-only` process per unit; starting one costs "
              "%.3f s (median of 5, a one-line file), so 'parse only' = floor - units x %.3f"
              % (startup, startup))
    print()
    if not a.no_timing:
        print("| project | units (parsed) | floor: clang -fsyntax-only | parse only (floor - start-ups) "
              "| clang-tidy, 1 trivial check | clang-tidy + plugin | driver | plugin / trivial "
              "| driver / floor | driver / parse only |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        tot = collections.Counter()
        for r in rows:
            def cell(key, ok=(0,)):
                # clang-tidy exits 0 without errors; the driver (--fail-on=none) too
                return "%.1f%s" % (r[key], "" if r.get(key + "_rc", 0) in ok
                                   else " (exit %s)" % r[key + "_rc"])
            print("| %s | %d (%d) | %.1f | %.1f | %.1f | %s | %s | %s | %s | %s |" % (
                r["project"], r["units"], r["parsed"], r["floor"], r["parse"], r["tidy"], cell("plugin"),
                cell("driver"), ratio(r["plugin"], r["tidy"]), ratio(r["driver"], r["floor"]),
                ratio(r["driver"], r["parse"])))
            for k in ("units", "parsed", "floor", "parse", "tidy", "plugin", "driver"):
                tot[k] += r[k]
        if len(rows) > 1:
            print("| all | %d (%d) | %.1f | %.1f | %.1f | %.1f | %.1f | %s | %s | %s |" % (
                tot["units"], tot["parsed"], tot["floor"], tot["parse"], tot["tidy"], tot["plugin"],
                tot["driver"], ratio(tot["plugin"], tot["tidy"]), ratio(tot["driver"], tot["floor"]),
                ratio(tot["driver"], tot["parse"])))
        print()
    checks = sorted({c for cs in counts_by_project.values() for c in cs})
    print("| project | " + " | ".join(checks) + " |")
    print("|---|" + "---|" * len(checks))
    for name, cs in counts_by_project.items():
        print("| %s | " % name + " | ".join(str(cs.get(c, 0)) for c in checks) + " |")
    print("\nParse failures (units skipped by every tool):")
    for name in names:
        fl = failures.get(name, [])
        print("- %s: %d%s" % (name, len(fl), "" if not fl else ""))
        for path, msg in fl[:10]:
            print("  - %s: %s" % (os.path.relpath(path, projects.CACHE) if path.startswith("/") else path, msg))
    bad = [r["project"] for r in rows if r.get("driver_rc") not in (0,)]
    if bad:
        print("\nDriver exit status not 0 on: %s" % ", ".join(bad))


if __name__ == "__main__":
    main()
