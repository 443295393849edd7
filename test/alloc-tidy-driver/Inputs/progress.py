#!/usr/bin/env python3
"""Runs the driver with standard error on a pseudo-terminal, as in an
interactive shell, and prints what it wrote there: the progress lines
("[done/total] file") it shows on a terminal and only there.
Usage: progress.py <alloc-tidy> <args...>"""
import os
import pty
import subprocess
import sys

master, slave = pty.openpty()
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=slave)
os.close(slave)
chunks = []
while True:
    try:
        data = os.read(master, 4096)
    except OSError:
        break
    if not data:
        break
    chunks.append(data)
p.wait()
text = b"".join(chunks).decode(errors="replace")
# One progress update per line, for FileCheck.
print(text.replace("\r", "\n").replace("\x1b[K", ""))
