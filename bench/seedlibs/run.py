#!/usr/bin/env python3
"""Runs alloc-tidy on the real callers of the seeds' libraries (oSIP, IoTivity,
Ioto) with their shipped rules, and counts the findings per check.

    python3 bench/seedlibs/run.py [--build build] [--only NAME] [--jobs N]

Each recipe (bench/seedlibs/*.yaml) names a public repository and commit, the
files analysed, their compiler flags and the shipped rules to load.  The
source is materialised into bench/cache/seedlibs/NAME (git-ignored) from a
local bare mirror (--mirror, default /work/.mirror/OWNER+NAME/repo, as the
project's fetch tool leaves them) or, failing that, `git clone` from GitHub.
Nothing here builds the fetched code: a compile_commands.json is written for
the analysis only.  Reports go to bench/out/seedlibs/NAME.json.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BUG_CHECKS = ["alloc-group-unwind", "alloc-ownership-transfer",
              "alloc-unchecked-result", "alloc-ownership-inconsistent"]


def git_dir(mirror, repo):
    """The bare git directory of a mirror of REPO, or None."""
    base = os.path.join(mirror, repo.replace("/", "+"))
    for cand in (os.path.join(base, "repo", ".git"), os.path.join(base, "repo"), base):
        if os.path.isfile(os.path.join(cand, "HEAD")):
            return cand
    return None


def extract(src, mirror, cache, dest):
    """Extracts src["paths"] of src["repo"] at src["commit"] into dest."""
    gd = git_dir(mirror, src["repo"])
    if gd is None:
        clone = os.path.join(cache, src["repo"].replace("/", "+") + ".git")
        if not os.path.isdir(clone):
            subprocess.check_call(["git", "clone", "--bare", "--quiet",
                                   "https://github.com/%s.git" % src["repo"], clone])
        gd = clone
    archive = subprocess.Popen(["git", "--git-dir", gd, "archive", src["commit"]]
                               + src.get("paths", []), stdout=subprocess.PIPE)
    subprocess.check_call(["tar", "x", "-C", dest], stdin=archive.stdout)
    if archive.wait() != 0:
        sys.exit("seedlibs: git archive of %s@%s failed" % (src["repo"], src["commit"]))


def materialise(recipe, mirror, cache):
    """Extracts the recipe's commit into cache/NAME; returns the tree."""
    tree = os.path.join(cache, recipe["name"])
    stamp = os.path.join(tree, ".alloc-tidy-commit")
    want = json.dumps(recipe, sort_keys=True)  # a changed recipe extracts again
    if os.path.isfile(stamp) and open(stamp).read().strip() == want:
        return tree
    shutil.rmtree(tree, ignore_errors=True)
    os.makedirs(tree)
    extract(recipe, mirror, cache, tree)
    for extra in recipe.get("also", []):
        dest = os.path.join(tree, extra["into"])
        os.makedirs(dest, exist_ok=True)
        extract(extra, mirror, cache, dest)
    for rel, text in recipe.get("write", {}).items():
        with open(os.path.join(tree, rel), "w") as f:
            f.write(text)
    with open(stamp, "w") as f:
        f.write(want)
    return tree


def sources(recipe, tree):
    files = []
    for pat in recipe["sources"]:
        files += glob.glob(os.path.join(tree, pat), recursive=True)
    drop = set()
    for pat in recipe.get("exclude", []):
        drop |= set(glob.glob(os.path.join(tree, pat), recursive=True))
    return sorted(set(files) - drop)


def run(recipe, args):
    tree = materialise(recipe, args.mirror, args.cache)
    files = sources(recipe, tree)
    flags = [f.replace("@TREE@", tree) for f in recipe.get("flags", [])]
    def extra(f):  # per-directory flags first, as the project's build has them
        rel = os.path.relpath(f, tree)
        return [x.replace("@TREE@", tree) for d, fl in recipe.get("dirflags", {}).items()
                if rel.startswith(d) for x in fl]
    db = [{"directory": tree, "file": f,
           "arguments": ["clang-19", "-fsyntax-only"] + extra(f) + flags + [f]} for f in files]
    with open(os.path.join(tree, "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)
    out = os.path.join(args.out, recipe["name"] + ".json")
    config = "{CheckOptions: {RulesFiles: '%s'}}" % recipe["rules"]
    cmd = [os.path.join(args.build, "bin", "alloc-tidy"), "-p", tree,
           "--format=json", "-o", out, "--fail-on=none", "--srcroot=" + tree,
           "-j", str(args.jobs), "--config=" + config] + files
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        sys.stderr.write(res.stderr[-4000:])
        sys.exit("seedlibs: alloc-tidy failed on %s (exit %d)" % (recipe["name"], res.returncode))
    errors = [l for l in res.stderr.splitlines() if " error: " in l]
    report = json.load(open(out))
    counts = {}
    for f in report["findings"]:
        counts[f["check"]] = counts.get(f["check"], 0) + 1
    return len(files), len(errors), counts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--mirror", default="/work/.mirror")
    ap.add_argument("--cache", default=os.path.join(ROOT, "bench", "cache", "seedlibs"))
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "out", "seedlibs"))
    ap.add_argument("--only", action="append", default=[])
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)
    recipes = [yaml.safe_load(open(p)) for p in sorted(glob.glob(os.path.join(HERE, "*.yaml")))]
    print("| caller | rules | files | compile errors | " + " | ".join(BUG_CHECKS) + " | other checks |")
    print("|---|---|---|---|" + "---|" * len(BUG_CHECKS) + "---|")
    for r in recipes:
        if args.only and r["name"] not in args.only:
            continue
        n, errs, counts = run(r, args)
        other = sum(v for k, v in counts.items() if k not in BUG_CHECKS)
        print("| %s | %s | %d | %d | %s | %d |" % (r["name"], r["rules"], n, errs,
              " | ".join(str(counts.get(c, 0)) for c in BUG_CHECKS), other))


if __name__ == "__main__":
    main()
