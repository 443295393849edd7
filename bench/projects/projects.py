#!/usr/bin/env python3
"""Whole-project recipes: get a project's source at a pinned commit and
produce its compile_commands.json, at run time, into bench/cache/projects/.

A recipe is bench/projects/<name>.yaml:

    name: redis
    repo: redis/redis                  # GitHub owner/name
    commit: <40 hex digits>            # pinned; `ref` names it for people
    ref: 7.4.1
    database:
      method: cmake | make-dry-run
      prepare: [shell commands run in the source root first]
      cmake_args: [-D..., ...]          # cmake: configure only, never built
      configure: [shell commands]       # make-dry-run: e.g. ./configure
      make_dir: src                     # make-dry-run: where make runs
      make_args: [V=1, ...]
    units:
      include: [glob, ...]              # paths relative to the source root
      exclude: [glob, ...]

The source comes from a bare mirror (<mirror>/<owner>+<name>/repo, what the
`fetch` tool leaves in /work/.mirror) when there is one, otherwise from
`git clone` of github.com/<owner>/<name>.

No project is ever built. CMake projects are configured with
CMAKE_EXPORT_COMPILE_COMMANDS=ON. Make projects are configured and then
asked what they would run (`make -n -w`): the compiler commands are read
from that dry run into compile_commands.json exactly as Make would run them
(the `directory` where make ran, the `file` as the Makefile spells it,
usually relative), which is what bear records around a real `make`."""
import fnmatch
import glob
import json
import os
import shlex
import shutil
import subprocess
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CACHE = os.path.join(ROOT, "bench", "cache", "projects")
COMPILER = "clang-19"


class RecipeError(Exception):
    pass


def log(msg):
    print("projects: " + msg, file=sys.stderr, flush=True)


def recipe_names():
    """Every recipe in bench/projects/, sorted."""
    return sorted(os.path.splitext(os.path.basename(p))[0]
                  for p in glob.glob(os.path.join(HERE, "*.yaml")))


def load_recipe(name):
    path = os.path.join(HERE, name + ".yaml")
    if not os.path.isfile(path):
        raise RecipeError("no recipe %s (known: %s)" % (path, ", ".join(recipe_names())))
    with open(path) as f:
        r = yaml.safe_load(f)
    if not isinstance(r, dict):
        raise RecipeError("%s: not a mapping" % path)
    for key in ("name", "repo", "commit", "database", "units"):
        if key not in r:
            raise RecipeError("%s: missing key '%s'" % (path, key))
    if r["name"] != name:
        raise RecipeError("%s: name '%s' is not the file's name" % (path, r["name"]))
    if len(str(r["commit"])) != 40:
        raise RecipeError("%s: commit must be 40 hex digits" % path)
    if r["database"].get("method") not in ("cmake", "make-dry-run"):
        raise RecipeError("%s: database.method must be cmake or make-dry-run" % path)
    return r


class Project:
    """Paths of one materialised project under bench/cache/projects/<name>/."""

    def __init__(self, recipe, cache=CACHE):
        self.recipe = recipe
        self.name = recipe["name"]
        self.dir = os.path.join(cache, self.name)
        self.src = os.path.join(self.dir, "src")
        self.build = os.path.join(self.dir, "build")
        # The filtered database the tools are run on.
        self.db_dir = os.path.join(self.dir, "db")
        self.stamp = os.path.join(self.dir, "stamp.json")

    @property
    def db(self):
        return os.path.join(self.db_dir, "compile_commands.json")


def run(cmd, cwd, env=None, shell=False, capture=False):
    """Runs a preparation command; raises RecipeError on failure."""
    shown = cmd if shell else " ".join(shlex.quote(c) for c in cmd)
    log("[%s] %s" % (os.path.relpath(cwd, ROOT), shown))
    p = subprocess.run(cmd, cwd=cwd, env=env, shell=shell, text=True,
                       stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise RecipeError("command failed (exit %d) in %s: %s\n%s" %
                          (p.returncode, cwd, shown, p.stderr[-3000:]))
    return p.stdout


def materialise(project, mirror):
    """Puts the pinned commit's tree into project.src (from the mirror or a
    clone), replacing whatever was there."""
    r = project.recipe
    owner, name = r["repo"].split("/")
    commit = r["commit"]
    gitdir = os.path.join(mirror, "%s+%s" % (owner, name), "repo")
    if os.path.isdir(project.dir):
        shutil.rmtree(project.dir)
    os.makedirs(project.src)
    if not (os.path.isdir(gitdir) and subprocess.run(
            ["git", "--git-dir", gitdir, "cat-file", "-e", commit + "^{commit}"],
            stderr=subprocess.DEVNULL).returncode == 0):
        clone = os.path.join(project.dir, "clone.git")
        url = "https://github.com/%s.git" % r["repo"]
        log("%s: no mirror at %s; cloning %s" % (project.name, gitdir, url))
        run(["git", "clone", "--bare", "--filter=blob:none", url, clone], project.dir)
        gitdir = clone
    log("%s: %s at %s (%s)" % (project.name, r["repo"], commit[:12], r.get("ref", "")))
    archive = subprocess.Popen(["git", "--git-dir", gitdir, "archive", "--format=tar", commit],
                               stdout=subprocess.PIPE)
    tar = subprocess.run(["tar", "-x", "-C", project.src], stdin=archive.stdout)
    archive.stdout.close()
    if archive.wait() != 0 or tar.returncode != 0:
        raise RecipeError("%s: git archive of %s failed" % (project.name, commit))


def compiler_env():
    env = dict(os.environ)
    env["CC"] = COMPILER
    return env


def make_database_cmake(project):
    d = project.recipe["database"]
    os.makedirs(project.build, exist_ok=True)
    run(["cmake", "-S", project.src, "-B", project.build, "-G", "Ninja",
         "-DCMAKE_C_COMPILER=" + COMPILER, "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"]
        + [str(a) for a in d.get("cmake_args", [])], project.src, env=compiler_env())
    return os.path.join(project.build, "compile_commands.json")


COMPILER_NAMES = ("cc", "gcc", "clang", "c99", COMPILER)
SEPARATORS = {"&&", "||", ";", "|", "&", "(", ")"}


def is_compiler(word):
    base = os.path.basename(word)
    return base in COMPILER_NAMES or base.endswith("-gcc") or base.startswith("clang-")


def compile_entries(line, cwd):
    """The compile commands ('-c' of one C file) in one shell line that make
    printed, with `cd` inside the line followed."""
    lex = shlex.shlex(line, posix=True, punctuation_chars=True)
    lex.whitespace_split = True
    try:
        words = list(lex)
    except ValueError:
        return []
    commands, cur = [], []
    for w in words:
        if w in SEPARATORS or (w and set(w) <= set("&|;()")):
            commands.append(cur)
            cur = []
        else:
            cur.append(w)
    commands.append(cur)
    out = []
    for argv in commands:
        if not argv:
            continue
        if argv[0] == "cd" and len(argv) > 1:
            cwd = os.path.normpath(os.path.join(cwd, argv[1]))
            continue
        if not is_compiler(argv[0]) or "-c" not in argv:
            continue
        sources = [a for a in argv[1:] if a.endswith(".c") and not a.startswith("-")]
        if len(sources) != 1:
            continue
        entry = {"directory": cwd, "arguments": argv, "file": sources[0]}
        if "-o" in argv[:-1]:
            entry["output"] = argv[argv.index("-o") + 1]
        out.append(entry)
    return out


def make_database_dry_run(project):
    d = project.recipe["database"]
    env = compiler_env()
    for cmd in d.get("configure", []):
        run(cmd, project.src, env=env, shell=True)
    make_dir = os.path.join(project.src, d.get("make_dir", "."))
    out = run(["make", "-n", "-w", "-B", "CC=" + COMPILER] + [str(a) for a in d.get("make_args", [])],
              make_dir, env=env, capture=True)
    stack = [make_dir]
    entries = []
    pending = ""
    for raw in out.splitlines():
        if raw.endswith("\\"):
            pending += raw[:-1] + " "
            continue
        line, pending = pending + raw, ""
        if "Entering directory" in line and line.startswith("make"):
            stack.append(line.split("'")[1] if "'" in line else line.split("`")[1].rstrip("'"))
            continue
        if "Leaving directory" in line and line.startswith("make"):
            if len(stack) > 1:
                stack.pop()
            continue
        entries.extend(compile_entries(line, stack[-1]))
    path = os.path.join(make_dir, "compile_commands.json")
    with open(path, "w") as f:
        json.dump(entries, f, indent=1)
    log("%s: %d compile commands from make -n" % (project.name, len(entries)))
    return path


def entry_path(entry):
    return os.path.normpath(os.path.join(entry["directory"], entry["file"]))


def select_units(project, full_db):
    """Writes project.db: the full database's entries whose file (relative to
    the source root) matches an include glob and no exclude glob, one entry
    per file (the first), entries left as the build wrote them."""
    units = project.recipe["units"]
    include = units.get("include", ["*"])
    exclude = units.get("exclude", [])
    with open(full_db) as f:
        entries = json.load(f)
    seen, kept, missing = set(), [], 0
    for e in entries:
        path = entry_path(e)
        rel = os.path.relpath(path, project.src)
        if path in seen or not rel.endswith(".c"):
            continue
        if not any(fnmatch.fnmatch(rel, g) for g in include):
            continue
        if any(fnmatch.fnmatch(rel, g) for g in exclude):
            continue
        seen.add(path)
        if not os.path.isfile(path):
            missing += 1  # generated at build time, and nothing is built
            continue
        kept.append(e)
    os.makedirs(project.db_dir, exist_ok=True)
    with open(project.db, "w") as f:
        json.dump(kept, f, indent=1)
    return len(entries), len(kept), missing


def prepare(name, mirror, force=False):
    """Materialises one project and its filtered database unless the cache
    already holds them for the recipe's commit. Returns the Project."""
    recipe = load_recipe(name)
    project = Project(recipe)
    key = {"commit": recipe["commit"], "database": recipe["database"], "units": recipe["units"],
           "compiler": COMPILER}
    if not force and os.path.isfile(project.stamp) and os.path.isfile(project.db):
        with open(project.stamp) as f:
            if json.load(f).get("key") == key:
                return project
    materialise(project, mirror)
    for cmd in recipe["database"].get("prepare", []):
        run(cmd, project.src, shell=True)
    if recipe["database"]["method"] == "cmake":
        full = make_database_cmake(project)
    else:
        full = make_database_dry_run(project)
    total, kept, missing = select_units(project, full)
    log("%s: %d units selected of %d database entries (%d generated files absent)" %
        (name, kept, total, missing))
    with open(project.stamp, "w") as f:
        json.dump({"key": key, "full_db": full, "entries": total, "units": kept,
                   "absent": missing}, f, indent=1)
    return project


def main():
    import argparse
    ap = argparse.ArgumentParser(description="materialise projects and their databases")
    ap.add_argument("projects", nargs="*", help="recipe names (default: all)")
    ap.add_argument("--mirror", default=os.environ.get("ALLOC_TIDY_MIRROR", "/work/.mirror"))
    ap.add_argument("--force", action="store_true", help="redo even if cached")
    a = ap.parse_args()
    for name in a.projects or recipe_names():
        p = prepare(name, a.mirror, a.force)
        print("%s\t%s" % (name, p.db))


if __name__ == "__main__":
    try:
        main()
    except RecipeError as e:
        log("error: %s" % e)
        sys.exit(2)
