#!/usr/bin/env python3
"""expect_exit.py N COMMAND...: runs COMMAND, passes its output through, and
succeeds only if it exited with status N (lit's shell has no $?)."""
import subprocess
import sys

want = int(sys.argv[1])
rc = subprocess.call(sys.argv[2:])
if rc != want:
    sys.stderr.write("expected exit status %d, got %d: %s\n" %
                     (want, rc, " ".join(sys.argv[2:])))
    sys.exit(1)
