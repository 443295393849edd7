#!/usr/bin/env python3
"""Exercises the integration files a user copies, as their hosts run them:
  .pre-commit-hooks.yaml            entry + args + staged files, like pre-commit
                                    (pre-commit-real.test runs pre-commit itself)
  docs/integrations/github-actions.yml   the 'alloc-tidy' step's script
  docs/integrations/Jenkinsfile          the 'alloc-tidy' stage's sh script
in a throw-away git repository whose head commit adds an unjustified malloc.

Usage: integrations.py <alloc-tidy> <source root> <work dir> <compiler flags...>
Prints one line per fact for FileCheck."""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

import yaml

driver, root, work = (os.path.abspath(a) for a in sys.argv[1:4])
cflags = sys.argv[4:]
validator = os.path.join(root, "test", "Inputs", "sarif", "validate_sarif.py")
github_rules = os.path.join(root, "test", "Inputs", "sarif", "check_github_sarif.py")
env = dict(os.environ)
env["PATH"] = os.path.dirname(driver) + os.pathsep + env["PATH"]

# CONFIGURE for the throw-away project: writes build/compile_commands.json.
configure_py = os.path.join(work, "configure.py")


def sh(cmd, **kw):
    return subprocess.run(cmd, cwd=repo, env=kw.pop("env", env), text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, **kw)


def git(*args):
    r = sh(["git"] + list(args))
    if r.returncode:
        sys.exit("git %s failed: %s" % (" ".join(args), r.stdout))
    return r.stdout.strip()


def new_results(path):
    doc = json.load(open(path))
    return sum(1 for r in doc["runs"][0]["results"]
               if r.get("baselineState") == "new")


shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
with open(configure_py, "w") as f:
    f.write("""import json, os, subprocess, sys
files = subprocess.check_output(["git", "ls-files", "*.c"], text=True).split()
os.makedirs("build", exist_ok=True)
d = os.getcwd()
json.dump([{"directory": d, "file": os.path.join(d, f),
            "arguments": ["cc", "-c"] + %r + [f]} for f in files],
          open("build/compile_commands.json", "w"))
""" % cflags)
repo = os.path.join(work, "repo")
os.makedirs(os.path.join(repo, "src"))
git("init", "-q", ".")
git("config", "user.email", "ci@example.invalid")
git("config", "user.name", "ci")
BASE = """#include <stdlib.h>
void *old_site(void) { return malloc(8); }
"""
open(os.path.join(repo, "src", "a.c"), "w").write(BASE)
# The project's own .clang-tidy picks the checks, as a user's would.
open(os.path.join(repo, ".clang-tidy"), "w").write(
    "Checks: '-*,alloc-unjustified,alloc-group-unwind'\n")
git("add", ".")
git("commit", "-qm", "base")
base_sha = git("rev-parse", "HEAD")
env["CONFIGURE"] = "%s %s" % (shlex.quote(sys.executable), shlex.quote(configure_py))

# --- pre-commit ------------------------------------------------------------
hooks = yaml.safe_load(open(os.path.join(root, ".pre-commit-hooks.yaml")))
hook = next(h for h in hooks if h["id"] == "alloc-tidy")
print("pre-commit: files pattern matches .c:",
      bool(re.search(hook["files"], "src/a.c")),
      "and .h:", bool(re.search(hook["files"], "src/a.h")),
      "and not .cc:", bool(re.search(hook["files"], "src/a.cc")))
sh(["bash", "-c", env["CONFIGURE"]])


def run_hook():
    staged = git("diff", "--cached", "--name-only").split()
    staged = [f for f in staged if re.search(hook["files"], f)]
    entry = shlex.split(hook["entry"])
    if hook["language"] == "script":  # relative to the hook repository
        entry[0] = os.path.join(root, entry[0])
    cmd = entry + hook.get("args", []) + staged
    return sh(cmd)


open(os.path.join(repo, "src", "a.c"), "a").write(
    "void *new_site(void) { return calloc(1, 8); }\n")
git("add", "src/a.c")
r = run_hook()
print("pre-commit: unjustified change: exit %d" % r.returncode)
for line in r.stdout.splitlines():
    if "warning:" in line:
        print("pre-commit: " + line.split(repo + "/", 1)[-1])
git("checkout", "-q", "--", ".")
git("reset", "-q", "--hard")
open(os.path.join(repo, "src", "a.c"), "a").write(
    "void *new_site(void) { return calloc(1, 8); } /* alloc: returned -- caller frees */\n")
git("add", "src/a.c")
r = run_hook()
print("pre-commit: justified change: exit %d" % r.returncode)
git("reset", "-q", "--hard")

# The head commit adds an unjustified malloc to a file the base had.
open(os.path.join(repo, "src", "a.c"), "a").write(
    "void *added(void) { return malloc(16); }\n")
git("commit", "-qam", "head: adds an unjustified malloc")

# --- GitHub Actions ----------------------------------------------------------
wf = yaml.safe_load(open(os.path.join(root, "docs", "integrations", "github-actions.yml")))
job = wf["jobs"]["alloc-tidy"]
steps = job["steps"]
step = next(s for s in steps if s.get("id") == "alloc-tidy")
upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
cache = next(s for s in steps if "actions/cache" in s.get("uses", ""))
build = next(s for s in steps if "setup.sh" in s.get("run", ""))
failed = next(s for s in steps if "!= '1'" in str(s.get("if", "")))
gate = next(s for s in steps if "== '1'" in str(s.get("if", "")))
print("github: version pinned to a commit hash:",
      bool(re.fullmatch(r"[0-9a-f]{40}", str(job["env"]["ALLOC_TIDY_REF"]))))
print("github: tool cached per version:",
      "ALLOC_TIDY_REF" in cache["with"]["key"],
      "and built only on a miss:", "cache-hit != 'true'" in build.get("if", ""))
print("github: upload step always runs:", upload.get("if", "").startswith("always()"),
      "and uploads", upload["with"]["sarif_file"])
print("github: analyses in parallel:", "-j " in step["run"],
      "and uploads only new results:", "--only-new" in step["run"])
print("github: tool failure and findings are separate steps:",
      "exit 2" in failed["run"] and "exit 1" in gate["run"])
print("github: token may write security events:",
      wf["permissions"].get("security-events") == "write")
genv = dict(env)
for k, v in job.get("env", {}).items():
    if k != "CONFIGURE":
        genv[k] = str(v)
genv["BASE_SHA"] = base_sha  # ${{ github.event.pull_request.base.sha }}
genv["HOME"] = work          # git config --global writes here
outputs = os.path.join(work, "github-output")


def run_workflow(name):
    """The alloc-tidy step, then the gate steps its status selects."""
    open(outputs, "w").close()
    genv["GITHUB_OUTPUT"] = outputs
    r = sh(["bash", "-c", step["run"]], env=genv)
    status = dict(l.split("=", 1) for l in open(outputs).read().split())
    print("github: %s: step exit %d, status %s" % (name, r.returncode,
                                                   status.get("status")))
    for gstep, selected in ((failed, status.get("status") not in ("0", "1")),
                            (gate, status.get("status") == "1")):
        if selected:
            gr = sh(["bash", "-c", gstep["run"]],
                    env=dict(genv, STATUS=status.get("status", "")))
            print("github: %s: step '%s' exit %d" % (name, gstep["name"],
                                                     gr.returncode))


run_workflow("one new malloc")
sarif = os.path.join(repo, upload["with"]["sarif_file"])
doc = json.load(open(sarif))
results = doc["runs"][0]["results"]
print("github: results uploaded: %d, new: %d" % (len(results), new_results(sarif)))
for res in results:
    loc = res["locations"][0]["physicalLocation"]
    print("github: result: %s %s:%d" % (res["ruleId"], loc["artifactLocation"]["uri"],
                                         loc["region"]["startLine"]))
v = subprocess.run([sys.executable, validator, sarif], stdout=subprocess.PIPE, text=True)
print("github: " + v.stdout.strip().split(repo + "/", 1)[-1])
v = subprocess.run([sys.executable, github_rules, sarif], stdout=subprocess.PIPE, text=True)
print("github: " + v.stdout.strip().split(repo + "/", 1)[-1])

# The tool failing (a file that does not parse) is not "new findings".
broken = os.path.join(repo, "src", "broken.c")
open(broken, "w").write("int broken(void) { return undeclared; }\n")
git("add", "src/broken.c")
run_workflow("broken file")
git("rm", "-q", "-f", "src/broken.c")

# --- Jenkins -----------------------------------------------------------------
jf = open(os.path.join(root, "docs", "integrations", "Jenkinsfile")).read()
stage = jf[jf.index("stage('alloc-tidy')"):]
script = re.search(r"sh '''(.*?)'''", stage, re.S).group(1)
if os.path.exists(sarif):
    os.remove(sarif)
r = sh(["bash", "-c", script])
print("jenkins: alloc-tidy stage: exit %d" % r.returncode)
v = subprocess.run([sys.executable, validator, sarif], stdout=subprocess.PIPE, text=True)
print("jenkins: " + v.stdout.strip().split(repo + "/", 1)[-1])
print("jenkins: records the SARIF with warnings-ng:",
      bool(re.search(r"sarif\([^)]*pattern: 'alloc-tidy.sarif'", jf)))
print("jenkins: quality gate on new issues fails the build:",
      "qualityGates: [[threshold: 1, type: 'NEW', unstable: false]]" in jf)
