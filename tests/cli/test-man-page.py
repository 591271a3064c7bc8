#!/usr/bin/env python3
# test-man-page.py — the manual page says what --help says: every option of
# the binary, no option it does not have, the same version; it has the files
# read and written and the exit codes, and formats without a warning.
#
# Copyright 2026 PhyNet Health
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-man-page.py HEALTH_LIBRARY_BINARY MAN_PAGE
#
# Prints TAP.

import os
import re
import subprocess
import sys

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def main():
    app, page = sys.argv[1], sys.argv[2]
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["LANGUAGE"] = "C"

    with open(page, encoding="utf-8") as f:
        roff = f.read()
    help_all = subprocess.run([app, "--help-all"], env=env, capture_output=True, text=True)
    check("--help-all works without a display", help_all.returncode == 0, help_all.stderr)
    options = set(re.findall(r"^\s+(?:-\w, )?--([a-z][a-z-]*)", help_all.stdout, re.M))
    check("--help lists the commands", {"import", "search", "page", "update", "rollback"}
          <= options, sorted(options))

    # In roff, "-" is written "\-" in option names.
    documented = set(re.findall(r"\\-\\-([a-z][a-z\\-]*[a-z])", roff))
    documented = {d.replace("\\-", "-") for d in documented}
    for option in sorted(options):
        check("the manual page has --%s" % option, option in documented, sorted(documented))
    stale = documented - options - {"help-all"}
    check("the manual page has no option the binary lacks", not stale, sorted(stale))

    version = subprocess.run([app, "--version"], env=env, capture_output=True,
                             text=True).stdout.split()[-1]
    check("the manual page's version is the binary's",
          re.search(r'^\.TH .*"Health Library %s"' % re.escape(version), roff, re.M), version)
    for section in ("SYNOPSIS", "OPTIONS", "FILES", "SETTINGS", "ENVIRONMENT", "EXIT STATUS"):
        check("the manual page has %s" % section, re.search(r"^\.SH %s$" % section, roff, re.M))
    for path in ("library.db", "library.db.previous", "clinics.json"):
        check("FILES names %s" % path, path in roff)

    r = subprocess.run(["groff", "-man", "-ww", "-z", page], capture_output=True, text=True)
    check("it formats without a warning", r.returncode == 0 and r.stderr == "", r.stderr)

    print("1..%d" % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok and detail:
            for line in str(detail).splitlines()[:10]:
                print("# " + line)
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
