#!/usr/bin/env python3
"""Validates SARIF files against the official SARIF 2.1.0 schema.

Usage: validate_sarif.py FILE...   (exit 1 and the errors when one is invalid)
"""
import json
import os
import sys

import jsonschema

SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                      "sarif-schema-2.1.0.json")


def main():
    with open(SCHEMA) as f:
        schema = json.load(f)
    validator = jsonschema.Draft4Validator(schema)
    bad = 0
    for path in sys.argv[1:]:
        with open(path) as f:
            doc = json.load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        for e in errors:
            print("%s: %s at %s" % (path, e.message,
                                    "/".join(str(p) for p in e.path)))
        if errors:
            bad += 1
        else:
            print("%s: valid SARIF 2.1.0 (%d results)" % (
                path, sum(len(r.get("results", [])) for r in doc["runs"])))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
