#!/usr/bin/env python3
"""Materialise the real-world corpus: for every case, the buggy and the fixed tree.

    python3 bench/realworld/materialise.py [--case ID ...] [--check-parse]

For each case of bench/realworld/corpus.yaml, the fix commit's first parent
(buggy) and the fix commit itself (fixed) are written with `git archive` into
bench/cache/realworld/<case>/{buggy,fixed}/, only the directories the
project's recipe (bench/realworld/projects/<project>.yaml) lists, with a
compile_commands.json per tree covering every .c file the recipe names as the
project's sources, compiled with the recipe's flags (no configure, no build).

The history comes from a mirror: a git directory under --mirror (default
/work/.mirror) named <owner>+<name> (a bare repository, or one with a repo/
or repo/.git inside, as the fetch tool leaves it). Without a mirror the
repository is cloned once, blobless, into bench/cache/repos/.

--check-parse runs `clang-19 -fsyntax-only` with the recipe's flags on the
files each case touches, at both commits, and reports what does not parse.
Nothing fetched here is ever committed: bench/cache/ is git-ignored.
"""

import argparse
import fnmatch
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_CACHE = os.path.join(ROOT, "bench", "cache")
DEFAULT_MIRROR = "/work/.mirror"
VERSIONS = ("buggy", "fixed")

KINDS = (
    "error-path-leak",
    "alloc-failure-leak",
    "wrapper-leak",
    "outparam-leak",
    "destroy-leak",
    "double-free",
    "use-after-free",
    "ownership",
    "hidden-alloc",
    "unchecked-result",
)


class CaseError(Exception):
    """A case that cannot be materialised; the message says why."""


def load_corpus(path=None, which="cases"):
    """The manifest's cases ('cases', 'reserve' or 'all'), each checked for the
    fields the scripts need."""
    path = path or os.path.join(HERE, "corpus.yaml")
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    main, reserve = data.get("cases") or [], data.get("reserve") or []
    for c in reserve:
        c["reserve"] = True
    seen = set()
    for c in main + reserve:
        for field in ("id", "project", "repo", "fix", "kind", "files", "functions",
                      "cross_tu", "bug"):
            if field not in c:
                raise SystemExit("corpus.yaml: case %r lacks %r" % (c.get("id"), field))
        if c["id"] in seen:
            raise SystemExit("corpus.yaml: duplicate case id %r" % c["id"])
        seen.add(c["id"])
        for k in [c["kind"]] + list(c.get("also") or []):
            if k not in KINDS:
                raise SystemExit("corpus.yaml: case %r has unknown kind %r" % (c["id"], k))
    return {"cases": main, "reserve": reserve, "all": main + reserve}[which]


def load_recipe(project):
    """The project's recipe: paths to archive, sources, include dirs, defines."""
    path = os.path.join(HERE, "projects", project + ".yaml")
    if not os.path.exists(path):
        raise CaseError("no recipe bench/realworld/projects/%s.yaml" % project)
    with open(path, encoding="utf-8") as f:
        recipe = yaml.safe_load(f) or {}
    recipe.setdefault("paths", ["."])
    recipe.setdefault("sources", ["**/*.c"])
    recipe.setdefault("exclude", [])
    recipe.setdefault("include", [])
    recipe.setdefault("defines", [])
    recipe.setdefault("flags", [])
    recipe["_path"] = path
    return recipe


def git(gitdir, *args, binary=False):
    """Run git on a git directory; raise CaseError with its message on failure."""
    r = subprocess.run(["git", "--git-dir", gitdir] + list(args),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode != 0:
        raise CaseError("git %s: %s" % (" ".join(args[:2]),
                                        r.stderr.decode(errors="replace").strip()))
    return r.stdout if binary else r.stdout.decode(errors="replace")


def find_gitdir(repo, mirror, cache, allow_clone=True):
    """The git directory holding repo's history: a mirror, else a blobless clone."""
    name = repo.replace("/", "+")
    base = os.path.join(mirror, name)
    for cand in (os.path.join(base, "repo", ".git"), os.path.join(base, "repo"), base,
                 os.path.join(cache, "repos", name + ".git")):
        if os.path.isfile(os.path.join(cand, "HEAD")) and os.path.isdir(
                os.path.join(cand, "objects")):
            return cand
    if not allow_clone:
        raise CaseError("no mirror of %s under %s" % (repo, mirror))
    dest = os.path.join(cache, "repos", name + ".git")
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    url = "https://github.com/%s" % repo
    print("materialise: no mirror of %s, cloning %s" % (repo, url), file=sys.stderr)
    r = subprocess.run(["git", "clone", "--bare", "--filter=blob:none", url, dest],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode != 0:
        shutil.rmtree(dest, ignore_errors=True)
        raise CaseError("no mirror of %s and cloning it failed: %s" % (
            repo, r.stderr.decode(errors="replace").strip().splitlines()[-1:]))
    return dest


def shim_dir(project):
    """Our own minimal headers standing in for a project's generated ones."""
    d = os.path.join(HERE, "shims", project)
    return d if os.path.isdir(d) else None


def compile_flags(case, recipe, tree):
    """The compiler flags for every source of the case's tree (recipe + case)."""
    flags = ["-std=" + recipe.get("std", "gnu11")]
    shim = shim_dir(case["project"])
    if shim:
        flags.append("-I" + shim)
    for inc in recipe["include"] + list(case.get("include") or []):
        if inc.startswith("/"):
            flags.append("-I" + inc)
        else:
            flags.append("-I" + os.path.normpath(os.path.join(tree, inc)))
    for d in recipe["defines"] + list(case.get("defines") or []):
        flags.append("-D" + d)
    flags += list(recipe["flags"]) + list(case.get("flags") or [])
    return flags


def recipe_digest(case, recipe):
    """What the materialised trees depend on, so a changed recipe redoes them."""
    h = hashlib.sha256()
    with open(recipe["_path"], "rb") as f:
        h.update(f.read())
    h.update(json.dumps({k: case.get(k) for k in ("fix", "include", "defines", "flags")},
                        sort_keys=True).encode())
    shim = shim_dir(case["project"])
    if shim:
        for dirpath, _, files in sorted(os.walk(shim)):
            for name in sorted(files):
                p = os.path.join(dirpath, name)
                h.update(p.encode())
                with open(p, "rb") as f:
                    h.update(f.read())
    return h.hexdigest()


def existing_paths(gitdir, commit, paths):
    """The recipe's paths that exist at commit, each with its object type."""
    if "." in paths:
        return [(".", "tree")]
    out = []
    expanded = []
    for p in paths:
        p = p.rstrip("/")
        if any(ch in p for ch in "*?["):
            # a glob on the last component: the matching entries of its directory
            parent = os.path.dirname(p)
            listing = git(gitdir, "ls-tree", "%s:%s" % (commit, parent) if parent else commit)
            for line in listing.splitlines():
                meta, name = line.split("\t", 1)
                if fnmatch.fnmatchcase(name, os.path.basename(p)):
                    expanded.append((os.path.join(parent, name), meta.split()[1]))
            continue
        r = subprocess.run(["git", "--git-dir", gitdir, "cat-file", "-t", "%s:%s" % (commit, p)],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        if r.returncode == 0:
            out.append((p, r.stdout.decode().strip()))
    out += expanded
    if not out:
        raise CaseError("none of the recipe's paths %s exists at %s" % (paths, commit[:12]))
    return out


def extract_tar(data, dest):
    """Unpack a tar held in memory into dest, skipping links and escaping names."""
    with tarfile.open(fileobj=io.BytesIO(data)) as t:
        for m in t.getmembers():
            if m.issym() or m.islnk():
                continue  # a link could point outside the tree
            if m.name.startswith("/") or ".." in m.name.split("/"):
                continue
            t.extract(m, dest)


def archive(gitdir, commit, paths, dest):
    """Write the paths of commit into dest: each directory with git archive of
    its own tree (a snapshot may lack big blobs elsewhere), each file as is."""
    os.makedirs(dest, exist_ok=True)
    for path, kind in paths:
        if kind == "tree":
            args = ["archive", "--format=tar"]
            if path != ".":
                args.append("--prefix=%s/" % path)
            args.append(commit if path == "." else "%s:%s" % (commit, path))
            extract_tar(git(gitdir, *args, binary=True), dest)
        elif kind == "blob":
            target = os.path.join(dest, path)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as f:
                f.write(git(gitdir, "cat-file", "blob", "%s:%s" % (commit, path), binary=True))


def glob_regex(pattern):
    """A path glob as a regex: '*' and '?' stay within one directory, '**/' spans any."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def matches(rel, patterns):
    """Whether a tree-relative path matches one of the path globs."""
    return any(glob_regex(p).match(rel) for p in patterns)


def project_sources(recipe, tree):
    """Every .c file of the tree the recipe names as the project's sources."""
    out = []
    for dirpath, dirs, files in os.walk(tree):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".c"):
                continue
            rel = os.path.relpath(os.path.join(dirpath, name), tree)
            if matches(rel, recipe["sources"]) and not matches(rel, recipe["exclude"]):
                out.append(rel)
    return out


def write_compile_db(case, recipe, tree, compiler="clang-19"):
    """compile_commands.json for every project source, plus the case's own files."""
    flags = compile_flags(case, recipe, tree)
    files = project_sources(recipe, tree)
    for f in case["files"]:
        if f not in files and os.path.exists(os.path.join(tree, f)):
            files.append(f)
    entries = [{"directory": tree,
                "file": os.path.join(tree, f),
                "arguments": [compiler] + flags + ["-c", os.path.join(tree, f)]}
               for f in files]
    with open(os.path.join(tree, "compile_commands.json"), "w", encoding="utf-8") as f:
        json.dump(entries, f, indent=1)
    return len(entries)


def case_dir(cache, case):
    return os.path.join(cache, "realworld", case["id"])


def materialise_case(case, mirror, cache, allow_clone=True, force=False):
    """Both trees of one case; returns {version: tree}. Raises CaseError."""
    recipe = load_recipe(case["project"])
    gitdir = find_gitdir(case["repo"], mirror, cache, allow_clone)
    fix = git(gitdir, "rev-parse", "--verify", case["fix"] + "^{commit}").strip()
    parent = git(gitdir, "rev-parse", "--verify", fix + "^1").strip()
    digest = recipe_digest(case, recipe)
    trees = {}
    for version, commit in (("buggy", parent), ("fixed", fix)):
        tree = os.path.join(case_dir(cache, case), version)
        stamp = os.path.join(case_dir(cache, case), version + ".stamp")
        want = commit + " " + digest
        if not force and os.path.isdir(tree) and os.path.exists(stamp):
            with open(stamp, encoding="utf-8") as f:
                if f.read().strip() == want:
                    trees[version] = tree
                    continue
        shutil.rmtree(tree, ignore_errors=True)
        archive(gitdir, commit, existing_paths(gitdir, commit, recipe["paths"]), tree)
        missing = [f for f in case["files"] if not os.path.exists(os.path.join(tree, f))]
        if missing:
            raise CaseError("%s tree (%s) lacks %s" % (version, commit[:12], ", ".join(missing)))
        write_compile_db(case, recipe, tree)
        with open(stamp, "w", encoding="utf-8") as f:
            f.write(want + "\n")
        trees[version] = tree
    return trees


def check_parse(case, trees, compiler="clang-19"):
    """clang -fsyntax-only on the case's files in both trees: list of problems."""
    recipe = load_recipe(case["project"])
    problems = []
    for version, tree in trees.items():
        flags = compile_flags(case, recipe, tree)
        for f in case["files"]:
            r = subprocess.run([compiler, "-fsyntax-only", "-w"] + flags + [os.path.join(tree, f)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=tree)
            if r.returncode != 0:
                errs = [l for l in r.stdout.decode(errors="replace").splitlines() if "error:" in l]
                problems.append("%s %s: %s" % (version, f, "; ".join(errs[:3]) or "failed"))
        texts = []
        for f in case["files"]:
            with open(os.path.join(tree, f), encoding="utf-8", errors="replace") as fh:
                texts.append(fh.read())
        for fn in case.get("source_names") or case["functions"]:
            if not any(re.search(r"\b%s\s*\(" % re.escape(fn), t) for t in texts):
                problems.append("%s: no function %s in %s" % (version, fn, ", ".join(case["files"])))
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mirror", default=DEFAULT_MIRROR,
                    help="directory of mirrors named owner+name (default %(default)s)")
    ap.add_argument("--cache", default=DEFAULT_CACHE, help="default %(default)s")
    ap.add_argument("--case", action="append", help="only this case (repeatable)")
    ap.add_argument("--project", action="append", help="only this project's cases")
    ap.add_argument("--no-clone", action="store_true", help="never fall back to git clone")
    ap.add_argument("--force", action="store_true", help="rewrite trees even when up to date")
    ap.add_argument("--check-parse", action="store_true",
                    help="run clang-19 -fsyntax-only on the files each case touches")
    ap.add_argument("--compiler", default="clang-19")
    ap.add_argument("--reserve", action="store_true", help="the held-out cases instead")
    ap.add_argument("--all", action="store_true", help="the cases and the held-out ones")
    args = ap.parse_args()

    cases = load_corpus(which="all" if args.all else "reserve" if args.reserve else "cases")
    if args.case:
        cases = [c for c in cases if c["id"] in args.case]
    if args.project:
        cases = [c for c in cases if c["project"] in args.project]
    failed = 0
    for case in cases:
        try:
            trees = materialise_case(case, args.mirror, args.cache,
                                     allow_clone=not args.no_clone, force=args.force)
            status = "ok"
            if args.check_parse:
                problems = check_parse(case, trees, args.compiler)
                if problems:
                    status = "PARSE: " + " | ".join(problems)
                    failed += 1
        except CaseError as e:
            status = "ERROR: %s" % e
            failed += 1
        print("%-40s %s" % (case["id"], status), flush=True)
    print("%d cases, %d with problems" % (len(cases), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
