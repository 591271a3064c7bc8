#!/usr/bin/env python3
# test-kiosk-command.py — the kiosk's commands on the real binary:
# --hash-kiosk-code prints a salted PBKDF2-HMAC-SHA-256 hash that Python's
# hashlib reproduces, never the code, in the form a dconf keyfile takes (read
# back through a database made by dconf compile); and --kiosk starts full
# screen under a window manager, survives Alt+F4, and opens no inspector,
# even with GTK_DEBUG=interactive and WebKit's inspector server asked for
# (which, without --kiosk, do open them).
#
# Copyright 2026 PhyNet Health
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-kiosk-command.py HEALTH_LIBRARY_BINARY
#
# Prints TAP.

import base64
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def report():
    print("1..%d" % len(results))
    failed = 0
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok:
            failed += 1
            for line in str(detail).splitlines():
                print("# " + line)
    return 1 if failed else 0


def hash_code(app, env, code):
    return subprocess.run([app, "--hash-kiosk-code"], input=code, env=env,
                          capture_output=True, text=True)


def check_hash(app, env, home):
    code = "kiosk-2468"
    r = hash_code(app, env, code + "\n")
    check("--hash-kiosk-code exits 0", r.returncode == 0, r.stderr)
    value = r.stdout.strip()
    check("it prints one line", len(r.stdout.splitlines()) == 1, r.stdout)
    check("never the code", code not in r.stdout and code not in r.stderr, r.stdout + r.stderr)
    check("a quoted string, as a keyfile takes it",
          value.startswith("'pbkdf2-sha256$") and value.endswith("'"), value)

    parts = value.strip("'").split("$")
    check("scheme, iterations, salt and hash", len(parts) == 4, parts)
    if len(parts) == 4:
        iterations = int(parts[1])
        salt = base64.b64decode(parts[2])
        digest = base64.b64decode(parts[3])
        check("at least 100,000 iterations", iterations >= 100000, iterations)
        check("a salt of 16 bytes", len(salt) == 16, len(salt))
        # The same KDF, computed by another implementation.
        check("hashlib's PBKDF2-HMAC-SHA-256 of the code",
              hashlib.pbkdf2_hmac("sha256", code.encode(), salt, iterations, 32) == digest)
        check("not of another code",
              hashlib.pbkdf2_hmac("sha256", b"kiosk-2469", salt, iterations, 32) != digest)

    again = hash_code(app, env, code + "\n").stdout.strip()
    check("a new salt each time", again and again != value, again)

    short = hash_code(app, env, "12345\n")
    check("a short code: exit 1", short.returncode == 1, short.returncode)
    check("a short code: a message, nothing printed",
          short.stdout == "" and "6" in short.stderr, short.stdout + short.stderr)
    empty = hash_code(app, env, "")
    check("no code: exit 1 with a message", empty.returncode == 1 and empty.stderr.strip(),
          empty.stderr)

    # The value in a dconf keyfile, as README.md says, read back by gsettings.
    db_dir = os.path.join(home, "db.d")
    os.makedirs(db_dir)
    with open(os.path.join(db_dir, "00-kiosk"), "w") as f:
        f.write("[org/phynet/HealthLibrary]\nkiosk-mode=true\nkiosk-unlock-code=%s\n" % value)
    db = os.path.join(home, "site.db")
    compiled = subprocess.run(["dconf", "compile", db, db_dir], capture_output=True, text=True)
    check("dconf compile takes the keyfile", compiled.returncode == 0, compiled.stderr)
    profile = os.path.join(home, "profile")
    with open(profile, "w") as f:
        f.write("file-db:%s\n" % db)
    dconf_env = dict(env, GSETTINGS_BACKEND="dconf", DCONF_PROFILE=profile)
    read = subprocess.run(["gsettings", "get", "org.phynet.HealthLibrary", "kiosk-unlock-code"],
                          env=dconf_env, capture_output=True, text=True)
    check("gsettings reads the value back", read.stdout.strip() == value, read.stdout + read.stderr)


def xdotool(*args):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True)


def wait_for(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    return None


def app_windows(pid, name):
    # --all: both conditions (xdotool otherwise takes either).
    r = xdotool("search", "--all", "--onlyvisible", "--pid", str(pid), "--name", name)
    return r.stdout.split()


def fullscreen(window):
    state = subprocess.run(["xprop", "-id", window, "_NET_WM_STATE"], capture_output=True,
                           text=True).stdout
    return "_NET_WM_STATE_FULLSCREEN" in state


def port_open(port):
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(app, env, args, port):
    run_env = dict(env, GTK_DEBUG="interactive",
                   WEBKIT_INSPECTOR_HTTP_SERVER="127.0.0.1:%d" % port)
    return subprocess.Popen([app, *args], env=run_env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def check_window(app, env):
    if "DISPLAY" not in os.environ:
        check("a display for the window", False, "run under xvfb-run")
        return

    wm = subprocess.Popen(["openbox", "--sm-disable"], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: "window id" in subprocess.run(
            ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], capture_output=True,
            text=True).stdout, 20)

        # Without --kiosk the variables do open the inspectors: the check
        # below can see them.
        port = free_port()
        plain = start(app, env, [], port)
        # The inspector is a second window (named after the program).
        inspector = wait_for(lambda: len(app_windows(plain.pid, ".")) >= 2, 40)
        names = [xdotool("getwindowname", w).stdout.strip() for w in app_windows(plain.pid, ".")]
        check("without --kiosk, GTK_DEBUG=interactive opens the GTK Inspector", inspector, names)
        check("without --kiosk, WebKit's inspector server listens",
              wait_for(lambda: port_open(port), 20))
        stop(plain)

        port = free_port()
        kiosk = start(app, env, ["--kiosk"], port)
        main = wait_for(lambda: app_windows(kiosk.pid, "Health Library"), 40)
        check("--kiosk opens the window", main)
        if not main:
            stop(kiosk)
            return
        window = main[0]
        check("full screen, as the window manager says", wait_for(lambda: fullscreen(window), 20))
        time.sleep(3)
        names = [xdotool("getwindowname", w).stdout.strip()
                 for w in app_windows(kiosk.pid, ".")]
        check("no GTK Inspector: one window", names == ["Health Library"], names)
        check("no WebKit inspector server", not port_open(port))

        xdotool("windowactivate", "--sync", window)
        xdotool("key", "--clearmodifiers", "alt+F4")
        xdotool("key", "--clearmodifiers", "ctrl+q")
        time.sleep(2)
        check("Alt+F4 and Ctrl+Q leave it running", kiosk.poll() is None)
        check("and full screen", fullscreen(window))
        stop(kiosk)
    finally:
        wm.terminate()
        wm.wait()


def main():
    app = sys.argv[1]
    home = tempfile.mkdtemp(prefix="test-kiosk-command-")
    env = dict(os.environ)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[name] = os.path.join(home, name)
        os.makedirs(env[name])
    env["LANGUAGE"] = "C"
    env.setdefault("GSETTINGS_BACKEND", "memory")
    try:
        check_hash(app, env, home)
        check_window(app, env)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return report()


if __name__ == "__main__":
    sys.exit(main())
