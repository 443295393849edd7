#!/usr/bin/env python3
"""Run alloc-tidy on the real-world corpus, both versions of every case, and score it.

    python3 bench/realworld/run.py [--tool PATH] [--tool-args '...'] [--case ID ...]

A case is FOUND when, on the buggy version, a finding of a bug check lies in
one of the case's functions and the same finding (same check, same function,
message with numbers stripped) is absent from the fixed version. Every
bug-check finding inside the case's functions on the fixed version counts as a
warning on a fixed version. A fix often leaves other bugs in the same
function: verdicts.yaml records the warnings on fixed versions that were read
(true or false, with the reason and, where upstream fixed it later, the
commit), and the totals count the warnings read true apart from the false or
unread ones. Prints a Markdown table and per-kind totals, and writes the
results as JSON to bench/out/realworld.json (and a dated copy); --rescore
prints the table of an earlier results file again, with today's verdicts.
"""

import argparse
import concurrent.futures
import datetime
import json
import os
import re
import shlex
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import materialise as M  # noqa: E402

BUG_CHECKS = {
    "alloc-group-unwind",
    "alloc-ownership-transfer",
    "alloc-unchecked-result",
    "alloc-ownership-inconsistent",
}

# Kinds counted together in the totals the issues ask for (a case counts in
# every group its kind or one of its `also` kinds belongs to).
GROUPS = [
    ("error-path leaks (all)", {"error-path-leak", "alloc-failure-leak"}),
    ("  not after an allocation failure", {"error-path-leak"}),
    ("wrappers / out-parameters / destroy functions",
     {"wrapper-leak", "outparam-leak", "destroy-leak"}),
    ("ownership / double free / use after free",
     {"ownership", "double-free", "use-after-free"}),
    ("hidden allocators", {"hidden-alloc"}),
    ("unchecked results", {"unchecked-result"}),
]


def run_tool(tool, tool_args, tree, files, timeout):
    """Run the analyser on files of one materialised tree; (report, error).

    The ONE place the tool is invoked: the tree holds compile_commands.json
    covering every source of the project (for a later whole-project phase),
    and the findings come back as the driver's JSON (--format=json).
    """
    cmd = [tool, "-p", tree, "--format=json", "--srcroot=" + tree] + list(tool_args)
    cmd += [os.path.join(tree, f) for f in files]
    try:
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tree,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timed out after %d s" % timeout
    except OSError as e:
        return None, "cannot run %s: %s" % (tool, e)
    if r.returncode not in (0, 1):
        # with --format=json the compiler's errors are findings of the report
        # (clang-diagnostic-error), not lines on standard error
        errs = []
        try:
            report = json.loads(r.stdout.decode(errors="replace"))
            errs = ["%s:%s: %s" % (f.get("file"), f.get("line"), f.get("message"))
                    for f in report.get("findings", []) if f.get("level") == "error"]
        except ValueError:
            pass
        err = r.stderr.decode(errors="replace").strip().splitlines()
        errs += [l for l in err if "error" in l.lower()] or err
        return None, "exit %d: %s" % (r.returncode, " | ".join(errs[:3]))
    try:
        doc = json.loads(r.stdout.decode(errors="replace"))
    except ValueError as e:
        return None, "unreadable JSON output: %s" % e
    if not isinstance(doc, dict) or not isinstance(doc.get("findings"), list):
        return None, "JSON output without a findings list"
    return doc, None


def config_arg(options):
    """One --config argument carrying check options (YAML flow mapping)."""
    if not options:
        return []
    items = ", ".join("%s: '%s'" % (k, str(v).replace("'", "''")) for k, v in sorted(options.items()))
    return ["--config={CheckOptions: {%s}}" % items]


def case_tool_args(case, args):
    """The tool arguments for one case: --tool-args, plus one --config with
    the --option settings and, with --oracle, the project's declared contracts."""
    options = dict(args.options)
    if args.oracle:
        rules = os.path.join(M.HERE, "oracle", case["project"] + ".yaml")
        if os.path.exists(rules):
            options["RulesFiles"] = ";".join(filter(None, [options.get("RulesFiles"), rules]))
    return list(args.tool_args) + config_arg(options)


def norm(message):
    """A message with numbers stripped (line numbers move between versions)."""
    return re.sub(r"\d+", "N", message)


VERDICTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "verdicts.yaml")


def load_verdicts(path):
    """{(case, check, function, normalised message): verdict entry}."""
    if not os.path.exists(path):
        return {}
    import yaml
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f) or {}
    out = {}
    for v in doc.get("fixed", []):
        missing = {"case", "check", "function", "message", "verdict", "reason"} - set(v)
        if missing or v["verdict"] not in ("true", "false"):
            raise SystemExit("run.py: %s: entry %r lacks %s or has a verdict other "
                             "than true/false" % (path, v.get("case"), sorted(missing)))
        out[(v["case"], v["check"], v["function"], norm(v["message"]))] = v
    return out


def verdict_of(verdicts, case_id, f):
    v = verdicts.get((case_id, f["check"], f["function"], norm(f["message"])))
    return v["verdict"] if v else "unread"


def in_case(findings, case):
    """Bug-check findings located in one of the case's functions."""
    funcs = set(case["functions"])
    return [f for f in findings if f.get("check") in BUG_CHECKS and f.get("function") in funcs]


def score_case(case, args):
    """Materialise, run both versions, compare: one result record."""
    res = {"id": case["id"], "project": case["project"], "kind": case["kind"],
           "reserve": bool(case.get("reserve")),
           "also": list(case.get("also") or []), "cross_tu": bool(case["cross_tu"]),
           "functions": case["functions"], "files": case["files"]}
    t0 = time.monotonic()
    try:
        trees = M.materialise_case(case, args.mirror, args.cache,
                                   allow_clone=not args.no_clone)
    except M.CaseError as e:
        res.update(status="error", reason="materialise: %s" % e)
        return res
    except Exception as e:  # a broken case must not stop the run
        res.update(status="error", reason="materialise: %s: %s" % (type(e).__name__, e))
        return res
    out = {}
    for version in M.VERSIONS:
        doc, err = run_tool(args.tool, case_tool_args(case, args), trees[version],
                            case["files"], args.timeout)
        if err:
            res.update(status="error", reason="%s version: %s" % (version, err))
            return res
        out[version] = doc["findings"]
    buggy = in_case(out["buggy"], case)
    fixed = in_case(out["fixed"], case)
    fixed_keys = {(f["check"], f["function"], norm(f["message"])) for f in fixed}
    matching = [f for f in buggy
                if (f["check"], f["function"], norm(f["message"])) not in fixed_keys]
    slim = lambda f: {k: f.get(k) for k in ("check", "function", "file", "line", "message")}
    res.update(status="found" if matching else "missed",
               buggy=[slim(f) for f in buggy], fixed=[slim(f) for f in fixed],
               matching=[slim(f) for f in matching],
               all_buggy=len(out["buggy"]), all_fixed=len(out["fixed"]),
               seconds=round(time.monotonic() - t0, 1))
    return res


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def report(results, args, verdicts=None):
    """The Markdown table and the totals, as lines."""
    verdicts = verdicts or {}
    lines = ["| case | kind | project | found? | findings buggy/fixed | matching message |",
             "|---|---|---|---|---|---|"]
    for r in results:
        if r["status"] == "error":
            lines.append("| %s | %s | %s | error | - | %s |" % (
                r["id"], r["kind"], r["project"], cell(r["reason"])))
            continue
        msg = ""
        if r["matching"]:
            m = r["matching"][0]
            msg = "`%s` line %s: %s" % (m["check"], m["line"], m["message"])
        lines.append("| %s | %s | %s | %s | %d/%d | %s |" % (
            r["id"], r["kind"], r["project"], "yes" if r["status"] == "found" else "no",
            len(r["buggy"]), len(r["fixed"]), cell(msg)))
    scored = [r for r in results if r["status"] != "error"]
    errors = len(results) - len(scored)
    head = ("| %s | cases | found | recall | warnings on fixed | per 10 bugs "
            "| read true | false or unread | per 10 bugs |")
    rule = "|---|---|---|---|---|---|---|---|---|"
    lines += ["", head % "kind", rule]

    def row(name, rs):
        n = len(rs)
        found = sum(1 for r in rs if r["status"] == "found")
        warn = sum(len(r["fixed"]) for r in rs)
        true = sum(1 for r in rs for f in r["fixed"]
                   if verdict_of(verdicts, r["id"], f) == "true")
        per10 = lambda k: "%.1f" % (10.0 * k / n) if n else "-"
        lines.append("| %s | %d | %d | %s | %d | %s | %d | %d | %s |" % (
            name, n, found, "%.0f%%" % (100.0 * found / n) if n else "-", warn,
            per10(warn), true, warn - true, per10(warn - true)))

    for kind in M.KINDS:
        rs = [r for r in scored if r["kind"] == kind]
        if rs:
            row(kind, rs)
    row("**all**", scored)
    lines += ["", head % "group (kind or also)", rule]
    for name, kinds in GROUPS:
        row(name, [r for r in scored if ({r["kind"]} | set(r["also"])) & kinds])
    row("cross-TU cases", [r for r in scored if r["cross_tu"]])
    row("main set", [r for r in scored if not r.get("reserve")])
    row("held-out set", [r for r in scored if r.get("reserve")])
    if errors:
        lines += ["", "%d case(s) could not be analysed (status error), not counted above." % errors]
    other = [(r["id"], f, verdict_of(verdicts, r["id"], f)) for r in scored
             for f in r["fixed"] if verdict_of(verdicts, r["id"], f) != "true"]
    if other:
        lines += ["", "Warnings on fixed versions not read true (%s):" % os.path.relpath(
            VERDICTS, M.ROOT), ""]
        lines += ["- %s (%s) `%s` %s line %s: %s" % (i, v, f["check"], f["function"],
                                                    f["line"], f["message"])
                  for i, f, v in other]
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tool", default=os.path.join(M.ROOT, "build", "bin", "alloc-tidy"),
                    help="the analyser's executable (default %(default)s)")
    ap.add_argument("--tool-args", default="",
                    help="extra arguments for the tool, one shell-quoted string")
    ap.add_argument("--option", action="append", default=[], metavar="KEY=VALUE",
                    help="a check option for every run, e.g. "
                         "alloc-group-unwind.ReportAllExits=true (repeatable)")
    ap.add_argument("--oracle", action="store_true",
                    help="also load the project's declared contracts (oracle/<project>.yaml): "
                         "what the checks find once the project's own functions are known")
    ap.add_argument("--case", action="append", help="only this case (repeatable)")
    ap.add_argument("--project", action="append", help="only this project's cases")
    ap.add_argument("--kind", action="append", help="only cases of this kind")
    ap.add_argument("--reserve", action="store_true",
                    help="the held-out cases (corpus.yaml 'reserve') instead of the main set")
    ap.add_argument("--all", action="store_true", help="the main set and the held-out cases")
    ap.add_argument("--mirror", default=M.DEFAULT_MIRROR, help="default %(default)s")
    ap.add_argument("--cache", default=M.DEFAULT_CACHE, help="default %(default)s")
    ap.add_argument("--no-clone", action="store_true", help="never fall back to git clone")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="cases in parallel (default 2)")
    ap.add_argument("--timeout", type=int, default=600, help="seconds per tool run")
    ap.add_argument("--out", default=os.path.join(M.ROOT, "bench", "out"),
                    help="directory for the JSON results (default %(default)s)")
    ap.add_argument("--rescore", metavar="JSON",
                    help="print the table of an earlier results file with today's verdicts; run nothing")
    args = ap.parse_args()
    verdicts = load_verdicts(VERDICTS)
    if args.rescore:
        with open(args.rescore, encoding="utf-8") as f:
            for line in report(json.load(f)["results"], args, verdicts):
                print(line)
        return 0
    args.tool_args = shlex.split(args.tool_args)
    try:
        args.options = dict(o.split("=", 1) for o in args.option)
    except ValueError:
        print("run.py: --option takes KEY=VALUE", file=sys.stderr)
        return 2
    if any(a.startswith("--config") for a in args.tool_args) and (args.options or args.oracle):
        print("run.py: pass check options with --option, not a --config in --tool-args, "
              "when --option or --oracle is used (the tool takes one --config)", file=sys.stderr)
        return 2
    if not os.access(args.tool, os.X_OK):
        print("run.py: %s is not an executable; build it (bash scripts/setup.sh build) "
              "or pass --tool" % args.tool, file=sys.stderr)
        return 2

    cases = M.load_corpus(which="all" if args.all else "reserve" if args.reserve else "cases")
    if args.case:
        unknown = set(args.case) - {c["id"] for c in cases}
        if unknown:
            print("run.py: unknown case(s): %s" % ", ".join(sorted(unknown)), file=sys.stderr)
            return 2
        cases = [c for c in cases if c["id"] in args.case]
    if args.project:
        cases = [c for c in cases if c["project"] in args.project]
    if args.kind:
        cases = [c for c in cases if c["kind"] in args.kind]

    started = datetime.datetime.now(datetime.timezone.utc)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        results = list(ex.map(lambda c: score_case(c, args), cases))

    for line in report(results, args, verdicts):
        print(line)

    commit = subprocess.run(["git", "-C", M.ROOT, "rev-parse", "--short", "HEAD"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.decode().strip()
    doc = {"date": started.strftime("%Y-%m-%d %H:%M UTC"), "alloc_tidy_commit": commit,
           "tool": args.tool, "tool_args": args.tool_args, "options": args.options,
           "oracle": args.oracle, "bug_checks": sorted(BUG_CHECKS),
           "results": results}
    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, "realworld.json")
    for p in (path, os.path.join(args.out, "realworld-%s.json" % started.strftime("%Y%m%d-%H%M%S"))):
        with open(p, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1)
    print("\nresults: %s" % path, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
