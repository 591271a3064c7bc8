#!/usr/bin/env python3
# test-profile.py — the development profile (-Dprofile=development) is
# another app beside the installed one: app id org.phynet.HealthLibrary.Devel
# in every file, its own settings path, D-Bus name and data folders.
#
# Copyright 2026 PhyNet Health
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-profile.py SOURCE_DIR WORK_DIR
#
# Prints TAP. Configures a build in WORK_DIR (kept between runs) and builds
# only its data files, which it validates.

import json
import os
import re
import subprocess
import sys

APP_ID = "org.phynet.HealthLibrary.Devel"
results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def main():
    source, work = sys.argv[1], sys.argv[2]
    build = os.path.join(work, "build")
    prefix = os.path.join(work, "prefix")
    if not os.path.exists(os.path.join(build, "build.ninja")):
        subprocess.run(["meson", "setup", build, source, "--prefix=" + prefix,
                        "-Dprofile=development", "-Dtests=false"], check=True,
                       stdout=subprocess.DEVNULL)

    with open(os.path.join(build, "config.h")) as f:
        config = f.read()
    for name, value in (("APP_ID", APP_ID), ("PROFILE", "development"),
                        ("USER_DIR_NAME", "health-library-devel"),
                        ("PKGDATADIR", os.path.join(prefix, "share", "health-library-devel"))):
        check("config.h: %s is %s" % (name, value),
              re.search(r'#define %s "%s"' % (name, re.escape(value)), config), config)

    installed = json.loads(subprocess.run(["meson", "introspect", "--installed", build],
                                          capture_output=True, text=True, check=True).stdout)
    paths = sorted(os.path.relpath(p, prefix) for p in installed.values())
    for path in ("share/applications/%s.desktop" % APP_ID,
                 "share/metainfo/%s.metainfo.xml" % APP_ID,
                 "share/dbus-1/services/%s.service" % APP_ID,
                 "share/glib-2.0/schemas/%s.gschema.xml" % APP_ID,
                 "share/icons/hicolor/scalable/apps/%s.svg" % APP_ID,
                 "share/icons/hicolor/symbolic/apps/%s-symbolic.svg" % APP_ID,
                 "share/health-library-devel/clinics.json",
                 "share/health-library-devel/library/mplus_topics_starter.xml"):
        check("installs %s" % path, path in paths, "\n".join(paths))
    check("installs nothing under the release's names",
          not any(re.search(r"org\.phynet\.HealthLibrary\.(desktop|metainfo|service|gschema)", p)
                  or "/health-library/" in "/" + p for p in paths), "\n".join(paths))

    data = os.path.join(build, "data")
    targets = ["data/%s.desktop" % APP_ID, "data/%s.metainfo.xml" % APP_ID,
               "data/gschemas.compiled"]
    r = subprocess.run(["ninja", "-C", build, *targets], capture_output=True, text=True)
    check("its data files build", r.returncode == 0, r.stdout[-2000:])

    desktop = os.path.join(data, APP_ID + ".desktop")
    r = subprocess.run(["desktop-file-validate", desktop], capture_output=True, text=True)
    check("its desktop file is valid", r.returncode == 0, r.stdout)
    with open(desktop, encoding="utf-8") as f:
        text = f.read()
    check("its desktop file's icon is its app id", "\nIcon=%s\n" % APP_ID in text, text)
    r = subprocess.run(["appstreamcli", "validate", "--no-net",
                        os.path.join(data, APP_ID + ".metainfo.xml")], capture_output=True,
                       text=True)
    check("its metainfo is valid", r.returncode == 0, r.stdout)
    with open(os.path.join(data, APP_ID + ".service")) as f:
        service = f.read()
    check("its D-Bus service is its app id", "Name=%s\n" % APP_ID in service, service)

    env = dict(os.environ, GSETTINGS_SCHEMA_DIR=data, GSETTINGS_BACKEND="memory")
    r = subprocess.run(["gsettings", "list-schemas", "--print-paths"], env=env,
                       capture_output=True, text=True)
    check("its settings have their own id and path",
          "%s /org/phynet/HealthLibrary/Devel/\n" % APP_ID in r.stdout, r.stdout)
    check("its lockdown keys too",
          "%s.lockdown /org/phynet/HealthLibrary/Devel/lockdown/\n" % APP_ID in r.stdout,
          r.stdout)
    r = subprocess.run(["gsettings", "get", APP_ID, "auto-update"], env=env, capture_output=True,
                       text=True)
    check("automatic updates are off by default", r.stdout.strip() == "false", r.stdout + r.stderr)

    print("1..%d" % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok and detail:
            for line in str(detail).splitlines()[:15]:
                print("# " + line)
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
