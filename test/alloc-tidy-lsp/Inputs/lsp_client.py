#!/usr/bin/env python3
"""A scripted LSP client for `alloc-tidy --lsp`, over the server's stdio.

Usage: lsp_client.py SCENARIO --server ALLOC_TIDY --work DIR [--cflags ...]

Each scenario drives the server as an editor would and prints one line per
fact it observed; the lit test checks those lines with FileCheck.  Any
protocol violation or time-out raises, so the test fails with a message.
"""
import argparse
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))


class Client:
    def __init__(self, server, cwd, init_options=None, extra_args=()):
        self.proc = subprocess.Popen([server, "--lsp"] + list(extra_args),
                                     stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd)
        self.messages = queue.Queue()
        self.next_id = 1
        self.log = []          # window/logMessage and showMessage texts
        threading.Thread(target=self._reader, daemon=True).start()
        self.stderr = []
        threading.Thread(target=self._stderr, daemon=True).start()
        self.init_options = init_options or {}

    def _stderr(self):
        for line in self.proc.stderr:
            self.stderr.append(line.decode("utf-8", "replace"))

    def _reader(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                name, _, value = line.partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if length is None:
                raise RuntimeError("message without Content-Length")
            self.messages.put(json.loads(out.read(length)))

    def send(self, message, raw=None):
        body = raw if raw is not None else json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=30):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method,
                   "params": params})
        return self.wait(lambda m: m.get("id") == rid and "method" not in m,
                         timeout, "response to %s" % method)

    def wait(self, pred, timeout, what):
        """Returns the first message matching pred, within timeout seconds."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no %s within %s s" % (what, timeout))
            try:
                m = self.messages.get(timeout=left)
            except queue.Empty:
                continue
            if m is None:
                raise EOFError("server closed its output waiting for " + what)
            if m.get("method") in ("window/logMessage", "window/showMessage"):
                self.log.append(m["params"]["message"])
            if pred(m):
                return m

    def diagnostics(self, uri, timeout=30):
        m = self.wait(lambda m: m.get("method") ==
                      "textDocument/publishDiagnostics" and
                      m["params"]["uri"] == uri, timeout,
                      "diagnostics for " + uri)
        return m["params"]["diagnostics"]

    def initialize(self, root):
        r = self.request("initialize", {
            "processId": os.getpid(), "rootUri": uri(root),
            "capabilities": {}, "initializationOptions": self.init_options})
        self.notify("initialized", {})
        return r["result"]

    def open(self, path, text=None):
        if text is None:
            with open(path) as f:
                text = f.read()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri(path), "languageId": "c", "version": 1, "text": text}})

    def shutdown(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        return self.proc.wait(timeout=10)


def uri(path):
    return "file://" + os.path.abspath(path).replace("%", "%25").replace(" ", "%20")


def show(diags):
    for d in sorted(diags, key=lambda d: (d["range"]["start"]["line"],
                                          d["range"]["start"]["character"])):
        s = d["range"]["start"]
        print("diagnostic %d:%d %s %s: %s" % (
            s["line"] + 1, s["character"] + 1, d["severity"], d["code"],
            d["message"]))
        for r in d.get("relatedInformation", []):
            print("  related %d: %s" % (r["location"]["range"]["start"]["line"] + 1,
                                        r["message"]))


def apply_edits(text, edits):
    """Applies LSP TextEdits (UTF-16 positions; ASCII input) to text."""
    lines = text.split("\n")
    starts = [0]
    for l in lines:
        starts.append(starts[-1] + len(l) + 1)

    def offset(p):
        return starts[p["line"]] + p["character"]
    for e in sorted(edits, key=lambda e: offset(e["range"]["start"]),
                    reverse=True):
        b, t = offset(e["range"]["start"]), offset(e["range"]["end"])
        text = text[:b] + e["newText"] + text[t:]
    return text


def project(work, cflags, db=True, sub=""):
    """A project directory with the inputs and, when db, its database."""
    if os.path.exists(work):
        shutil.rmtree(work)
    src = os.path.join(work, sub, "src") if sub else os.path.join(work, "src")
    os.makedirs(src)
    for name in ("fixable.c", "broken.c", "clean.c"):
        shutil.copy(os.path.join(HERE, name), src)
    if db:
        dbdir = os.path.join(work, "build")
        os.makedirs(dbdir)
        with open(os.path.join(dbdir, "compile_commands.json"), "w") as f:
            json.dump([{"directory": src, "file": os.path.join(src, n),
                        "arguments": ["cc", "-c"] + cflags + [n]}
                       for n in ("fixable.c", "broken.c", "clean.c")], f)
    return src


def scenario_basic(a):
    src = project(a.work, a.cflags)
    c = Client(a.server, a.work)
    res = c.initialize(a.work)
    caps = res["capabilities"]
    print("server:", res["serverInfo"]["name"],
          "version" if res["serverInfo"].get("version") else "no version")
    print("codeAction:", "codeActionProvider" in caps,
          "save:", "save" in caps["textDocumentSync"])
    path = os.path.join(src, "fixable.c")
    t0 = time.monotonic()
    c.open(path)
    diags = c.diagnostics(uri(path))
    print("first diagnostics in under 2 s:", time.monotonic() - t0 < 2.0)
    show(diags)
    # The code action for the fix-it, applied as an editor would.
    fixable = [d for d in diags if d["code"] == "alloc-lifetime-mismatch"][0]
    r = c.request("textDocument/codeAction", {
        "textDocument": {"uri": uri(path)}, "range": fixable["range"],
        "context": {"diagnostics": [fixable]}})
    actions = r["result"]
    print("actions:", len(actions), actions[0]["kind"])
    with open(path) as f:
        text = f.read()
    fixed = apply_edits(text, actions[0]["edit"]["changes"][uri(path)])
    for line in fixed.splitlines():
        if line.strip().startswith(("char buf", "int n", "free(buf")):
            print("fixed:", line.strip())
    # Saved with the fix: the finding is gone.
    with open(path, "w") as f:
        f.write(fixed)
    c.notify("textDocument/didSave", {"textDocument": {"uri": uri(path)}})
    show_codes("after save:", c.diagnostics(uri(path)))
    # No action where there is no fix-it.
    r = c.request("textDocument/codeAction", {
        "textDocument": {"uri": uri(path)},
        "range": {"start": {"line": 0, "character": 0},
                  "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": []}})
    print("actions on line 1:", len(r["result"]))
    c.notify("textDocument/didClose", {"textDocument": {"uri": uri(path)}})
    print("after close:", len(c.diagnostics(uri(path))), "diagnostics")
    print("exit status:", c.shutdown())


def show_codes(label, diags):
    print(label, " ".join(sorted(d["code"] for d in diags)) or "none")


def scenario_robust(a):
    """A file that does not parse, a missing database, bad messages."""
    # Outside the suite's build tree, whose compile_commands.json would be
    # found above the files.
    a.work = tempfile.mkdtemp(prefix="alloc-tidy-lsp-")
    src = project(a.work, a.cflags, db=False)
    c = Client(a.server, a.work)
    r = c.request("textDocument/codeAction", {})
    print("before initialize:", r["error"]["code"])
    c.initialize(a.work)
    c.send(None, raw=b"{not json")
    r = c.wait(lambda m: "error" in m and m.get("id") is None, 10, "parse error")
    print("bad JSON:", r["error"]["code"])
    r = c.request("workspace/symbol", {"query": ""})
    print("unknown method:", r["error"]["code"])
    broken = os.path.join(src, "broken.c")
    c.open(broken)
    show(c.diagnostics(uri(broken)))
    # Without a compilation database: analysed without flags, and said so.
    path = os.path.join(src, "fixable.c")
    c.open(path)
    show_codes("no database:", c.diagnostics(uri(path)))
    print("told no database:", any("no compile_commands.json" in l
                                   for l in c.log))
    print("told compile errors:", any("has compile errors" in l
                                      for l in c.log))
    gone = os.path.join(src, "never-saved.c")
    c.open(gone, "int x;\n")
    # Still answering after all that.
    r = c.request("textDocument/codeAction", {
        "textDocument": {"uri": uri(path)},
        "range": {"start": {"line": 0, "character": 0},
                  "end": {"line": 99, "character": 0}}})
    print("still answering:", isinstance(r["result"], list))
    print("exit status:", c.shutdown())
    shutil.rmtree(a.work, ignore_errors=True)


def scenario_debounce(a):
    """Quick saves are debounced; a save during a run ends the stale run."""
    src = project(a.work, a.cflags)
    path = os.path.join(src, "fixable.c")
    # A long debounce: five quick saves make one run.  The file is opened
    # first and its own run (at once, not debounced) waited for, so that how
    # fast this machine is does not decide whether the saves cancel it.
    c = Client(a.server, a.work, {"debounceMs": 400})
    c.initialize(a.work)
    c.open(path)
    c.wait(lambda m: m.get("method") == "window/logMessage" and
           m["params"]["message"].startswith("alloc-tidy: analysed"), 30,
           "the opened file's run")
    opened = len([l for l in c.log if l.startswith("alloc-tidy: analysed")])
    for _ in range(5):
        c.notify("textDocument/didSave", {"textDocument": {"uri": uri(path)}})
        time.sleep(0.05)
    c.diagnostics(uri(path))
    time.sleep(1.0)
    c.request("shutdown", None)
    runs = [l for l in c.log if l.startswith("alloc-tidy: analysed")]
    print("debounced: 5 events,", len(runs) - opened, "run")
    c.notify("exit", None)
    c.proc.wait(timeout=10)
    # No debounce: a save while the first run is under way cancels it.  The
    # file is made long enough (about a second's analysis) that the save
    # comes while that run is still under way, on any machine.
    with open(path, "a") as f:
        for i in range(15000):
            f.write("int grow%d(size_t n) { char *p = malloc(n); if (!p) "
                    "return -1; p[0] = 0; free(p); return 0; }\n" % i)
    c = Client(a.server, a.work, {"debounceMs": 0})
    c.initialize(a.work)
    c.open(path)
    time.sleep(0.05)
    c.notify("textDocument/didSave", {"textDocument": {"uri": uri(path)}})
    c.diagnostics(uri(path))
    time.sleep(1.0)
    c.request("shutdown", None)
    runs = [l for l in c.log if l.startswith("alloc-tidy: analysed")]
    print("cancelled: 2 events,", len(runs), "run published")
    c.notify("exit", None)
    print("exit status:", c.proc.wait(timeout=10))


def scenario_disconnect(a):
    """The client goes away while an analysis runs: the server ends."""
    src = project(a.work, a.cflags)
    path = os.path.join(src, "fixable.c")
    c = Client(a.server, a.work, {"debounceMs": 0})
    c.initialize(a.work)
    c.open(path)
    time.sleep(0.05)
    c.proc.stdin.close()
    c.proc.stdout.close()
    t0 = time.monotonic()
    rc = c.proc.wait(timeout=20)
    print("ended after disconnect: status %d, in under 5 s: %s" %
          (rc, time.monotonic() - t0 < 5))
    print("crash output:", "".join(c.stderr).strip() or "none")


def scenario_clangd_layout(a):
    """compile_commands.json found as clangd does: build/ of an ancestor."""
    src = project(a.work, a.cflags, sub="nested")
    dbdir = os.path.join(a.work, "nested", "build")
    os.makedirs(dbdir)
    # Only the database has the define that makes clean.c allocate.
    with open(os.path.join(dbdir, "compile_commands.json"), "w") as f:
        json.dump([{"directory": src, "file": os.path.join(src, "clean.c"),
                    "arguments": ["cc", "-c", "-DWITH_CACHE"] + a.cflags +
                    ["clean.c"]}], f)
    c = Client(a.server, a.work)
    c.initialize(a.work)
    path = os.path.join(src, "clean.c")
    c.open(path)
    show_codes("with the database's flags:", c.diagnostics(uri(path)))
    print("exit status:", c.shutdown())


def main():
    p = argparse.ArgumentParser()
    p.add_argument("scenario")
    p.add_argument("--server", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--cflags", default="")
    a = p.parse_args()
    a.cflags = a.cflags.split()
    a.work = os.path.abspath(a.work)
    globals()["scenario_" + a.scenario.replace("-", "_")](a)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
