#!/usr/bin/env python3
"""Writes <dir>/compile_commands.json for every .c file in <dir>.
Usage: db.py <dir> <compiler flags...>"""
import glob
import json
import os
import sys

d = os.path.abspath(sys.argv[1])
json.dump([{"directory": d, "file": os.path.join(d, f),
            "arguments": ["cc", "-c"] + sys.argv[2:] + [f]}
           for f in sorted(os.path.basename(p) for p in glob.glob(d + "/*.c"))],
          open(os.path.join(d, "compile_commands.json"), "w"), indent=1)
