#!/usr/bin/env python3
# bench-startup.py — how fast the app starts, against a bare window (the floor).
#
# Copyright 2026 PhyNet Health
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Imports a full-size corpus (made by tests/gen-corpus.py unless one is
# given) into a temporary home, then starts Health Library and the floor
# (bench-floor: an AdwApplicationWindow with a sidebar and a WebKitWebView
# loading one page from a custom scheme) in turns, N rounds after one
# warm-up start of each, and prints for both, from the same origin (the
# moment the process is started):
#
# - window mapped: the X11 MapNotify of its window, seen by a separate
#   client (bench-map-watch), not the program's own mark; and how long the
#   UI process's main thread had run by then (CPU time: the work done before
#   the window could map, which other jobs on the machine do not inflate);
# - window presented, first page loaded: the programs' own profile lines
#   (HEALTH_LIBRARY_PROFILE=1, "profile: first-page-loaded 301.7 ms");
# - peak RSS (VmHWM) of the UI process and of its WebKit web and network
#   processes, read a moment after the first page loaded.
#
# Medians, min–max and the ratios app/floor. Needs a display:
#   xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
#     meson test -C build --benchmark --verbose bench-startup
#
#   bench-startup.py APP --floor FLOOR --watcher WATCHER [--rounds N] [--corpus FILE]
#                    [--compare NAME=PROGRAM]...
#
# --compare adds another build of the app (an older commit, say) to the same
# rounds, to see what a change bought on the same machine at the same time.

import argparse
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# The kernel keeps 15 characters of a process name.
WEB_PROCESS = "WebKitWebProces"
NETWORK_PROCESS = "WebKitNetworkPr"


class Watcher:
    """bench-map-watch, read in a thread: window events by process id."""

    def __init__(self, program):
        self.proc = subprocess.Popen([program], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True)
        if self.proc.stdout.readline().strip() != "ready":
            raise RuntimeError("bench-map-watch did not start")
        self.events = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            kind, pid, _window, ns, cpu = line.split()
            self.events.put((kind, int(pid), (int(ns), int(cpu))))

    def drain(self):
        while not self.events.empty():
            self.events.get_nowait()

    def collect(self):
        """{(kind, pid): first time in ns} of the events received so far."""
        seen = {}
        while not self.events.empty():
            kind, pid, ns = self.events.get_nowait()
            seen.setdefault((kind, pid), ns)
        return seen

    def stop(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=5)


def children_of():
    """{parent pid: [child pids]} of every process."""
    tree = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name) as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        tree.setdefault(ppid, []).append(int(name))
    return tree


def descendants(pid):
    tree = children_of()
    found, todo = [], [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def status(pid):
    """(name, VmHWM in MB) of a process, or None once it is gone."""
    try:
        with open("/proc/%d/status" % pid) as f:
            fields = dict(line.split(":", 1) for line in f if ":" in line)
    except OSError:
        return None
    hwm = fields.get("VmHWM", "0 kB").split()[0]
    return fields["Name"].strip(), int(hwm) * 1024 / 1e6


def start_once(program, env, watcher, settle, timeout=30.0):
    """Starts @program, waits for its first page, returns its figures."""
    watcher.drain()
    start_ns = time.monotonic_ns()
    proc = subprocess.Popen([program], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    marks = {}
    deadline = time.monotonic() + timeout
    figures = {}
    try:
        for line in proc.stdout:
            if line.startswith("profile: "):
                _, name, value, _unit = line.split()
                marks[name] = float(value)
            if "first-page-loaded" in marks or time.monotonic() > deadline:
                break

        # The peaks of the start, with whatever it does just after.
        time.sleep(settle)
        web, network = [], []
        for pid in descendants(proc.pid):
            info = status(pid)
            if info is not None and info[0] == WEB_PROCESS:
                web.append(info[1])
            elif info is not None and info[0] == NETWORK_PROCESS:
                network.append(info[1])
        ui = status(proc.pid)
        figures["ui-rss"] = ui[1] if ui else None
        figures["web-rss"] = sum(web) if web else None
        figures["web-processes"] = len(web)
        figures["network-rss"] = sum(network) if network else None

        seen = watcher.collect()
        if ("map", proc.pid) in seen:
            ns, cpu = seen[("map", proc.pid)]
            figures["mapped"] = (ns - start_ns) / 1e6
            if cpu >= 0:
                figures["mapped-cpu"] = cpu / 1e6
        figures["presented"] = marks.get("window-presented")
        figures["loaded"] = marks.get("first-page-loaded")
        figures["marks"] = marks
    finally:
        children = descendants(proc.pid)
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        # The web processes leave with the app; the next start waits for them.
        deadline = time.monotonic() + 5
        while any(status(pid) for pid in children) and time.monotonic() < deadline:
            time.sleep(0.05)
    return figures


MEASURES = [
    ("mapped", "window mapped (MapNotify)", "ms"),
    ("mapped-cpu", "  main thread CPU until then", "ms"),
    ("presented", "window presented (own mark)", "ms"),
    ("loaded", "first page loaded", "ms"),
    ("ui-rss", "UI process peak RSS", "MB"),
    ("web-rss", "web process peak RSS", "MB"),
    ("network-rss", "network process peak RSS", "MB"),
]

# The goals: app ≤ factor × floor, on the medians.
GOALS = {
    "mapped": 1.0,
    "loaded": 1.15,
    "ui-rss": 1.0,
}


def median_of(runs, key):
    values = [run[key] for run in runs if run.get(key) is not None]
    return (statistics.median(values), min(values), max(values), len(values)) if values else None


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("app", help="the health-library executable")
    parser.add_argument("--floor", required=True, help="the bench-floor executable")
    parser.add_argument("--watcher", required=True, help="the bench-map-watch executable")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--settle", type=float, default=1.0,
                        help="seconds after the first page before the peaks are read")
    parser.add_argument("--corpus", help="MedlinePlus XML to import (default: generate one)")
    parser.add_argument("--compare", action="append", default=[], metavar="NAME=PROGRAM",
                        help="another build of the app to start in the same rounds")
    parser.add_argument("--verbose", action="store_true", help="print every start")
    args = parser.parse_args()

    if not os.environ.get("DISPLAY"):
        print("bench-startup needs an X display: run it under xvfb-run")
        return 77

    home = tempfile.mkdtemp(prefix="bench-startup-")
    watcher = None
    try:
        env = dict(os.environ)
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            env[name] = os.path.join(home, name)
            os.makedirs(env[name])

        corpus = args.corpus
        if corpus is None:
            corpus = os.path.join(home, "corpus.xml")
            subprocess.run([sys.executable, os.path.join(HERE, "..", "gen-corpus.py"),
                            "--topics", "2050", "--out", corpus, "--quiet"], check=True)
        result = subprocess.run([args.app, "--import", corpus], env=env, check=True,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        print(result.stdout.strip())
        env["HEALTH_LIBRARY_PROFILE"] = "1"

        load = os.getloadavg()
        print("Load average before: %.2f %.2f %.2f" % load)

        watcher = Watcher(args.watcher)
        programs = {"app": args.app, "floor": args.floor}
        for item in args.compare:
            name, _, program = item.partition("=")
            programs[name] = program
        names = list(programs)
        runs = {name: [] for name in names}

        # The first start of each fills the system's caches; it is not counted.
        for name in names:
            start_once(programs[name], env, watcher, args.settle)

        for i in range(args.rounds):
            # Who goes first turns round, so that none always follows another.
            order = names[i % len(names):] + names[:i % len(names)]
            if i % 2 == 1:
                order.reverse()
            for name in order:
                figures = start_once(programs[name], env, watcher, args.settle)
                if figures.get("loaded") is None or figures.get("mapped") is None:
                    print("%s: a start gave no first page or no mapped window: %r" %
                          (name, figures))
                    return 1
                runs[name].append(figures)
                if args.verbose:
                    print("  round %d %-5s %s" % (i + 1, name, "  ".join(
                        "%s %.1f" % (key, figures[key]) for key, _, _ in MEASURES
                        if figures.get(key) is not None)))
                time.sleep(0.3)

        print()
        print("Health Library (app), the floor%s started in turns, %d rounds after a warm-up;"
              % ("".join(", " + name for name in names[2:]), args.rounds))
        print("times in ms since the process started, medians (min–max); ratios of the medians")
        print("to the floor's, and in brackets of the minima (the least disturbed start):")
        print()
        others = [name for name in names if name != "floor"]
        print("  %-28s" % "" + "".join("%-24s" % name for name in names) +
              "".join("%-14s" % (name + "/floor") for name in others))
        summary = {}
        for key, label, unit in MEASURES:
            figures = {name: median_of(runs[name], key) for name in names}
            if any(value is None for value in figures.values()):
                continue
            summary[key] = figures
            print("  %-28s" % label + "".join(
                "%-24s" % ("%7.1f %s (%.0f–%.0f)" % (figures[name][0], unit, figures[name][1],
                                                     figures[name][2]))
                for name in names) + "".join(
                "%-14s" % ("%.2f (%.2f)" % (figures[name][0] / figures["floor"][0],
                                            figures[name][1] / figures["floor"][1]))
                for name in others))
        print("  web processes per start: " + ", ".join(
            "%s %s" % (name, statistics.median(r["web-processes"] for r in runs[name]))
            for name in names))
        print()
        for key, factor in GOALS.items():
            if key not in summary:
                continue
            app, floor = summary[key]["app"], summary[key]["floor"]
            label = next(label for k, label, _ in MEASURES if k == key)
            print("  %s ≤ %s× the floor: %s (%.2f×)" % (
                label, ("%.2f" % factor).rstrip("0").rstrip("."),
                "yes" if app[0] <= factor * floor[0] else "NO", app[0] / floor[0]))

        print("Load average after: %.2f %.2f %.2f" % os.getloadavg())
        return 0
    finally:
        if watcher is not None:
            watcher.stop()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
