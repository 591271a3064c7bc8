#!/usr/bin/env python3
# test-flatpak.py — what can be checked of the Flatpak manifest on a machine
# that cannot download Flatpak runtimes: it parses (also by flatpak-builder
# itself), its permissions are exactly the least ones the app needs, every
# source path it names exists and is this project, its app id and command
# match the desktop file, and its build options exist.
#
# Copyright 2026 PhyNet Health
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-flatpak.py MANIFEST DESKTOP_FILE SERVICE_FILE MESON_OPTIONS
#
# Prints TAP.

import configparser
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

# Wayland with X11 only as a fallback, the GPU, IPC for X11, and the network
# for library updates. Files come through the file-chooser portal: no
# --filesystem; no bus access beyond the portals: no --talk-name.
FINISH_ARGS = ["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri",
               "--share=network"]

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def main():
    manifest_path, desktop_path, service_path, options_path = sys.argv[1:5]
    here = os.path.dirname(os.path.abspath(manifest_path))

    with open(manifest_path, encoding="utf-8") as f:
        text = f.read()
    try:
        manifest = json.loads(text)
        check("the manifest is JSON", True)
    except ValueError as e:
        check("the manifest is JSON", False, e)
        return report()

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(desktop_path, encoding="utf-8")
    desktop_id = os.path.basename(desktop_path)[: -len(".desktop")]
    exec_argv = shlex.split(entry["Desktop Entry"]["Exec"])

    check("the app id is the desktop file's", manifest.get("id") == desktop_id,
          "%s / %s" % (manifest.get("id"), desktop_id))
    check("the command is the desktop file's", manifest.get("command") == exec_argv[0],
          "%s / %s" % (manifest.get("command"), exec_argv))
    with open(service_path) as f:
        check("the D-Bus service has the app id", "Name=%s\n" % manifest.get("id") in f.read())
    check("the runtime is the GNOME platform", manifest.get("runtime") == "org.gnome.Platform")
    check("the SDK is the GNOME SDK", manifest.get("sdk") == "org.gnome.Sdk")
    check("the runtime version is a GNOME release",
          re.fullmatch(r"\d{2}", str(manifest.get("runtime-version", ""))),
          manifest.get("runtime-version"))

    args = manifest.get("finish-args", [])
    check("finish-args are exactly the least permissions",
          sorted(args) == sorted(FINISH_ARGS) and len(args) == len(set(args)), args)
    for forbidden in ("--filesystem", "--talk-name", "--system-talk-name", "--own-name",
                      "--socket=session-bus", "--socket=system-bus", "--socket=x11",
                      "--device=all"):
        check("no %s" % forbidden, not any(a.startswith(forbidden) for a in args), args)

    modules = manifest.get("modules", [])
    check("one module: the app", len(modules) == 1 and modules[0].get("name") == "health-library",
          modules)
    app = modules[-1] if modules else {}
    check("it builds with meson", app.get("buildsystem") == "meson")
    sources = app.get("sources", [])
    check("it builds from this tree (a dir source)",
          len(sources) == 1 and sources[0].get("type") == "dir", sources)
    for source in sources:
        path = os.path.normpath(os.path.join(here, source.get("path", "")))
        check("source path %s exists" % source.get("path"), os.path.isdir(path), path)
        build_file = os.path.join(path, "meson.build")
        check("source path %s is this project" % source.get("path"),
              os.path.isfile(build_file) and
              "project('health-library'" in open(build_file, encoding="utf-8").read(), path)

    with open(options_path, encoding="utf-8") as f:
        known = set(re.findall(r"option\('([a-z_]+)'", f.read()))
    opts = app.get("config-opts", [])
    for opt in opts:
        m = re.fullmatch(r"-D([a-z_]+)=.*", opt)
        check("config option %s exists" % opt, m and m.group(1) in known, sorted(known))
    check("automatic updates are on in the Flatpak", "-Dauto_update=true" in opts, opts)
    check("the Flatpak does not build the tests", "-Dtests=false" in opts, opts)

    # flatpak-builder's own reading of it, and of its sources: it resolves
    # every source without needing the runtime.
    builder = shutil.which("flatpak-builder")
    check("flatpak-builder is installed (build-aux/debian-packages.txt)", builder)
    if builder:
        r = subprocess.run([builder, "--show-manifest", manifest_path], capture_output=True,
                           text=True)
        check("flatpak-builder reads the manifest", r.returncode == 0 and
              json.loads(r.stdout).get("id") == manifest.get("id"), r.stderr)
        work = tempfile.mkdtemp(prefix="test-flatpak-")
        try:
            r = subprocess.run([builder, "--download-only", "--state-dir",
                                os.path.join(work, "state"), os.path.join(work, "app"),
                                manifest_path], capture_output=True, text=True)
            check("flatpak-builder finds every source", r.returncode == 0 and
                  "Failed to download sources" not in r.stderr, r.stderr)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return report()


def report():
    print("1..%d" % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok and detail:
            for line in str(detail).splitlines()[:10]:
                print("# " + line)
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
