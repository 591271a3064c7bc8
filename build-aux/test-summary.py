#!/usr/bin/env python3
# test-summary.py — prints "N passed, N failed" over the tests in one or more
# of meson's testlog.json files (a test binary counts once per run, whatever
# its number of cases) and exits non-zero on any failure.
#
#   test-summary.py build/meson-logs/testlog.json [build-asan/meson-logs/testlog.json …]
#
# Copyright 2026 PhyNet Health
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sys

passed = failed = skipped = 0
failures = []

for path in sys.argv[1:]:
    # "build-asan", "build (valgrind)": which run a failure is from.
    run = os.path.basename(os.path.dirname(os.path.dirname(os.path.abspath(path))))
    name = os.path.basename(path)
    if name.startswith("testlog-"):
        run += " (%s)" % name[len("testlog-"):-len(".json")]
    if not os.path.exists(path):
        print("FAILED: no results from %s" % run)
        failed += 1
        continue
    with open(path, encoding="utf-8") as log:
        for line in log:
            if not line.strip():
                continue
            entry = json.loads(line)
            result = entry.get("result")
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
                failures.append("%s: %s (%s)" % (run, entry.get("name"), result))

for failure in failures:
    print("FAILED:", failure)
if skipped:
    print("%d skipped" % skipped)
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
