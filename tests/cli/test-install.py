#!/usr/bin/env python3
# test-install.py — Health Library installed into a temporary prefix and run
# from there: the files `meson install` puts in place, the commands of the
# installed binary finding their data, translations and settings in that
# prefix, a real window started from the installed desktop file's Exec line,
# a second launch that presents the first window and opens the page given to
# it, and D-Bus activation through the installed service file.
#
# Copyright 2026 PhyNet Health
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-install.py SOURCE_DIR WORK_DIR
#
# Prints TAP. WORK_DIR keeps the build of the installed copy between runs
# (configured with -Dtests=false -Dauto_update=true, as the Flatpak is); the
# prefix is made anew each run. The window part needs a display (the suite
# runs under xvfb-run) and starts a D-Bus session of its own, whose bus finds
# the installed service file through XDG_DATA_DIRS.

import configparser
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

APP_ID = "org.phynet.HealthLibrary"
results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def report():
    print("1..%d" % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok and detail:
            for line in str(detail).splitlines()[:15]:
                print("# " + line)
    sys.stdout.flush()
    return 0 if all(ok for _, ok, _ in results) else 1


def clean_env(prefix, home):
    """What a session would give the installed app: nothing pointing back
    at the source or build tree."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("HEALTH_LIBRARY_", "GSETTINGS_", "G_TEST_", "HL_", "XDG_",
                                "DESTDIR", "MESON"))}
    env["PATH"] = os.path.join(prefix, "bin") + ":/usr/bin:/bin"
    env["XDG_DATA_DIRS"] = os.path.join(prefix, "share") + ":/usr/local/share:/usr/share"
    env["HOME"] = home
    for name, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                      ("XDG_CACHE_HOME", "cache")):
        env[name] = os.path.join(home, sub)
        os.makedirs(env[name], exist_ok=True)
    env["GSETTINGS_BACKEND"] = "memory"
    env["LANG"] = "C.UTF-8"
    env["LANGUAGE"] = "C"
    env["GSK_RENDERER"] = "cairo"
    env["NO_AT_BRIDGE"] = "1"
    return env


def build_and_install(source, work):
    build = os.path.join(work, "build")
    prefix = os.path.join(work, "prefix")
    shutil.rmtree(prefix, ignore_errors=True)
    env = {k: v for k, v in os.environ.items() if k != "DESTDIR"}
    if not os.path.exists(os.path.join(build, "build.ninja")):
        subprocess.run(["meson", "setup", build, source, "--prefix=" + prefix,
                        "--buildtype=plain", "-Dtests=false", "-Dauto_update=true"],
                       env=env, check=True, stdout=subprocess.DEVNULL)
    # Two jobs: the machine is shared.
    subprocess.run(["meson", "compile", "-C", build, "-j", "2"], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    r = subprocess.run(["meson", "install", "-C", build, "--no-rebuild"], env=env,
                       capture_output=True, text=True)
    check("meson install succeeds", r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:])
    return prefix


def check_files(prefix):
    share = os.path.join(prefix, "share")
    expected = [
        "bin/health-library",
        "share/applications/%s.desktop" % APP_ID,
        "share/metainfo/%s.metainfo.xml" % APP_ID,
        "share/dbus-1/services/%s.service" % APP_ID,
        "share/glib-2.0/schemas/%s.gschema.xml" % APP_ID,
        "share/glib-2.0/schemas/health-library.gschema.override",
        "share/glib-2.0/schemas/gschemas.compiled",
        "share/icons/hicolor/scalable/apps/%s.svg" % APP_ID,
        "share/icons/hicolor/symbolic/apps/%s-symbolic.svg" % APP_ID,
        "share/locale/es/LC_MESSAGES/health-library.mo",
        "share/health-library/clinics.json",
        "share/health-library/library/mplus_topics_starter.xml",
        "share/health-library/library/mplus_topic_groups.xml",
        "share/man/man1/health-library.1",
    ]
    for path in expected:
        check("installed: %s" % path, os.path.isfile(os.path.join(prefix, path)))

    desktop = os.path.join(share, "applications", APP_ID + ".desktop")
    r = subprocess.run(["desktop-file-validate", desktop], capture_output=True, text=True)
    check("the installed desktop file is valid", r.returncode == 0, r.stdout + r.stderr)
    metainfo = os.path.join(share, "metainfo", APP_ID + ".metainfo.xml")
    r = subprocess.run(["appstreamcli", "validate", "--no-net", metainfo], capture_output=True,
                       text=True)
    check("the installed metainfo is valid", r.returncode == 0, r.stdout + r.stderr)
    with open(metainfo, encoding="utf-8") as f:
        text = f.read()
    for what, pattern in (("a launchable", r'<launchable type="desktop-id">%s\.desktop<' % APP_ID),
                          ("releases", r"<release version="),
                          ("a content rating", r"<content_rating type=\"oars-1\.1\""),
                          ("the MedlinePlus credit", r"U\.S\. National Library of Medicine"),
                          ("Spanish", r'xml:lang="es"')):
        check("the metainfo has %s" % what, re.search(pattern, text), text[:400])

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(desktop, encoding="utf-8")
    d = entry["Desktop Entry"]
    check("the desktop file is D-Bus activatable", d.get("DBusActivatable") == "true")
    check("the desktop file's icon is the app id", d.get("Icon") == APP_ID)
    check("the desktop file has a Spanish name", d.get("Name[es]"), dict(d))

    service = configparser.ConfigParser(interpolation=None)
    service.optionxform = str
    service.read(os.path.join(share, "dbus-1", "services", APP_ID + ".service"))
    s = service["D-BUS Service"]
    check("the service file names the app id", s.get("Name") == APP_ID, dict(s))
    check("the service file starts the installed binary as a service",
          s.get("Exec") == "%s --gapplication-service" % os.path.join(prefix, "bin",
                                                                      "health-library"),
          s.get("Exec"))
    return d


def check_commands(prefix, env):
    app = os.path.join(prefix, "bin", "health-library")

    def run(*args, **kw):
        e = dict(env)
        e.update(kw.pop("extra", {}))
        return subprocess.run([app, *args], env=e, capture_output=True, text=True, timeout=120)

    headless = {k: v for k, v in env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    r = subprocess.run([app, "--version"], env=headless, capture_output=True, text=True)
    check("--version", r.returncode == 0 and r.stdout.startswith("Health Library "), r.stdout)

    r = subprocess.run([app, "--search", "asthma"], env=headless, capture_output=True, text=True,
                       timeout=120)
    check("--search runs from the prefix, without a display, on the installed sample",
          r.returncode == 0 and "\tAsthma" in r.stdout, r.stdout + r.stderr)
    r = subprocess.run([app, "--page", "hl://topic/3061"], env=headless, capture_output=True,
                       text=True)
    check("--page prints the topic", r.returncode == 0 and "<h1>Abdominal Pain</h1>" in r.stdout,
          r.stderr)
    check("--page uses the installed clinic directory",
          "PhyNet Health" in r.stdout, r.stdout[:400])
    r = subprocess.run([app, "--page", "hl://clinic/longview"], env=headless,
                       capture_output=True, text=True)
    check("a clinic page comes from the installed directory",
          r.returncode == 0 and "Longview" in r.stdout, r.stderr)

    r = run("--help", extra={"LANGUAGE": "es"})
    check("--help in Spanish from the installed translations",
          r.returncode == 0 and "Importar" in r.stdout, r.stdout)
    r = subprocess.run(["gsettings", "get", APP_ID, "auto-update"], env=env, capture_output=True,
                       text=True)
    check("the installed schema is found, with the vendor override for automatic updates",
          r.stdout.strip() == "true", r.stdout + r.stderr)
    r = subprocess.run(["man", "-l", os.path.join(prefix, "share", "man", "man1",
                                                   "health-library.1")],
                       env=dict(env, MANPAGER="cat", MANWIDTH="80"), capture_output=True,
                       text=True)
    check("the installed manual page reads", r.returncode == 0 and "EXIT STATUS" in r.stdout,
          r.stderr)


# The window part, in its own D-Bus session

def xdotool(*args):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True)


def windows_named(name, pid=None):
    args = ["search", "--onlyvisible"]
    if pid is not None:
        # Both conditions: xdotool otherwise takes either.
        args += ["--all", "--pid", str(pid)]
    r = xdotool(*args, "--name", "^%s$" % re.escape(name))
    return r.stdout.split()


def wait_for(condition, seconds=30):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    return condition()


def gdbus(*args):
    return subprocess.run(["gdbus", "call", "--session", *args], capture_output=True, text=True)


def name_owner_pid():
    r = gdbus("--dest", "org.freedesktop.DBus", "--object-path", "/org/freedesktop/DBus",
              "--method", "org.freedesktop.DBus.GetConnectionUnixProcessID", APP_ID)
    m = re.search(r"uint32 (\d+)", r.stdout)
    return int(m.group(1)) if m else None


def quit_app():
    gdbus("--dest", APP_ID, "--object-path", "/" + APP_ID.replace(".", "/"),
          "--method", "org.gtk.Actions.Activate", "quit", "[]", "{}")


def window_part(prefix, home):
    env = clean_env(prefix, home)
    os.environ.update({k: env[k] for k in ("PATH", "XDG_DATA_DIRS")})
    desktop = os.path.join(prefix, "share", "applications", APP_ID + ".desktop")
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(desktop, encoding="utf-8")
    exec_line = entry["Desktop Entry"]["Exec"]
    # The field codes stand for the files and addresses given, none here.
    argv = [a for a in shlex.split(exec_line) if not re.fullmatch(r"%[fFuUik]", a)]
    check("the Exec line names the installed binary", shutil.which(argv[0], path=env["PATH"]) ==
          os.path.join(prefix, "bin", "health-library"), exec_line)

    # A window manager, so that a window can be minimized and presented.
    wm = subprocess.Popen(["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    first = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        shown = wait_for(lambda: windows_named("Health Library", first.pid), 60)
        check("a window opens from the desktop file's Exec line", shown,
              "no window; running: %s" % (first.poll() is None))
        check("it owns its D-Bus name", name_owner_pid() == first.pid, name_owner_pid())

        # Minimized, then launched again: the same window comes back.
        window = shown[0] if shown else "0"
        xdotool("windowminimize", "--sync", window)
        check("the window can be minimized", wait_for(
            lambda: "IsUnMapped" in subprocess.run(["xwininfo", "-id", window],
                                                   capture_output=True, text=True).stdout, 10))

        # The second launch hands its page to the first and ends.
        start = time.monotonic()
        second = subprocess.run(argv + ["hl://topic/3061"], env=env, capture_output=True,
                                text=True, timeout=60)
        check("a second launch ends at once, successfully",
              second.returncode == 0 and time.monotonic() - start < 15,
              "%d after %.1f s: %s" % (second.returncode, time.monotonic() - start,
                                       second.stderr))
        topic = wait_for(lambda: windows_named("Abdominal Pain", first.pid), 30)
        check("the first window shows the page the second launch asked for", topic == [window],
              topic)
        state = subprocess.run(["xwininfo", "-id", window], capture_output=True, text=True).stdout
        check("the first window is presented again, and active",
              "IsViewable" in state and xdotool("getactivewindow").stdout.strip() == window,
              state)
        visible = xdotool("search", "--onlyvisible", "--name", ".").stdout.split()
        names = [xdotool("getwindowname", w).stdout.strip() for w in visible]
        check("no second window", names == ["Abdominal Pain"], names)
        check("the first instance is still running", first.poll() is None)

        # --search runs locally even with the app running: nothing is sent to it.
        r = subprocess.run(argv + ["--search", "asthma"], env=env, capture_output=True,
                           text=True, timeout=60)
        check("--search beside the running app prints locally", r.returncode == 0 and
              "\tAsthma" in r.stdout and windows_named("Abdominal Pain", first.pid), r.stderr)

        quit_app()
        first.wait(timeout=30)
        check("app.quit over D-Bus ends it", first.returncode == 0, first.returncode)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
        wm.terminate()
        wm.wait()

    # D-Bus activation: launched by its desktop id, as a desktop does, the
    # app is asked over the bus, and the bus starts the installed service
    # file's Exec. (Were it spawned instead, its output would come here.)
    r = subprocess.run(["gtk4-launch", APP_ID], env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True, timeout=60)
    check("gtk4-launch of the desktop id succeeds", r.returncode == 0, r.stderr)
    pid = wait_for(name_owner_pid, 60)
    try:
        cmdline = ""
        if pid:
            with open("/proc/%d/cmdline" % pid) as f:
                cmdline = f.read().replace("\0", " ").strip()
        check("the bus started the installed binary as a service",
              cmdline == "%s --gapplication-service" % os.path.join(prefix, "bin",
                                                                     "health-library"), cmdline)
        check("the activated app shows its window",
              wait_for(lambda: pid and windows_named("Health Library", pid), 60))
        gdbus("--dest", APP_ID, "--object-path", "/" + APP_ID.replace(".", "/"),
              "--method", "org.freedesktop.Application.Open", "['hl://topic/3062']", "{}")
        check("Open over D-Bus shows the page in it",
              wait_for(lambda: windows_named("Dolor abdominal", pid), 30))
        quit_app()
        check("and it quits", wait_for(lambda: name_owner_pid() is None, 30))
    finally:
        if pid and os.path.exists("/proc/%d" % pid):
            os.kill(pid, 9)
    return report()


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--window-part":
        return window_part(sys.argv[2], sys.argv[3])

    source, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    prefix = build_and_install(source, work)
    home = tempfile.mkdtemp(prefix="test-install-")
    try:
        check_files(prefix)
        env = clean_env(prefix, home)
        check_commands(prefix, env)

        if not os.environ.get("DISPLAY"):
            check("a display for the window part (run the suite under xvfb-run)", False)
        else:
            # A session bus of its own, started with the prefix in
            # XDG_DATA_DIRS so that it finds the installed service file.
            window_home = os.path.join(home, "window")
            os.makedirs(window_home)
            r = subprocess.run(["dbus-run-session", "--", sys.executable,
                                os.path.abspath(__file__), "--window-part", prefix,
                                window_home], env=clean_env(prefix, window_home),
                               capture_output=True, text=True, timeout=400)
            for line in r.stdout.splitlines():
                m = re.match(r"(ok|not ok) \d+ - (.*)", line)
                if m:
                    check(m.group(2), m.group(1) == "ok")
                elif line.startswith("# ") and results and not results[-1][1]:
                    name, ok, detail = results[-1]
                    results[-1] = (name, ok, (detail + "\n" + line[2:]).strip())
            check("the window part ran to the end", r.returncode in (0, 1) and "1.." in r.stdout,
                  r.stderr[-3000:])
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return report()


if __name__ == "__main__":
    sys.exit(main())
