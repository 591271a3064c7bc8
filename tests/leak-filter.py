#!/usr/bin/env python3
# leak-filter.py SOURCE_ROOT COMMAND... — the sanitizer build's test
# wrapper (meson test --setup asan). It runs COMMAND as it is, but for the
# real-window tests (HL_LEAK_FILTER=app in their environment), whose
# LeakSanitizer report it judges by where each leak was allocated.
#
# Debian's GTK, GDK, libadwaita and WebKit have no symbols for their own
# static functions, so lsan.supp cannot name every cache they keep for the
# life of the process (GDK's X11 clipboard keeps the formats it announced,
# for example). A direct leak fails the test when its allocation stack
# passes through the app's own code (SOURCE_ROOT/src/); one that is only the
# libraries', reached while the test drives the window, is listed and
# passes. Any other sanitizer error fails the test as it is.
import os
import re
import subprocess
import sys

LEAK_EXIT = 23  # LeakSanitizer's exit code, when leaks were all it found


def main():
    source_root = os.path.realpath(sys.argv[1])
    command = sys.argv[2:]

    if os.environ.get('HL_LEAK_FILTER') != 'app':
        os.execvp(command[0], command)

    env = dict(os.environ)
    env['LSAN_OPTIONS'] = (env.get('LSAN_OPTIONS', '') + ':exitcode=%d' % LEAK_EXIT).lstrip(':')
    # A leak report must end the run with its exit code, not abort() it.
    env['ASAN_OPTIONS'] = re.sub(r'abort_on_error=1', 'abort_on_error=0',
                                 env.get('ASAN_OPTIONS', ''))

    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, errors='replace')
    out, err = proc.communicate()
    sys.stdout.write(out)
    sys.stdout.flush()

    if proc.returncode != LEAK_EXIT:
        sys.stderr.write(err)
        return proc.returncode

    # The test's own verdict comes first: leaks found at exit never hide a
    # failed test case.
    if re.search(r'^not ok', out, re.M):
        sys.stderr.write(err)
        return 1

    ours = []
    theirs = 0
    ours_dir = os.path.join(source_root, 'src') + os.sep
    # Only direct leaks are judged: an indirect one is memory that a direct
    # one points to, and goes with it.
    for block in re.split(r'\n(?=(?:Direct|Indirect) leak of )', err):
        if not block.startswith('Direct leak of '):
            continue
        files = re.findall(r'^\s+#\d+ 0x[0-9a-f]+ in \S+ (/\S+?):\d+', block, re.M)
        if any(os.path.realpath(f).startswith(ours_dir) for f in files):
            ours.append(block)
        else:
            theirs += 1

    if ours:
        sys.stderr.write(err)
        sys.stderr.write('\nleak-filter: %d leak(s) allocated through the app\'s code\n'
                         % len(ours))
        return 1

    sys.stderr.write('leak-filter: %d leak(s) inside the libraries only (no frame in src/); '
                     'not ours\n' % theirs)
    return 0


if __name__ == '__main__':
    sys.exit(main())
