#!/usr/bin/env python3
# run-fuzzer.py — runs one libFuzzer target on its seed corpus from
# tests/data and prints its figures.
#
#   run-fuzzer.py --target EXE --kind KIND --source TOP --work DIR (--seconds S | --runs N)
#
# The seeds are made afresh in DIR/seeds from the files of tests/data (and
# the bundled data); what the fuzzer finds is kept in DIR/corpus between
# runs, and a crash or hang in DIR/artifacts. Exits as libFuzzer does: 0,
# or non-zero on a crash, a hang, a leak or a broken check.
#
# Copyright 2026 PhyNet Health
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import glob
import html
import os
import re
import shutil
import subprocess
import sys
import time

SUMMARY = re.compile(r"<full-summary>(.*?)</full-summary>", re.S)
ATTRIBUTE = re.compile(r' (?:title|url|meta-desc)="([^"]*)"')


def xml_files(top):
    files = sorted(glob.glob(os.path.join(top, "tests", "data", "*.xml")))
    files += sorted(glob.glob(os.path.join(top, "tests", "data", "malformed", "*")))
    files.append(os.path.join(top, "data", "library", "mplus_topic_groups.xml"))
    return files


def valid_xml_texts(top):
    for path in sorted(glob.glob(os.path.join(top, "tests", "data", "*.xml"))):
        with open(path, encoding="utf-8") as f:
            yield f.read()


def make_seeds(kind, top, seeds):
    out = []

    def add(data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        path = os.path.join(seeds, "seed-%04d" % len(out))
        with open(path, "wb") as f:
            f.write(data)
        out.append(path)

    if kind == "medlineplus":
        for path in xml_files(top):
            with open(path, "rb") as f:
                add(f.read())
    elif kind == "archive":
        # The first byte chooses gzip or ZIP and the entries around the XML.
        for i, path in enumerate(xml_files(top)):
            with open(path, "rb") as f:
                data = f.read()
            for choice in (0, 1, 3, 5, 9, 17):
                add(bytes([choice]) + data)
    elif kind == "sanitizer":
        for text in valid_xml_texts(top):
            for summary in SUMMARY.findall(text):
                add(html.unescape(summary))
        add('<p>a<script>x</script><a href="javascript:1">b</a><a href=https://medlineplus.gov/x>c</a>')
    elif kind == "escape":
        for text in valid_xml_texts(top):
            for value in ATTRIBUTE.findall(text):
                add(html.unescape(value))
        add("hl://topic/1\" onclick='x' <b>&amp;")
    elif kind == "clinics":
        add(open(os.path.join(top, "data", "clinics.json"), "rb").read())
        for path in sorted(glob.glob(os.path.join(top, "tests", "data", "clinics", "*.json"))):
            with open(path, "rb") as f:
                add(f.read())
    elif kind == "address":
        with open(os.path.join(top, "tests", "data", "addresses.txt"), encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    add(line.rstrip("\n"))
    else:
        sys.exit("unknown kind %r" % kind)

    return len(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--target", required=True)
    ap.add_argument("--kind", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--seconds", type=int)
    ap.add_argument("--runs", type=int)
    ap.add_argument("--max-len", type=int, default=65536)
    args = ap.parse_args()

    seeds = os.path.join(args.work, "seeds")
    corpus = os.path.join(args.work, "corpus")
    artifacts = os.path.join(args.work, "artifacts")
    # Seeds are made afresh; what an earlier run found is in the corpus, and
    # its crashes were reported then.
    shutil.rmtree(seeds, ignore_errors=True)
    shutil.rmtree(artifacts, ignore_errors=True)
    for d in (seeds, corpus, artifacts):
        os.makedirs(d, exist_ok=True)
    n_seeds = make_seeds(args.kind, args.source, seeds)

    command = [args.target, "-timeout=10", "-rss_limit_mb=2048", "-max_len=%d" % args.max_len,
               "-print_final_stats=1", "-artifact_prefix=" + artifacts + os.sep]
    if args.runs:
        command.append("-runs=%d" % args.runs)
    else:
        command.append("-max_total_time=%d" % (args.seconds or 60))
    command += [corpus, seeds]

    # The unit tests' options unwind every malloc in full, far too slow
    # here: libFuzzer checks for leaks itself, input by input.
    env = dict(os.environ)
    env["ASAN_OPTIONS"] = "detect_leaks=1:allocator_may_return_null=1"
    if args.kind == "clinics":
        # json-glib's leak (see tests/lsan.supp) is told apart by its stack,
        # which needs the slow unwinder: GLib has no frame pointers.
        env["ASAN_OPTIONS"] += ":fast_unwind_on_malloc=0"
    env["UBSAN_OPTIONS"] = "halt_on_error=1:print_stacktrace=1"
    env["G_SLICE"] = "always-malloc"
    env["LSAN_OPTIONS"] = "suppressions=%s" % os.path.join(args.source, "tests", "lsan.supp")

    start = time.monotonic()
    result = subprocess.run(command, env=env, stderr=subprocess.PIPE, text=True, errors="replace")
    seconds = time.monotonic() - start
    stats = dict(re.findall(r"^stat::(\w+):\s*(\d+)", result.stderr, re.M))
    crashes = sorted(os.listdir(artifacts))

    if result.returncode != 0 or crashes:
        sys.stderr.write(result.stderr[-20000:])
    print("%s: %s executions in %.0f s (%s/s), %d seeds, corpus of %d, peak RSS %s MB, %s" % (
        os.path.basename(args.target), stats.get("number_of_executed_units", "?"), seconds,
        stats.get("average_exec_per_sec", "?"), n_seeds, len(os.listdir(corpus)),
        stats.get("peak_rss_mb", "?"),
        "no crash, hang or leak" if result.returncode == 0 and not crashes else
        "FAILED (exit %d; artifacts: %s)" % (result.returncode, ", ".join(crashes) or "none")))
    # Any failure fails the test, whatever libFuzzer's own exit code (77
    # would tell meson the test was skipped).
    sys.exit(0 if result.returncode == 0 and not crashes else 1)


if __name__ == "__main__":
    main()
