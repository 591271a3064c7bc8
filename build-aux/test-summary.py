#!/usr/bin/env python3
# test-summary.py — prints "N passed, N failed" over the tests in meson's
# testlog.json (a test binary counts once, whatever its number of cases) and
# exits non-zero on any failure.
#
# Copyright 2026 PhyNet Health
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import sys

passed = failed = skipped = 0
failures = []

with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        if not line.strip():
            continue
        entry = json.loads(line)
        result = entry.get("result")
        name = entry.get("name")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
            failures.append("%s (%s)" % (name, result))

for failure in failures:
    print("FAILED:", failure)
if skipped:
    print("%d skipped" % skipped)
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
