#!/usr/bin/env python3
# test-handout.py — health-library --handout on the real binary, without a
# display, read back with poppler's tools and a QR reader: the header with
# the organization, its helpline and the home clinic; both languages; page
# numbers, credit, date and the sample warning on every page; the QR code
# decodes to the topic's MedlinePlus address; large print is larger; errors.
#
# Copyright 2026 PhyNet Health
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-handout.py HEALTH_LIBRARY_BINARY
#
# Prints TAP. Needs pdftotext, pdfinfo, pdfimages (poppler-utils) and
# zbarimg (zbar-tools), listed in build-aux/debian-packages.txt.

import glob
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

# The tests folder, above this one.
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPECIAL = os.path.join(HERE, "data", "special-characters.xml")

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def run(app, env, *args):
    return subprocess.run([app, *args], env=env, capture_output=True, text=True, timeout=120)


def tool(*args):
    r = subprocess.run(list(args), capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        raise RuntimeError("%s failed: %s" % (args[0], r.stderr))
    return r.stdout


def pdf_text(path, page=None):
    args = ["pdftotext", "-enc", "UTF-8", "-layout"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return tool(*args, path, "-")


def pdf_pages(path):
    return int(re.search(r"^Pages:\s+(\d+)", tool("pdfinfo", path), re.M).group(1))


def qr_codes(path, workdir):
    """What zbarimg reads in every image of the PDF, in page order."""
    prefix = os.path.join(workdir, "img")
    for old in glob.glob(prefix + "-*"):
        os.unlink(old)
    tool("pdfimages", "-png", path, prefix)
    found = []
    for image in sorted(glob.glob(prefix + "-*.png")):
        r = subprocess.run(["zbarimg", "--quiet", "--raw", image], capture_output=True, text=True)
        found += r.stdout.split()
    return found


def word_heights(path, page, words):
    """The heights of the boxes of @words on @page, from pdftotext -bbox."""
    xml = tool("pdftotext", "-bbox", "-f", str(page), "-l", str(page), path, "-")
    heights = []
    for m in re.finditer(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', xml):
        if m.group(3) in words:
            heights.append(float(m.group(2)) - float(m.group(1)))
    return heights


def flat(text):
    return " ".join(text.split())


def main():
    app = sys.argv[1]
    home = tempfile.mkdtemp(prefix="test-handout-")
    try:
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        env["XDG_DATA_HOME"] = os.path.join(home, "data")
        env["XDG_CONFIG_HOME"] = os.path.join(home, "config")
        env["LANGUAGE"] = "C"
        out = os.path.join(home, "out")
        os.makedirs(out)

        # English, no home clinic: one line on stdout, a PDF.
        pdf = os.path.join(out, "abdominal.pdf")
        r = run(app, env, "--handout", "hl://topic/3061", "--language", "en", "--out", pdf)
        check("handout exits 0", r.returncode == 0, r.stderr)
        n = pdf_pages(pdf) if os.path.isfile(pdf) else 0
        check("handout says what it wrote", r.stdout.strip() == "Wrote %s: %d page%s" %
              (pdf, n, "" if n == 1 else "s"), r.stdout)
        text = pdf_text(pdf)
        first = pdf_text(pdf, 1)
        check("header: the organization", "PhyNet Health" in first, first[:400])
        check("header: the 24/7 helpline", "24/7 helpline:" in first and "(903) 212-7500" in first,
              first[:400])
        check("no home clinic without one", "Hughes Springs" not in first and "Kilgore" not in first)
        check("the title", "Abdominal Pain" in first)
        check("also called", "Also called: Bellyache" in flat(first), first[:600])
        check("the summary as published",
              "Your abdomen extends from below your chest to your groin." in flat(text))
        check("the summary's list", "You can't move your bowels, especially if you're also vomiting"
              in flat(text))
        check("Start Here with the addresses written out",
              "Start Here" in text and "https://gi.org/topics/abdominal-pain/" in text, text)
        check("the MedlinePlus address in text", "https://medlineplus.gov/abdominalpain.html" in text)
        check("no Spanish in an English handout", "Dolor abdominal" not in text)
        for page in range(1, n + 1):
            t = flat(pdf_text(pdf, page))
            check("page %d: page %d of %d" % (page, page, n), "Page %d of %d" % (page, n) in t, t[-400:])
            check("page %d: the credit" % page,
                  "Health information from MedlinePlus, U.S. National Library of Medicine (NLM)." in t)
            check("page %d: the date of the data" % page, "Sample assembled on November 23, 2026." in t)
            check("page %d: the sample warning" % page,
                  "Sample library: some of this information is out of date." in t)
            check("page %d: who to call, for a page handed out alone" % page,
                  "PhyNet Health 24/7 helpline: (903) 212-7500" in t, t[-300:])
        check("QR decodes to the topic's address",
              qr_codes(pdf, out) == ["https://medlineplus.gov/abdominalpain.html"], qr_codes(pdf, out))
        with open(pdf, "rb") as f:
            raw = f.read()
        check("addresses are links in the PDF",
              b"/URI (https://medlineplus.gov/abdominalpain.html)" in raw and
              b"/URI (https://gi.org/topics/abdominal-pain/)" in raw and b"/URI (tel:+19032127500)" in raw)
        check("the PDF's title", re.search(r"^Title:\s+Abdominal Pain$", tool("pdfinfo", pdf), re.M))

        # The home clinic, with the facts the directory has and no others.
        pdf = os.path.join(out, "kilgore.pdf")
        r = run(app, env, "--handout", "hl://topic/3061", "--clinic", "kilgore", "--out", pdf)
        first = pdf_text(pdf, 1) if r.returncode == 0 else ""
        check("home clinic: name and town", "Kilgore, TX" in first, r.stderr + first[:400])
        check("home clinic: nothing made up", "Phone" not in first.split("Abdominal Pain")[0])
        pdf = os.path.join(out, "office.pdf")
        r = run(app, env, "--handout", "hl://topic/3061", "--clinic", "home-office", "--out", pdf)
        first = flat(pdf_text(pdf, 1)) if r.returncode == 0 else ""
        check("home office: its address and phone",
              "4002 Technology Center, Longview, TX 75605" in first and "Phone (903) 247-0484" in first
              and "Fax (903) 247-0485" in first, r.stderr + first[:500])
        r = run(app, env, "--handout", "hl://topic/3061", "--clinic", "atlantis", "--out", pdf)
        check("an unknown clinic exits 1 and lists the clinics",
              r.returncode == 1 and "atlantis" in r.stderr and "kilgore" in r.stderr, r.stderr)

        # Both languages: the topic chosen, then its counterpart on a page of its own.
        pdf = os.path.join(out, "both.pdf")
        r = run(app, env, "--handout", "hl://topic/3061", "--language", "both", "--out", pdf)
        check("both exits 0", r.returncode == 0, r.stderr)
        n = pdf_pages(pdf)
        text = flat(pdf_text(pdf))
        check("both: English and Spanish titles", "Abdominal Pain" in text and "Dolor abdominal" in text)
        check("both: both summaries",
              "Your abdomen extends from below your chest to your groin." in text and
              "El abdomen se extiende desde abajo del pecho hasta la ingle." in text, text[:2000])
        check("both: English first", text.index("Your abdomen") < text.index("El abdomen"))
        check("both: Spanish on a page of its own",
              "El abdomen" not in flat(pdf_text(pdf, 1)) and "Your abdomen" in flat(pdf_text(pdf, 1)))
        last = flat(pdf_text(pdf, n))
        check("both: Spanish pages are numbered in Spanish", "Página %d de %d" % (n, n) in last, last[-300:])
        check("both: Spanish credit", "Información de salud de MedlinePlus" in last, last[-400:])
        check("both: Spanish headings", "Resúmenes" in last or "Comience aquí" in last, last)
        check("both: a QR code for each language",
              qr_codes(pdf, out) == ["https://medlineplus.gov/abdominalpain.html",
                                     "https://medlineplus.gov/spanish/abdominalpain.html"],
              qr_codes(pdf, out))
        pdf_es = os.path.join(out, "es.pdf")
        r = run(app, env, "--handout", "hl://topic/3061", "--language", "es", "--out", pdf_es)
        text = flat(pdf_text(pdf_es)) if r.returncode == 0 else ""
        check("es: the Spanish counterpart of an English topic",
              "Dolor abdominal" in text and "Abdominal Pain" not in text, r.stderr + text[:300])
        check("es: Spanish header", "Línea de ayuda 24/7" in text, text[:300])

        # No empty last page: every page has more than its footer.
        for name in ("abdominal.pdf", "both.pdf", "es.pdf", "kilgore.pdf"):
            path = os.path.join(out, name)
            pages = pdf_pages(path)
            body = pdf_text(path, pages).split("Health information from")[0].split(
                "Información de salud")[0]
            check("%s: the last page is not only a footer" % name, len(body.split()) >= 5, body)

        # A long topic over several pages, normal and large print.
        normal = os.path.join(out, "diabetes.pdf")
        large = os.path.join(out, "diabetes-large.pdf")
        r1 = run(app, env, "--handout", "hl://topic/4", "--out", normal)
        r2 = run(app, env, "--handout", "hl://topic/4", "--large-print", "--out", large)
        check("diabetes exits 0", r1.returncode == 0 and r2.returncode == 0, r1.stderr + r2.stderr)
        words = {"glucose", "insulin", "diabetes,", "energy."}
        normal_h = word_heights(normal, 1, words)
        large_h = word_heights(large, 1, words)
        check("large print: the summary's words are found", normal_h and large_h)
        if normal_h and large_h:
            ratio = statistics.median(large_h) / statistics.median(normal_h)
            check("large print: body text at least 1.3 times larger", ratio >= 1.3, "ratio %.2f" % ratio)
        check("large print: more pages", pdf_pages(large) > pdf_pages(normal),
              "%d vs %d" % (pdf_pages(large), pdf_pages(normal)))
        n = pdf_pages(normal)
        check("a long topic takes several pages", n >= 2, n)
        check("a long topic ends on a page with text",
              "Can diabetes be prevented?" in flat(pdf_text(normal)) and
              len(flat(pdf_text(normal, n)).split("Health information from")[0].split()) > 5)
        check("nothing of the web page is printed", "Home ›" not in pdf_text(normal) and
              "Topics A to Z" not in pdf_text(normal))

        # Errors: a clear message, exit 1, no file.
        bad = os.path.join(out, "bad.pdf")
        for args, expect in (
            (["--handout", "hl://topic/4", "--language", "es", "--out", bad], "not in the library in Spanish"),
            (["--handout", "hl://topic/999999", "--out", bad], "999999"),
            (["--handout", "hl://group/2", "--out", bad], "hl://group/2"),
            (["--handout", "hl://topic/4", "--language", "fr", "--out", bad], "fr"),
            (["--handout", "hl://topic/4"], "--out"),
            (["--handout", "hl://topic/4", "--out", os.path.join(out, "missing", "x.pdf")], "missing"),
            (["--out", bad], "--handout"),
        ):
            r = run(app, env, *args)
            check("%s exits 1 with a message" % " ".join(args[:4]),
                  r.returncode == 1 and expect in r.stderr and r.stdout == "", r.stderr)
        check("no file after the errors", not os.path.exists(bad))

        # A file that is there is replaced only by a complete handout.
        keep = os.path.join(out, "keep.pdf")
        with open(keep, "w") as f:
            f.write("before")
        r = run(app, env, "--handout", "hl://topic/999999", "--out", keep)
        with open(keep) as f:
            check("a failed handout leaves the file as it was", r.returncode == 1 and f.read() == "before")

        # A real (not sample) library: no warning, the MedlinePlus date, text as given.
        env2 = dict(env)
        env2["XDG_DATA_HOME"] = os.path.join(home, "data2")
        r = run(app, env2, "--import", SPECIAL)
        pdf = os.path.join(out, "special.pdf")
        r = run(app, env2, "--handout", "hl://topic/9201", "--out", pdf)
        text = flat(pdf_text(pdf)) if r.returncode == 0 else ""
        check("a real library: no sample warning", r.returncode == 0 and "Sample library" not in text,
              r.stderr + text)
        check("a real library: the data's date", "MedlinePlus data of May 6, 2026." in text, text[-400:])
        check("special characters as written", "Tom & Jerry's <Guide> to \"Quotes\"" in text, text[:300])
    finally:
        shutil.rmtree(home, ignore_errors=True)

    print("1..%d" % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok and detail:
            for line in str(detail).splitlines()[:12]:
                print("# " + line)
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
