#!/usr/bin/env python3
"""Runs a recipe of docs/integrations/editors.md in the real editor.

Usage: editors.py EDITOR --docs editors.md --work DIR --bin BUILD/bin
                  --plugin PLUGIN --llvm N --cflags "..."

The recipe is the fenced block after `<!-- recipe: EDITOR -->`, used as
written except for the installed paths it names, which point at this build
(the `.deb`'s /usr/lib/alloc-tidy/llvm-19/... and clang-tidy-19 become the
plugin and clang-tidy of the LLVM under test).  Prints one line per fact
observed, for FileCheck.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FIXABLE = os.path.join(HERE, "..", "..", "alloc-tidy-lsp", "Inputs", "fixable.c")


def recipe(docs, name, a):
    with open(docs) as f:
        text = f.read()
    m = re.search(r"<!-- recipe: %s -->\n```\w*\n(.*?)```" % re.escape(name),
                  text, re.S)
    if not m:
        sys.exit("no recipe '%s' in %s" % (name, docs))
    body = m.group(1)
    body = body.replace("/usr/lib/alloc-tidy/llvm-19/alloc-tidy-plugin.so",
                        a.plugin)
    body = body.replace("clang-tidy-19", a.clang_tidy)
    return body


def project(a, db_dir="build"):
    """src/fixable.c and a compilation database in DB_DIR (relative)."""
    if os.path.exists(a.work):
        shutil.rmtree(a.work)
    src = os.path.join(a.work, "src")
    os.makedirs(src)
    shutil.copy(FIXABLE, src)
    db = os.path.join(a.work, db_dir)
    os.makedirs(db, exist_ok=True)
    with open(os.path.join(db, "compile_commands.json"), "w") as f:
        json.dump([{"directory": src, "file": os.path.join(src, "fixable.c"),
                    "arguments": ["cc", "-c"] + a.cflags.split() +
                    ["fixable.c"]}], f)
    return os.path.join(src, "fixable.c")


def env(a):
    e = dict(os.environ)
    home = os.path.join(a.work, "home")
    os.makedirs(home, exist_ok=True)
    e.update(HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
             XDG_DATA_HOME=os.path.join(home, ".local", "share"),
             XDG_STATE_HOME=os.path.join(home, ".local", "state"),
             PATH=a.bin + os.pathsep + e.get("PATH", ""))
    # The recipe names `alloc-tidy`: this build's, first on PATH.
    return e


NVIM_CHECK = r"""
local out = io.stdout
local file = os.getenv('RECIPE_FILE')
local t0 = vim.loop.hrtime()
vim.cmd('edit ' .. file)
local buf = vim.api.nvim_get_current_buf()
local got = vim.wait(2000, function() return #vim.diagnostic.get(buf) > 0 end, 10)
local ms = (vim.loop.hrtime() - t0) / 1e6
out:write(string.format('diagnostics within 2 s: %s\n', tostring(got)))
out:write(string.format('nvim-ms %d\n', ms))
if not got then
  vim.wait(8000, function() return #vim.diagnostic.get(buf) > 0 end, 10)
end
local diags = vim.diagnostic.get(buf)
table.sort(diags, function(x, y) return x.lnum < y.lnum end)
for _, d in ipairs(diags) do
  out:write(string.format('diagnostic %d:%d %s: %s\n', d.lnum + 1, d.col + 1,
                          d.source or '?', d.message))
end
-- The code action, as a user picks it: the cursor on the finding,
-- vim.lsp.buf.code_action(), the first (only) entry chosen.
for _, d in ipairs(diags) do
  if d.message:find('scoped allocation') then
    vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  end
end
vim.ui.select = function(items, opts, on_choice)
  out:write(string.format('code actions offered: %d\n', #items))
  on_choice(items[1], 1)
end
local before = vim.api.nvim_buf_get_changedtick(buf)
vim.lsp.buf.code_action()
local applied = vim.wait(5000, function()
  return vim.api.nvim_buf_get_changedtick(buf) ~= before end, 10)
out:write(string.format('code action applied: %s\n', tostring(applied)))
for _, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
  local t = l:gsub('^%s+', '')
  if t:find('^char buf') or t:find('^int n') or t:find('^free%(buf') then
    out:write('line: ' .. t .. '\n')
  end
end
-- Saved: analysed again, the fixed finding gone.
vim.cmd('write')
local gone = vim.wait(5000, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.message:find('scoped allocation') then return false end
  end
  return true
end, 10)
out:write(string.format('after save, fixed finding gone: %s\n', tostring(gone)))
out:write(string.format('remaining: %d\n', #vim.diagnostic.get(buf)))
vim.cmd('qa!')
"""


def run_nvim(a):
    path = project(a)
    init = os.path.join(a.work, "init.lua")
    with open(init, "w") as f:
        f.write(recipe(a.docs, "nvim", a))
    check = os.path.join(a.work, "check.lua")
    with open(check, "w") as f:
        f.write(NVIM_CHECK)
    e = env(a)
    e["RECIPE_FILE"] = path
    p = subprocess.run(["nvim", "--headless", "-n", "-i", "NONE", "-u", init,
                        "-c", "luafile " + check], cwd=a.work, env=e,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=60)
    out = p.stdout.decode()
    for line in out.splitlines():
        if line.startswith("nvim-ms "):
            sys.stderr.write("neovim: diagnostics after %s ms\n" % line.split()[1])
        else:
            print(line)
    if p.returncode:
        print("nvim exit status %d: %s" % (p.returncode, p.stderr.decode()))


VIM_CHECK = r"""
function! Report() abort
  let l:items = ale#engine#GetLoclist(bufnr(''))
  call writefile(map(copy(l:items), {_, v -> printf('%d:%d %s: %s',
  \   v.lnum, v.col, v.type, v.text)}), $RECIPE_OUT)
  qa!
endfunction
" As on opening the file: ALE lints it, clang-tidy runs as a job; wait for it.
ALELint
for s:i in range(300)
  sleep 100m
  if !ale#engine#IsCheckingBuffer(bufnr(''))
    break
  endif
endfor
call Report()
"""


def run_vim_ale(a):
    # ALE takes the nearest compile_commands.json above the file before any
    # build/ directory (and the suite runs inside a CMake build tree).
    path = project(a, db_dir=".")
    vimrc = os.path.join(a.work, "vimrc")
    with open(vimrc, "w") as f:
        f.write(recipe(a.docs, "vim-ale", a))
    check = os.path.join(a.work, "check.vim")
    with open(check, "w") as f:
        f.write(VIM_CHECK)
    out = os.path.join(a.work, "out.txt")
    e = env(a)
    e["RECIPE_OUT"] = out
    t0 = time.monotonic()
    p = subprocess.run(["vim", "-N", "-u", vimrc, "-i", "NONE", "-n", "-es",
                        path, "-S", check], cwd=a.work, env=e,
                       stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=60)
    sys.stderr.write("vim: %.2f s\n" % (time.monotonic() - t0))
    if not os.path.exists(out):
        print("vim wrote no result (exit %d): %s %s" % (
            p.returncode, p.stdout.decode(), p.stderr.decode()))
        return
    with open(out) as f:
        for line in sorted(f.read().splitlines(),
                           key=lambda l: int(l.split(":")[0])):
            print("ale:", line)


EMACS_CHECK = r"""
(setq debug-on-error nil)
(find-file (getenv "RECIPE_FILE"))
(flycheck-buffer)
(let ((deadline (+ (float-time) 30)))
  (while (and (< (float-time) deadline)
              (or (flycheck-running-p) (null flycheck-current-errors)))
    (accept-process-output nil 0.1)))
(let ((status flycheck-last-status-change) ; buffer-local: read them here
      (errors (copy-sequence flycheck-current-errors)))
 (with-temp-file (getenv "RECIPE_OUT")
  (insert (format "checker-status %s\n" status))
  (dolist (e (sort errors
                   (lambda (x y) (< (flycheck-error-line x)
                                    (flycheck-error-line y)))))
    (insert (format "%d:%d %s %s: %s\n" (flycheck-error-line e)
                    (or (flycheck-error-column e) 0)
                    (flycheck-error-checker e) (flycheck-error-level e)
                    (flycheck-error-message e))))))
(kill-emacs 0)
"""


def run_emacs_flycheck(a):
    # clang-tidy looks for compile_commands.json above the file.
    path = project(a, db_dir=".")
    init = os.path.join(a.work, "init.el")
    with open(init, "w") as f:
        f.write("(package-initialize)\n" + recipe(a.docs, "emacs-flycheck", a))
    check = os.path.join(a.work, "check.el")
    with open(check, "w") as f:
        f.write(EMACS_CHECK)
    out = os.path.join(a.work, "out.txt")
    e = env(a)
    e.update(RECIPE_FILE=path, RECIPE_OUT=out)
    t0 = time.monotonic()
    # --batch does not run timers or hooks as an interactive session does;
    # a real Emacs in a terminal-less daemon-free mode: -nw under `script`
    # would need a tty, so batch with the init file loaded explicitly.
    p = subprocess.run(["emacs", "--batch", "-q", "-l", init, "-l", check],
                       cwd=a.work, env=e, stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=60)
    sys.stderr.write("emacs: %.2f s\n" % (time.monotonic() - t0))
    if not os.path.exists(out):
        print("emacs wrote no result (exit %d): %s" % (
            p.returncode, p.stderr.decode()[-2000:]))
        return
    with open(out) as f:
        for line in f.read().splitlines():
            print("flycheck:", line)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("editor")
    p.add_argument("--docs", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--bin", required=True)
    p.add_argument("--plugin", required=True)
    p.add_argument("--clang-tidy", required=True)
    p.add_argument("--cflags", default="")
    a = p.parse_args()
    a.work = os.path.abspath(a.work)
    {"nvim": run_nvim, "vim-ale": run_vim_ale,
     "emacs-flycheck": run_emacs_flycheck}[a.editor](a)


if __name__ == "__main__":
    main()
