#!/usr/bin/env python3
"""Tallies a verdict file (bench/projects/verdicts-baseline.md): Markdown
table rows `| project | check | # | location | message | verdict | reason |
cause |` as run.py writes them to bench/out/projects/<name>-verdicts.md,
filled in by a reader. Prints the verdicts per check and per project and
check, and the false findings per cause (a cause is an id such as F3 whose
meaning the file gives in a line `- F3: ...`).

Usage: verdicts.py [FILE]"""
import collections
import os
import re
import sys

VERDICTS = ("true", "defensible", "false")


def rows(text):
    for line in text.splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        if len(cells) != 8 or cells[0] in ("project", "") or set(cells[0]) <= set("-"):
            continue
        yield cells


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "verdicts-baseline.md")
    text = open(path).read()
    causes = dict(re.findall(r"^- ((?:[a-z]+-)?[FG]\d+): (.*)$", text, re.M))
    by_check = collections.defaultdict(collections.Counter)
    by_project = collections.defaultdict(collections.Counter)
    by_cause = collections.defaultdict(collections.Counter)
    unread = 0
    for project, check, _, loc, _, verdict, _, cause in rows(text):
        if verdict not in VERDICTS:
            unread += 1
            continue
        by_check[check][verdict] += 1
        by_project[(project, check)][verdict] += 1
        if verdict == "false":
            for c in re.findall(r"(?:[a-z]+-)?[FG]\d+", cause) or ["(no cause)"]:
                by_cause[c][check] += 1
    print("| check | read | true | defensible | false | true or defensible |")
    print("|---|---|---|---|---|---|")
    for check, c in sorted(by_check.items()):
        n = sum(c.values())
        print("| %s | %d | %d | %d | %d | %.0f%% |" % (check, n, c["true"], c["defensible"],
                                                      c["false"], 100.0 * (n - c["false"]) / n))
    print("\n| project | check | read | true | defensible | false |")
    print("|---|---|---|---|---|---|")
    for (project, check), c in sorted(by_project.items()):
        print("| %s | %s | %d | %d | %d | %d |" % (project, check, sum(c.values()), c["true"],
                                                   c["defensible"], c["false"]))
    print("\n| cause | false findings | by check |")
    print("|---|---|---|")
    for cause, c in sorted(by_cause.items(), key=lambda kv: -sum(kv[1].values())):
        print("| %s %s | %d | %s |" % (cause, causes.get(cause, "").split(": ")[0], sum(c.values()),
                                       ", ".join("%s %d" % kv for kv in sorted(c.items()))))
    if unread:
        print("\n%d rows without a verdict" % unread)


if __name__ == "__main__":
    main()
