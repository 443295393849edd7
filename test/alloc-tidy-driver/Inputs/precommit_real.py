#!/usr/bin/env python3
"""The pre-commit hook run by Debian's real pre-commit, as a user sets it up.

A throw-away hook repository holds this tree's .pre-commit-hooks.yaml and
hook script, committed; the project's .pre-commit-config.yaml is the one
docs/integrations/pre-commit.md documents, with that repository's path and
commit hash in place of the URL and the documented hash (a full hash, which
resolves in any clone: tags may not exist).  Then, in a throw-away project:
  first     the repository's first commit adds an unjustified malloc
  header    a commit adds an unjustified strdup in a header's inline function
  leak      a commit adds an allocation whose leak is reported on an
            unchanged 'return' line
  rename    a pure 'git mv' of a file with an old unjustified site
  range     'pre-commit run --from-ref A --to-ref B', as CI runs hooks, on a
            commit made with --no-verify
Usage: precommit_real.py <alloc-tidy> <source root> <work dir> <cflags...>
Prints one line per fact for FileCheck."""
import json
import os
import re
import shutil
import subprocess
import sys

driver, root, work = (os.path.abspath(a) for a in sys.argv[1:4])
cflags = sys.argv[4:]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
env = dict(os.environ)
env["PATH"] = os.path.dirname(driver) + os.pathsep + env["PATH"]
env["HOME"] = work
env["PRE_COMMIT_HOME"] = os.path.join(work, "pre-commit-cache")
for k in ("PRE_COMMIT_FROM_REF", "PRE_COMMIT_TO_REF", "GIT_DIR",
          "GIT_WORK_TREE", "GIT_INDEX_FILE"):
    env.pop(k, None)


def run(cmd, cwd):
    return subprocess.run(cmd, cwd=cwd, env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def git(cwd, *args):
    r = run(["git"] + list(args), cwd)
    if r.returncode:
        sys.exit("git %s failed: %s" % (" ".join(args), r.stdout))
    return r.stdout.strip()


def new_repo(path):
    os.makedirs(path)
    git(path, "init", "-q", "-b", "main", ".")
    git(path, "config", "user.email", "dev@example.invalid")
    git(path, "config", "user.name", "dev")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


# --- the hook repository: this tree's hook files, committed ---------------
hooks = os.path.join(work, "alloc-tidy")
new_repo(hooks)
shutil.copy(os.path.join(root, ".pre-commit-hooks.yaml"), hooks)
os.makedirs(os.path.join(hooks, "scripts"))
shutil.copy2(os.path.join(root, "scripts", "pre-commit-hook.sh"),
             os.path.join(hooks, "scripts"))
git(hooks, "add", ".")
git(hooks, "update-index", "--chmod=+x", "scripts/pre-commit-hook.sh")
git(hooks, "commit", "-qm", "alloc-tidy hook")
rev = git(hooks, "rev-parse", "HEAD")

# --- the documented .pre-commit-config.yaml --------------------------------
doc = open(os.path.join(root, "docs", "integrations", "pre-commit.md")).read()
block = next(b for b in re.findall(r"```yaml\n(.*?)```", doc, re.S)
             if "id: alloc-tidy" in b)
documented = re.search(r"rev:\s*(\S+)", block).group(1)
print("documented rev is a full commit hash:",
      bool(re.fullmatch(r"[0-9a-f]{40}", documented)))
config = re.sub(r"repo:\s*\S+", "repo: " + hooks, block)
config = config.replace(documented, rev)

# --- the project -------------------------------------------------------------
proj = os.path.join(work, "project")
new_repo(proj)


def configure():
    """build/compile_commands.json for the project's C files (as CMake or
    bear would write it; not committed)."""
    files = [os.path.join(d, f)[len(proj) + 1:]
             for d, _, fs in os.walk(os.path.join(proj, "src")) for f in fs
             if f.endswith(".c")]
    os.makedirs(os.path.join(proj, "build"), exist_ok=True)
    json.dump([{"directory": proj, "file": os.path.join(proj, f),
                "arguments": ["cc", "-c"] + cflags + [f]} for f in sorted(files)],
              open(os.path.join(proj, "build", "compile_commands.json"), "w"))


def report(name, r):
    print("%s: exit %d" % (name, r.returncode))
    for line in r.stdout.splitlines():
        if re.search(r"\b(warning|error):", line):
            print("%s: %s" % (name, line.split(proj + "/", 1)[-1]))


write(os.path.join(proj, ".pre-commit-config.yaml"), config)
# The project's own choice of checks, as a team's .clang-tidy would say.
write(os.path.join(proj, ".clang-tidy"),
      "Checks: '-*,alloc-unjustified,alloc-group-unwind'\n")
write(os.path.join(proj, ".gitignore"), "build/\n")
r = run(["pre-commit", "install"], proj)
print("pre-commit install: exit %d" % r.returncode)
if r.returncode:
    print(r.stdout)

# first: the repository's first commit.
write(os.path.join(proj, "src", "main.c"), """#include <stdlib.h>
char *table(void) { return malloc(64); }
""")
configure()
git(proj, "add", ".")
report("first", run(["git", "commit", "-qm", "first"], proj))
write(os.path.join(proj, "src", "main.c"), """#include <stdlib.h>
char *table(void) { return malloc(64); /* alloc: returned -- caller frees */ }
""")
git(proj, "add", ".")
report("first justified", run(["git", "commit", "-qm", "first"], proj))

# header: an inline function in a header.
write(os.path.join(proj, "src", "util.h"), """#include <string.h>
static inline char *util_dup(const char *s) { return strdup(s); }
""")
git(proj, "add", "src/util.h")
report("header", run(["git", "commit", "-qm", "header"], proj))
write(os.path.join(proj, "src", "util.h"), """#include <string.h>
static inline char *util_dup(const char *s) {
  return strdup(s); /* alloc: returned -- the caller frees the copy */
}
""")
git(proj, "add", "src/util.h")
report("header justified", run(["git", "commit", "-qm", "header"], proj))

# leak: 'x' is added; when 'y' fails it leaks at the old 'return -1'.
write(os.path.join(proj, "src", "pair.c"), """#include <stdlib.h>
int pair(char **a, char **b) {
  char *y = malloc(8); /* alloc: stored -- handed to *b */
  if (!y)
    return -1;
  *a = 0;
  *b = y;
  return 0;
}
""")
configure()
git(proj, "add", ".")
report("leak base", run(["git", "commit", "-qm", "pair"], proj))
write(os.path.join(proj, "src", "pair.c"), """#include <stdlib.h>
int pair(char **a, char **b) {
  char *x = malloc(8); /* alloc: stored -- handed to *a */
  if (!x)
    return -2;
  char *y = malloc(8); /* alloc: stored -- handed to *b */
  if (!y)
    return -1;
  *a = x;
  *b = y;
  return 0;
}
""")
git(proj, "add", ".")
report("leak", run(["git", "commit", "-qm", "pair: x"], proj))
git(proj, "checkout", "--", ".")
git(proj, "reset", "-q", "--hard")

# rename: a file with an old unjustified site, committed before the hook
# existed (--no-verify), then moved as is.
write(os.path.join(proj, "src", "legacy.c"), """#include <stdlib.h>
char *legacy(void) { return malloc(32); }
""")
configure()
git(proj, "add", ".")
git(proj, "commit", "-qm", "legacy", "--no-verify")
git(proj, "mv", "src/legacy.c", "src/old_legacy.c")
report("rename", run(["git", "commit", "-qm", "rename"], proj))

# range: a commit that skipped the hook, checked the way CI runs hooks.
base = git(proj, "rev-parse", "HEAD")
with open(os.path.join(proj, "src", "main.c"), "a") as f:
    f.write("char *later(void) { return calloc(1, 8); }\n")
git(proj, "commit", "-qam", "unchecked", "--no-verify")
report("range", run(["pre-commit", "run", "--from-ref", base,
                     "--to-ref", "HEAD"], proj))
report("range clean", run(["pre-commit", "run", "--from-ref", base + "~1",
                           "--to-ref", base], proj))
