#!/usr/bin/env python3
"""Show what the analyser sees in a case's functions, to explain a miss.

    python3 bench/realworld/inspect_case.py [--case ID ...] [--tool PATH]

For each case, on both versions: the allocation sites the inventory lists in
the case's functions (which callees the analysis knows as allocators), the
bug-check findings there with the shipped defaults, and the findings with
alloc-group-unwind's ReportAllExits option on (every exit, not only the
ones after a failed allocation). Prints text; nothing is scored here.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import materialise as M  # noqa: E402
import run as R  # noqa: E402

ALL_EXITS = "--config={CheckOptions: {alloc-group-unwind.ReportAllExits: true}}"


def sites(doc, funcs):
    return [s for s in doc.get("inventory", []) if s.get("function") in funcs]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tool", default=os.path.join(M.ROOT, "build", "bin", "alloc-tidy"))
    ap.add_argument("--case", action="append", help="only this case (repeatable)")
    ap.add_argument("--all", action="store_true", help="include the held-out cases")
    ap.add_argument("--mirror", default=M.DEFAULT_MIRROR)
    ap.add_argument("--cache", default=M.DEFAULT_CACHE)
    ap.add_argument("--timeout", type=int, default=600)
    args = ap.parse_args()
    cases = M.load_corpus(which="all" if args.all or args.case else "cases")
    if args.case:
        cases = [c for c in cases if c["id"] in args.case]
    for case in cases:
        print("== %s (%s) %s" % (case["id"], case["kind"], ", ".join(case["functions"])))
        try:
            trees = M.materialise_case(case, args.mirror, args.cache)
        except M.CaseError as e:
            print("   error: %s" % e)
            continue
        funcs = set(case["functions"])
        for version in M.VERSIONS:
            for label, extra in (("defaults", []), ("all exits", [ALL_EXITS])):
                doc, err = R.run_tool(args.tool, ["--inventory"] + extra, trees[version],
                                      case["files"], args.timeout)
                if err:
                    print("   %s/%s: error: %s" % (version, label, err))
                    continue
                if label == "defaults":
                    for s in sites(doc, funcs):
                        print("   %s site  %s:%s %s (%s)" % (version, s.get("function"),
                                                          s.get("line"), s.get("callee"),
                                                          s.get("kind")))
                for f in R.in_case(doc["findings"], case):
                    print("   %s %-9s %s:%s [%s] %s" % (version, label, f["function"], f["line"],
                                                      f["check"], f["message"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
