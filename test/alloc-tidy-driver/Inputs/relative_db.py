#!/usr/bin/env python3
"""Writes a compilation database the way bear writes one for a Make
project: 'file' and the compiler's arguments relative to 'directory'.
Usage: relative_db.py <project dir> <file relative to it> <compiler flags...>"""
import json
import os
import sys

proj, rel = sys.argv[1], sys.argv[2]
os.makedirs(os.path.join(proj, "build"), exist_ok=True)
json.dump([{"directory": os.path.abspath(proj), "file": rel,
            "arguments": ["cc", "-c", "-I", "include"] + sys.argv[3:] + [rel]}],
          open(os.path.join(proj, "build", "compile_commands.json"), "w"),
          indent=1)
