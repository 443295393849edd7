#!/usr/bin/env python3
"""Checks SARIF files against GitHub code scanning's published rules for
uploaded SARIF, beyond the JSON schema (validate_sarif.py checks that).

Usage: check_github_sarif.py FILE...  (exit 1 and the problems when one fails)

The rules, from GitHub's "SARIF support for code scanning" reference (the
"Supported properties" tables, where a required property may not be the
empty string) and its limits table:
  * sarifLog: $schema, version 2.1.0, 1 to 20 runs; at most 10 MB gzipped
  * run: tool.driver.name, tool.driver.rules[], results[]; at most 25,000
    results, 25,000 rules and 100 tool extensions
  * reportingDescriptor (rule): unique id; name at most 255 characters;
    shortDescription.text and fullDescription.text, each at most 1,024;
    help.text; defaultConfiguration.level one of note, warning, error;
    at most 20 properties.tags; precision, problem.severity and
    security-severity from their documented values
  * result: message.text; 1 to 10 locations; partialFingerprints; a ruleId
    (and ruleIndex) naming a rule of the run; level from SARIF's values
  * location: physicalLocation with artifactLocation.uri and a region with
    startLine, startColumn, endLine and endColumn; a uriBaseId defined in
    originalUriBaseIds; absolute URIs in the file scheme
  * relatedLocations and thread-flow locations: the same; at most 10,000
    thread-flow locations per result
"""
import gzip
import json
import sys

MAX_RUNS = 20
MAX_RESULTS = 25000
MAX_RULES = 25000
MAX_EXTENSIONS = 100
MAX_LOCATIONS = 10
MAX_THREAD_FLOW_LOCATIONS = 10000
MAX_TAGS = 20
MAX_NAME = 255
MAX_DESCRIPTION = 1024
MAX_GZIP_BYTES = 10 * 1024 * 1024
RULE_LEVELS = {"note", "warning", "error"}
RESULT_LEVELS = {"none", "note", "warning", "error"}
PRECISIONS = {"very-high", "high", "medium", "low"}
PROBLEM_SEVERITIES = {"error", "warning", "recommendation"}


class Checker:
    def __init__(self):
        self.problems = []

    def fail(self, where, what):
        self.problems.append("%s: %s" % (where, what))

    def text(self, obj, key, where, limit=None):
        """A required, non-empty string property, optionally bounded."""
        value = obj.get(key) if isinstance(obj, dict) else None
        if not isinstance(value, str) or not value:
            self.fail(where, "'%s' is required and may not be empty" % key)
            return None
        if limit is not None and len(value) > limit:
            self.fail(where, "'%s' has %d characters, more than %d"
                      % (key, len(value), limit))
        return value

    def location(self, loc, where, base_ids):
        if not isinstance(loc, dict):
            self.fail(where, "a location must be an object")
            return
        phys = loc.get("physicalLocation")
        if not isinstance(phys, dict):
            self.fail(where, "'physicalLocation' is required")
            return
        art = phys.get("artifactLocation")
        if not isinstance(art, dict):
            self.fail(where, "'physicalLocation.artifactLocation' is required")
        else:
            uri = self.text(art, "uri", where + ".artifactLocation")
            base = art.get("uriBaseId")
            if base is not None and base not in base_ids:
                self.fail(where, "uriBaseId '%s' is not in originalUriBaseIds"
                          % base)
            if uri and ":" in uri.split("/", 1)[0] and not uri.startswith("file://"):
                self.fail(where, "absolute URI '%s' is not in the file scheme"
                          % uri)
        region = phys.get("region")
        if not isinstance(region, dict):
            self.fail(where, "'physicalLocation.region' is required")
            return
        for key in ("startLine", "startColumn", "endLine", "endColumn"):
            v = region.get(key)
            if not isinstance(v, int) or v < 1:
                self.fail(where, "region.%s is required (a positive integer)"
                          % key)
        s, e = region.get("startLine"), region.get("endLine")
        if isinstance(s, int) and isinstance(e, int) and e < s:
            self.fail(where, "region ends (line %d) before it starts (line %d)"
                      % (e, s))

    def rule(self, r, where, ids):
        rid = self.text(r, "id", where)
        if rid in ids:
            self.fail(where, "duplicate rule id '%s'" % rid)
        ids.add(rid)
        if "name" in r and (not isinstance(r["name"], str)
                            or len(r["name"]) > MAX_NAME):
            self.fail(where, "'name' must be a string of at most %d characters"
                      % MAX_NAME)
        for key in ("shortDescription", "fullDescription"):
            self.text(r.get(key, {}), "text", where + "." + key,
                      MAX_DESCRIPTION)
        self.text(r.get("help", {}), "text", where + ".help")
        level = r.get("defaultConfiguration", {}).get("level")
        if level is not None and level not in RULE_LEVELS:
            self.fail(where, "defaultConfiguration.level '%s' is not one of %s"
                      % (level, sorted(RULE_LEVELS)))
        props = r.get("properties", {})
        if len(props.get("tags", [])) > MAX_TAGS:
            self.fail(where, "more than %d tags" % MAX_TAGS)
        if "precision" in props and props["precision"] not in PRECISIONS:
            self.fail(where, "precision '%s' is not one of %s"
                      % (props["precision"], sorted(PRECISIONS)))
        if ("problem.severity" in props
                and props["problem.severity"] not in PROBLEM_SEVERITIES):
            self.fail(where, "problem.severity '%s' is not one of %s"
                      % (props["problem.severity"], sorted(PROBLEM_SEVERITIES)))
        if "security-severity" in props:
            try:
                float(props["security-severity"])
            except (TypeError, ValueError):
                self.fail(where, "security-severity is not a number")

    def result(self, res, where, rules, base_ids):
        self.text(res.get("message", {}), "text", where + ".message")
        locs = res.get("locations")
        if not isinstance(locs, list) or not locs:
            self.fail(where, "at least one location is required")
        else:
            if len(locs) > MAX_LOCATIONS:
                self.fail(where, "%d locations, more than %d"
                          % (len(locs), MAX_LOCATIONS))
            for i, loc in enumerate(locs):
                self.location(loc, "%s.locations[%d]" % (where, i), base_ids)
        for i, loc in enumerate(res.get("relatedLocations", [])):
            self.location(loc, "%s.relatedLocations[%d]" % (where, i), base_ids)
        fps = res.get("partialFingerprints")
        if not isinstance(fps, dict) or not fps or not all(
                isinstance(v, str) and v for v in fps.values()):
            self.fail(where, "'partialFingerprints' is required (non-empty)")
        rid = res.get("ruleId")
        ids = [r.get("id") for r in rules]
        if rid is not None and rid not in ids:
            self.fail(where, "ruleId '%s' names no rule of the run" % rid)
        idx = res.get("ruleIndex")
        if idx is not None:
            if not isinstance(idx, int) or not 0 <= idx < len(rules):
                self.fail(where, "ruleIndex %r is outside the rules" % (idx,))
            elif rid is not None and ids[idx] != rid:
                self.fail(where, "ruleIndex %d is rule '%s', not ruleId '%s'"
                          % (idx, ids[idx], rid))
        if "level" in res and res["level"] not in RESULT_LEVELS:
            self.fail(where, "level '%s' is not one of %s"
                      % (res["level"], sorted(RESULT_LEVELS)))
        for f, flow in enumerate(res.get("codeFlows", [])):
            for t, thread in enumerate(flow.get("threadFlows", [])):
                tl = thread.get("locations", [])
                if len(tl) > MAX_THREAD_FLOW_LOCATIONS:
                    self.fail(where, "a thread flow has %d locations, more "
                              "than %d" % (len(tl), MAX_THREAD_FLOW_LOCATIONS))
                for i, step in enumerate(tl):
                    self.location(step.get("location"),
                                  "%s.codeFlows[%d].threadFlows[%d][%d]"
                                  % (where, f, t, i), base_ids)

    def log(self, doc, raw):
        self.text(doc, "$schema", "sarifLog")
        if doc.get("version") != "2.1.0":
            self.fail("sarifLog", "version must be 2.1.0")
        if len(gzip.compress(raw)) > MAX_GZIP_BYTES:
            self.fail("sarifLog", "more than 10 MB once gzipped")
        runs = doc.get("runs")
        if not isinstance(runs, list) or not runs:
            self.fail("sarifLog", "'runs' must hold at least one run")
            return 0
        if len(runs) > MAX_RUNS:
            self.fail("sarifLog", "%d runs, more than %d" % (len(runs), MAX_RUNS))
        total = 0
        for n, run in enumerate(runs):
            where = "runs[%d]" % n
            driver = run.get("tool", {}).get("driver")
            if not isinstance(driver, dict):
                self.fail(where, "'tool.driver' is required")
                continue
            self.text(driver, "name", where + ".tool.driver")
            rules = driver.get("rules")
            if not isinstance(rules, list):
                self.fail(where, "'tool.driver.rules' is required")
                rules = []
            if len(rules) > MAX_RULES:
                self.fail(where, "%d rules, more than %d" % (len(rules), MAX_RULES))
            if len(run.get("tool", {}).get("extensions", [])) > MAX_EXTENSIONS:
                self.fail(where, "more than %d tool extensions" % MAX_EXTENSIONS)
            ids = set()
            for i, r in enumerate(rules):
                self.rule(r, "%s.rules[%d]" % (where, i), ids)
            results = run.get("results")
            if not isinstance(results, list):
                self.fail(where, "'results' is required")
                continue
            if len(results) > MAX_RESULTS:
                self.fail(where, "%d results, more than %d"
                          % (len(results), MAX_RESULTS))
            base_ids = set(run.get("originalUriBaseIds", {}))
            for i, res in enumerate(results):
                self.result(res, "%s.results[%d]" % (where, i), rules, base_ids)
            total += len(results)
        return total


def main():
    bad = 0
    for path in sys.argv[1:]:
        with open(path, "rb") as f:
            raw = f.read()
        c = Checker()
        total = c.log(json.loads(raw), raw)
        for p in c.problems[:50]:
            print("%s: %s" % (path, p))
        if len(c.problems) > 50:
            print("%s: ... %d more" % (path, len(c.problems) - 50))
        if c.problems:
            bad += 1
        else:
            print("%s: meets GitHub code scanning's rules (%d results)"
                  % (path, total))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
