#!/usr/bin/env python3
# bench-startup.py — how long the app takes to start on a full-size library.
#
# Copyright 2026 PhyNet Health
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Imports a corpus (made by tests/gen-corpus.py unless one is given), then
# starts the app several times with HEALTH_LIBRARY_PROFILE=1 and reads the
# lines it prints: "profile: window-presented 212.3 ms" and
# "profile: first-page-loaded 301.7 ms", in ms since the process started.
# Needs a display: xvfb-run -a dbus-run-session -- meson test --benchmark.
#
#   bench-startup.py APP [--runs N] [--corpus FILE]

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def start_once(app, env, timeout=30.0):
    """Starts the app, returns its two milestones in ms, then stops it."""
    proc = subprocess.Popen([app], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    marks = {}
    deadline = time.monotonic() + timeout
    try:
        for line in proc.stdout:
            if line.startswith("profile: "):
                _, name, value, _unit = line.split()
                marks[name] = float(value)
            if "first-page-loaded" in marks or time.monotonic() > deadline:
                break
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return marks


def summary(values):
    return "median %6.1f  min %6.1f  max %6.1f ms" % (statistics.median(values), min(values),
                                                       max(values))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("app", help="the health-library executable")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--corpus", help="MedlinePlus XML to import (default: generate one)")
    args = parser.parse_args()

    home = tempfile.mkdtemp(prefix="bench-startup-")
    try:
        env = dict(os.environ)
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            env[name] = os.path.join(home, name)
            os.makedirs(env[name])
        env["HEALTH_LIBRARY_PROFILE"] = "1"

        corpus = args.corpus
        if corpus is None:
            corpus = os.path.join(home, "corpus.xml")
            subprocess.run([sys.executable, os.path.join(HERE, "..", "gen-corpus.py"),
                            "--topics", "2050", "--out", corpus, "--quiet"], check=True)
        result = subprocess.run([args.app, "--import", corpus], env=env, check=True,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        print(result.stdout.strip())

        # The first start also fills the system's caches; it is not counted.
        start_once(args.app, env)
        presented, loaded = [], []
        for _ in range(args.runs):
            marks = start_once(args.app, env)
            if "first-page-loaded" not in marks:
                print("a start printed no first-page-loaded line: %r" % marks)
                return 1
            presented.append(marks["window-presented"])
            loaded.append(marks["first-page-loaded"])
            time.sleep(0.3)

        print("Starting the app on that library, %d runs (ms since the process started)" % args.runs)
        print("  window presented    %s" % summary(presented))
        print("  first page loaded   %s" % summary(loaded))
        print("  start to first page < 600 ms (median): %s" %
              ("yes" if statistics.median(loaded) < 600 else "NO"))
        return 0
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
