#!/usr/bin/env python3
# test-command-line.py — the commands that work without a window:
# --import, --search and --page, their output, messages and exit codes.
#
# Copyright 2026 PhyNet Health
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-command-line.py HEALTH_LIBRARY_BINARY
#
# Prints TAP. Runs without a display: the commands must not need one.

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

# The tests folder, above this one.
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STARTER = os.path.join(HERE, "..", "data", "library", "mplus_topics_starter.xml")
MALFORMED = os.path.join(HERE, "data", "malformed")

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def run(app, env, *args):
    return subprocess.run([app, *args], env=env, capture_output=True, text=True, timeout=120)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    app = sys.argv[1]
    home = tempfile.mkdtemp(prefix="test-command-line-")
    try:
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        env["XDG_DATA_HOME"] = os.path.join(home, "data")
        env["XDG_CONFIG_HOME"] = os.path.join(home, "config")
        env["LANGUAGE"] = "C"
        library = os.path.join(env["XDG_DATA_HOME"], "health-library", "library.db")

        # --import: progress on stderr, then one line on stdout, exit 0.
        r = run(app, env, "--import", STARTER)
        check("import exits 0", r.returncode == 0, r.stderr)
        lines = r.stdout.strip().splitlines()
        check("import prints one line", len(lines) == 1, r.stdout)
        check("import line has the counts and seconds",
              lines and re.fullmatch(r"Imported 39 English topics, 17 Spanish topics and \d+ groups "
                                     r"in \d+\.\d\d s", lines[0]), r.stdout)
        check("import shows progress on stderr", "Importing" in r.stderr, r.stderr)
        check("the library exists", os.path.isfile(library))

        # A bad file: one message on stderr naming the file, exit 1, library unchanged.
        before = digest(library)
        for kind, line in (("truncated.xml", True), ("not-xml.xml", False),
                           ("billion-laughs.xml", True), ("wrong-root.xml", True)):
            path = os.path.join(MALFORMED, kind)
            r = run(app, env, "--import", path)
            check("bad %s exits 1" % kind, r.returncode == 1, r.stderr)
            check("bad %s prints nothing on stdout" % kind, r.stdout == "", r.stdout)
            message = [l for l in r.stderr.splitlines() if not l.startswith("Importing")]
            check("bad %s gives one message naming the file" % kind,
                  len(message) == 1 and path in message[0], r.stderr)
            if line:
                check("bad %s names the line" % kind, "line " in r.stderr, r.stderr)
            check("bad %s leaves the library as it was" % kind, digest(library) == before)
        r = run(app, env, "--import", os.path.join(home, "missing.xml"))
        check("a missing file exits 1", r.returncode == 1 and "missing.xml" in r.stderr, r.stderr)

        # --search: ID<TAB>LANGUAGE<TAB>TITLE, best first.
        r = run(app, env, "--search", "diab")
        rows = [line.split("\t") for line in r.stdout.splitlines()]
        check("search exits 0", r.returncode == 0, r.stderr)
        check("search rows have three fields", rows and all(len(row) == 3 for row in rows), r.stdout)
        check("search puts the title match first", rows and rows[0] == ["4", "en", "Diabetes"], r.stdout)
        # Accents left out, typed, or typed as a letter and a combining mark
        # find the same topics, and the right ones.
        r = run(app, env, "--search", "cafeina", "--language", "es")
        check("search folds accents", r.stdout.startswith("1793\tes\tCafe\u00edna\n"), r.stdout)
        plain = run(app, env, "--search", "presion", "--language", "es").stdout
        accented = run(app, env, "--search", "presi\u00f3n", "--language", "es").stdout
        decomposed = run(app, env, "--search", "presio\u0301n", "--language", "es").stdout
        check("search without accents finds the topic that has them",
              "3072\tes\tAcupuntura" in plain.splitlines(), plain)
        check("search with or without accents finds the same", plain == accented == decomposed,
              plain + "|" + accented + "|" + decomposed)
        r = run(app, env, "--search", "dolor", "--language", "es")
        check("search in Spanish first", r.stdout.startswith("3062\tes\tDolor abdominal"), r.stdout)
        r = run(app, env, "--search", "qqqzzz")
        check("no hit prints nothing and exits 0", r.returncode == 0 and r.stdout == "", r.stdout)
        r = run(app, env, "--search", "diab", "--language", "fr")
        check("an unknown language exits 1", r.returncode == 1 and "fr" in r.stderr, r.stderr)

        # --page: the HTML the view shows.
        r = run(app, env, "--page", "hl://topic/3061")
        check("page exits 0", r.returncode == 0, r.stderr)
        check("page is the topic", "<h1>Abdominal Pain</h1>" in r.stdout and
              r.stdout.startswith("<!DOCTYPE html>"), r.stdout[:200])
        r = run(app, env, "--page", "hl://nope/1")
        check("an unknown page exits 1 with a message",
              r.returncode == 1 and r.stdout == "" and "hl://nope/1" in r.stderr, r.stderr)

        # --page reads the home-clinic setting, as the app does: a keyfile in
        # the test's own configuration folder.
        kenv = dict(env, GSETTINGS_BACKEND="keyfile")
        keyfile_dir = os.path.join(kenv["XDG_CONFIG_HOME"], "glib-2.0", "settings")
        os.makedirs(keyfile_dir, exist_ok=True)
        r = run(app, kenv, "--page", "hl://home")
        check("without a home clinic the home page names none",
              r.returncode == 0 and "home-clinic\"" not in r.stdout.split("<body", 1)[-1], r.stderr)
        for clinic, named in (("kilgore", True), ("dallas", False), ("", False)):
            with open(os.path.join(keyfile_dir, "keyfile"), "w") as f:
                f.write("[org/phynet/HealthLibrary]\nhome-clinic='%s'\n" % clinic)
            home_page = run(app, kenv, "--page", "hl://home")
            topic = run(app, kenv, "--page", "hl://topic/3061")
            body = home_page.stdout.split("<body", 1)[-1]
            if named:
                check("--page hl://home names the home clinic",
                      '<a href="hl://clinic/kilgore">Kilgore</a>' in body and
                      '<p class="place">Kilgore, TX</p>' in body, home_page.stdout[-3000:])
                check("--page of a topic carries it in the printed header",
                      "Your clinic:</span> Kilgore, Kilgore, TX" in topic.stdout, topic.stdout[:3000])
            else:
                check("home clinic %r is none" % clinic,
                      home_page.returncode == 0 and "home-clinic" not in body and
                      "handout-clinic" not in topic.stdout.split("<body", 1)[-1],
                      home_page.stderr)

        # A fresh home: the commands set up the sample library by themselves.
        env["XDG_DATA_HOME"] = os.path.join(home, "fresh")
        r = run(app, env, "--search", "asthma")
        check("search on a fresh home uses the sample",
              r.returncode == 0 and "\tAsthma" in r.stdout, r.stdout + r.stderr)
    finally:
        shutil.rmtree(home, ignore_errors=True)

    print("1..%d" % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok and detail:
            for line in str(detail).splitlines()[:10]:
                print("# " + line)
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
