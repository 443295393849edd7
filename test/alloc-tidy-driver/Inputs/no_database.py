#!/usr/bin/env python3
"""Runs the driver on a file that has no compilation database anywhere above
it (a fresh directory under the system's temporary directory), with and
without -p, and checks the exit status 2 and the message."""
import os
import shutil
import subprocess
import sys
import tempfile

driver = sys.argv[1]
tmp = tempfile.mkdtemp(prefix="alloc-tidy-nodb-")
try:
    src = os.path.join(tmp, "clean.c")
    with open(src, "w") as f:
        f.write("int ok(void) { return 0; }\n")
    for args, want in ((["-p", os.path.join(tmp, "build")],
                        "no compilation database in"),
                       ([], "no compilation database found for")):
        r = subprocess.run([driver] + args + [src], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        print("exit %d: %s" % (r.returncode, want in r.stdout))
        if r.returncode != 2 or want not in r.stdout:
            print(r.stdout)
            sys.exit(1)
finally:
    shutil.rmtree(tmp)
