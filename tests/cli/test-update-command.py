#!/usr/bin/env python3
# test-update-command.py — --update and --rollback on the real binary,
# against a web server on 127.0.0.1 (update-server.py) that plays
# MedlinePlus's page of XML files and every way a download goes wrong.
#
# Copyright 2026 PhyNet Health
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-update-command.py HEALTH_LIBRARY_BINARY CORPUS
#
# Prints TAP. Settings go through dconf, as an administrator sets them (with a
# locked update-url for a mirror), in a D-Bus session of the test's own so
# that dconf writes only into the test's temporary folder.

import functools
import hashlib
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

# The tests folder, above this one.
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, HERE)
import importlib.util

spec = importlib.util.spec_from_file_location("update_server", os.path.join(HERE, "update-server.py"))
update_server = importlib.util.module_from_spec(spec)
spec.loader.exec_module(update_server)

STARTER = os.path.join(HERE, "..", "data", "library", "mplus_topics_starter.xml")
GROUPS = os.path.join(HERE, "..", "data", "library", "mplus_topic_groups.xml")
SCHEMA = "org.phynet.HealthLibrary"
TIMEOUT = 2

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def digest(path):
    if not os.path.exists(path):
        return None
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def in_private_session():
    """Runs this script again in a D-Bus session of its own."""
    home = tempfile.mkdtemp(prefix="test-update-command-")
    try:
        env = dict(os.environ)
        env["HL_TEST_HOME"] = home
        env["XDG_CONFIG_HOME"] = os.path.join(home, "config")
        os.makedirs(env["XDG_CONFIG_HOME"])
        r = subprocess.run(["dbus-run-session", "--", sys.executable, os.path.abspath(__file__),
                            *sys.argv[1:]], env=env)
        return r.returncode
    finally:
        shutil.rmtree(home, ignore_errors=True)


class Site:
    """The dconf profile: the user's database and a site database with
    what an administrator set and locked."""

    def __init__(self, home):
        self.dir = os.path.join(home, "dconf")
        os.makedirs(os.path.join(self.dir, "db.d", "locks"))
        self.profile = os.path.join(self.dir, "profile")
        with open(self.profile, "w") as f:
            f.write("user-db:user\nfile-db:%s\n" % os.path.join(self.dir, "site.db"))
        self.compile()

    def compile(self):
        subprocess.run(["dconf", "compile", os.path.join(self.dir, "site.db"),
                        os.path.join(self.dir, "db.d")], check=True)

    def lock(self, key, value):
        with open(os.path.join(self.dir, "db.d", "00-site"), "w") as f:
            f.write("[org/phynet/HealthLibrary]\n%s=%s\n" % (key, value))
        with open(os.path.join(self.dir, "db.d", "locks", "00-site"), "w") as f:
            f.write("/org/phynet/HealthLibrary/%s\n" % key)
        self.compile()


class Mirror:
    """Any web server listing a folder of MedlinePlus files: here Python's own."""

    def __init__(self, folder, files):
        os.makedirs(folder)
        date = update_server.NEWEST
        with open(os.path.join(folder, "mplus_topics_compressed_%s.zip" % date), "wb") as f:
            f.write(files.topics_zip(date))
        with open(os.path.join(folder, "mplus_topic_groups_%s.xml" % date), "wb") as f:
            f.write(files.groups)
        handler = functools.partial(QuietHandler, directory=folder)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = "http://127.0.0.1:%d/" % self.httpd.server_address[1]

    def start(self):
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def main():
    app, corpus = sys.argv[1], sys.argv[2]
    home = os.environ["HL_TEST_HOME"]
    site = Site(home)

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["XDG_DATA_HOME"] = os.path.join(home, "data")
    env["XDG_CACHE_HOME"] = os.path.join(home, "cache")
    env["LANGUAGE"] = "C"
    env["GSETTINGS_BACKEND"] = "dconf"
    env["DCONF_PROFILE"] = site.profile
    env["HEALTH_LIBRARY_NETWORK_TIMEOUT"] = str(TIMEOUT)
    library = os.path.join(env["XDG_DATA_HOME"], "health-library", "library.db")
    previous = library + ".previous"
    downloads = os.path.join(env["XDG_CACHE_HOME"], "health-library")

    def run(*args, timeout=60):
        return subprocess.run([app, *args], env=env, capture_output=True, text=True,
                              timeout=timeout)

    def gsettings(*args):
        return subprocess.run(["gsettings", *args], env=env, capture_output=True, text=True)

    def set_url(url):
        gsettings("set", SCHEMA, "update-url", url)
        got = gsettings("get", SCHEMA, "update-url").stdout.strip()
        if got != "'%s'" % url:
            raise RuntimeError("update-url is %s, not %s" % (got, url))

    def messages(stderr):
        """What is said on standard error besides progress."""
        return [l for l in stderr.splitlines()
                if not re.match(r"(Looking for the newest|Downloading|Importing…)", l)]

    def leftovers():
        names = []
        if os.path.isdir(downloads):
            names += os.listdir(downloads)
        names += [n for n in os.listdir(os.path.dirname(library)) if ".import-" in n]
        return names

    server = update_server.UpdateServer(corpus, STARTER, GROUPS).start()
    try:
        # The first command sets up the bundled sample.
        r = run("--search", "asthma")
        check("the sample library is set up", r.returncode == 0 and os.path.isfile(library),
              r.stderr)
        sample = digest(library)

        # The server is down.
        set_url("http://127.0.0.1:%d/xml.html" % update_server.free_port())
        r = run("--update")
        check("server down exits 1", r.returncode == 1, r.stderr)
        check("server down says it could not connect",
              len(messages(r.stderr)) == 1 and "Could not connect" in r.stderr, r.stderr)
        check("server down leaves the library as it was", digest(library) == sample)

        failures = [
            ("missing", "404 Not Found"),
            ("server-error", "500"),
            ("truncated", "broke off"),
            ("cut-xml", "line "),
            ("html", "web page instead of"),
            ("html-untyped", "web page instead of"),
            ("wrong-zip", "mplus_topics_compressed_2026-11-30.zip"),
            ("sample-zip", "39 English and 17 Spanish"),
            ("stall", "stopped sending"),
            ("stall-page", "did not answer within %d seconds" % TIMEOUT),
            ("no-links", "links no MedlinePlus health-topic file"),
            ("huge", "more than the"),
            ("missing-groups", "mplus_topic_groups_2026-11-30.xml"),
            ("redirect-other-host", "not followed"),
            ("redirect-scheme", "ftp://"),
            ("redirect-https", "secure connection"),
        ]
        for scenario, words in failures:
            set_url(server.url(scenario))
            start = time.monotonic()
            r = run("--update")
            seconds = time.monotonic() - start
            said = messages(r.stderr)
            check("%s exits 1" % scenario, r.returncode == 1, r.stderr)
            check("%s prints nothing on standard output" % scenario, r.stdout == "", r.stdout)
            check("%s gives one message" % scenario,
                  len(said) == 1 and said[0].endswith("The library was not changed."), r.stderr)
            check("%s says why (%s)" % (scenario, words), words in r.stderr, r.stderr)
            check("%s leaves the library byte for byte" % scenario, digest(library) == sample)
            check("%s leaves no download or half-built library" % scenario, not leftovers(),
                  leftovers())
            if scenario.startswith("stall"):
                check("%s gives up after the timeout" % scenario,
                      TIMEOUT <= seconds < TIMEOUT + 8, "%.1f s" % seconds)
        check("the https redirect was followed (a TLS handshake reached the server)",
              server.asked("<not http>") >= 1, server.requests[-5:])
        check("the link elsewhere over plain http was never followed",
              not any("2099" in p for p in server.requests))
        check("no failure kept a previous library", not os.path.exists(previous))

        # A newer file is imported.
        set_url(server.url("newer"))
        r = run("--update")
        lines = r.stdout.strip().splitlines()
        check("newer file exits 0", r.returncode == 0, r.stderr)
        check("newer file prints one line with the date and the counts",
              len(lines) == 1 and re.fullmatch(r"Updated the library to the MedlinePlus file of "
                                               r"November 30, 2026: \d{3,4} English and \d{3,4} "
                                               r"Spanish topics\.", lines[0]), r.stdout)
        check("newer file shows progress", "Downloading mplus_topics_compressed_2026-11-30.zip"
              in r.stderr and "Importing… 100%" in r.stderr, r.stderr)
        check("the compressed file was taken",
              server.asked("/newer/xml/mplus_topics_compressed_2026-11-30.zip") == 1
              and server.asked("/newer/xml/mplus_topics_2026-11-30.xml") == 0, server.requests)
        check("the group file was taken too",
              server.asked("/newer/xml/mplus_topic_groups_2026-11-30.xml") == 1)
        updated = digest(library)
        check("the library changed", updated not in (None, sample))
        check("the replaced library is kept as the previous one", digest(previous) == sample)
        check("the update left no download behind", not leftovers(), leftovers())
        r = run("--page", "hl://home")
        check("the home page says the new date", "Content as of November 30, 2026" in r.stdout,
              r.stdout[:2000])
        check("the home page no longer calls it a sample", 'class="notice"' not in r.stdout)
        last = gsettings("get", SCHEMA, "last-update-check").stdout.strip()
        check("the check is remembered", re.fullmatch(r"(int64 )?\d+", last) and
              int(last.split()[-1]) > 0, last)

        # The same date again: nothing downloaded.
        before = server.asked("/newer/xml/mplus_topics_compressed_2026-11-30.zip")
        r = run("--update")
        check("same date exits 0", r.returncode == 0, r.stderr)
        check("same date says up to date", r.stdout.strip() ==
              "The library is up to date: the newest MedlinePlus file is of November 30, 2026.",
              r.stdout)
        check("same date downloads nothing",
              server.asked("/newer/xml/mplus_topics_compressed_2026-11-30.zip") == before,
              server.requests)
        check("same date leaves the library as it was", digest(library) == updated)

        # An older file, named directly (a mirror can): not taken either.
        set_url("http://127.0.0.1:%d/current/xml/mplus_topics_2026-11-23.xml" % server.port)
        r = run("--update")
        check("an older file is not taken", r.returncode == 0 and "up to date" in r.stdout
              and server.asked("/current/xml/mplus_topics_2026-11-23.xml") == 0, r.stdout)

        # A failure after an update keeps both the library and the previous one.
        set_url(server.url("newest-truncated"))
        r = run("--update")
        check("a failed update after one exits 1", r.returncode == 1, r.stderr)
        check("a failed update keeps the library and the previous one",
              digest(library) == updated and digest(previous) == sample)

        # Rollback, and its undo.
        r = run("--rollback")
        check("rollback exits 0", r.returncode == 0, r.stderr)
        check("rollback says where it went", r.stdout.strip() ==
              "Went back to the previous library, with content as of November 23, 2026. "
              "Run --rollback again to undo this.", r.stdout)
        check("rollback brings back the previous library", digest(library) == sample)
        check("the rolled-back library is kept as the previous one", digest(previous) == updated)
        r = run("--search", "asthma")
        check("the library works after the rollback", r.returncode == 0 and "Asthma" in r.stdout,
              r.stdout + r.stderr)
        r = run("--rollback")
        check("a second rollback undoes the first",
              r.returncode == 0 and digest(library) == updated and digest(previous) == sample,
              r.stderr)
        os.unlink(previous)
        r = run("--rollback")
        check("rollback without a previous library exits 1 and says so",
              r.returncode == 1 and "no previous library" in r.stderr and r.stdout == "",
              r.stderr)
        check("and leaves the library", digest(library) == updated)

        # A clinic's mirror: a plain web server's listing of a folder holding
        # the files, its address locked by the administrator, so that the
        # user's own address is not used.
        mirror = Mirror(os.path.join(home, "mirror"), server.files).start()
        try:
            site.lock("update-url", "'%s'" % mirror.url)
            gsettings("set", SCHEMA, "update-url", server.url("missing"))
            writable = gsettings("writable", SCHEMA, "update-url").stdout.strip()
            check("the locked update-url is not writable", writable == "false", writable)
            asked = server.asked("/missing/xml.html")
            r = run("--update")
            check("the locked mirror's listing is used", r.returncode == 0 and
                  "December 1, 2026" in r.stdout, r.stdout + r.stderr)
            check("the user's address was not asked",
                  server.asked("/missing/xml.html") == asked, server.requests[-5:])
            check("the mirror's file replaced the library", digest(previous) == updated)
        finally:
            mirror.stop()
    finally:
        server.stop()

    print("1..%d" % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok and detail:
            for line in str(detail).splitlines()[:10]:
                print("# " + line)
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    if "HL_TEST_HOME" not in os.environ:
        sys.exit(in_private_session())
    sys.exit(main())
