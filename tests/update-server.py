#!/usr/bin/env python3
# update-server.py — a web server on 127.0.0.1 that plays MedlinePlus's page
# of XML files and its files, and every way a download can go wrong, for the
# tests of library updates.
#
# Copyright 2026 PhyNet Health
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   update-server.py CORPUS SAMPLE GROUPS
#
# CORPUS is a valid health-topic file (tests/gen-corpus.py output), SAMPLE a
# valid but small one, GROUPS a topic-group file. Prints the port on a line
# once it listens, then serves until its standard input closes. Tests in Python import it and
# use UpdateServer directly.
#
# Every scenario has its own page, http://127.0.0.1:PORT/SCENARIO/xml.html,
# linking its files under /SCENARIO/xml/. GET /_log gives the paths asked so
# far, as JSON.

import io
import json
import os
import re
import socket
import sys
import threading
import time
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CURRENT = "2026-11-23"
NEWER = "2026-11-30"
NEWEST = "2026-12-01"
OLDER = "2026-10-01"

# name: (date of the files, which topic file the page links, how it misbehaves)
SCENARIOS = {
    "current": (CURRENT, "both", None),
    "newer": (NEWER, "both", None),
    "newest": (NEWEST, "zip", None),
    "newest-truncated": (NEWEST, "zip", "truncated"),
    "xml-only": (NEWER, "xml", None),
    "slow": (NEWER, "zip", "slow"),
    "missing": (NEWER, "zip", "404"),
    "truncated": (NEWER, "zip", "truncated"),
    "cut-xml": (NEWER, "xml", "cut"),
    "html": (NEWER, "xml", "html"),
    "html-untyped": (NEWER, "xml", "html-untyped"),
    "wrong-zip": (NEWER, "zip", "wrong-zip"),
    "sample-zip": (NEWER, "zip", "sample-zip"),
    "stall": (NEWER, "zip", "stall"),
    "stall-page": (NEWER, "zip", "stall-page"),
    "server-error": (NEWER, "zip", "500"),
    "no-links": (NEWER, "none", None),
    "huge": (NEWER, "zip", "huge"),
    "missing-groups": (NEWER, "zip", "groups-404"),
    "redirect-same-host": (NEWER, "zip", "redirect-same-host"),
    "redirect-other-host": (NEWER, "zip", "redirect-other-host"),
    "redirect-scheme": (NEWER, "zip", "redirect-scheme"),
    "redirect-https": (NEWER, "zip", "redirect-https"),
}

STALL_SECONDS = 30


def mm_dd_yyyy(date):
    year, month, day = date.split("-")
    return "%s/%s/%s 02:30:32" % (month, day, year)


class Files:
    """The bodies, made once per date."""

    def __init__(self, corpus, sample, groups):
        with open(corpus, "rb") as f:
            self.corpus = f.read()
        with open(sample, "rb") as f:
            self.sample = f.read()
        with open(groups, "rb") as f:
            self.groups = f.read()
        self.cache = {}
        self.lock = threading.Lock()

    def topics(self, date):
        with self.lock:
            key = ("xml", date)
            if key not in self.cache:
                self.cache[key] = re.sub(rb'date-generated="[^"]*"',
                                         b'date-generated="%s"' % mm_dd_yyyy(date).encode(),
                                         self.corpus, count=1)
            return self.cache[key]

    def zipped(self, name, data, method=zipfile.ZIP_DEFLATED):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", method) as z:
            z.writestr(name, data)
        return out.getvalue()

    def topics_zip(self, date):
        key = ("zip", date)
        with self.lock:
            cached = self.cache.get(key)
        if cached is None:
            cached = self.zipped("mplus_topics_%s.xml" % date, self.topics(date))
            with self.lock:
                self.cache[key] = cached
        return cached


def page(scenario, date, links, port):
    if links == "none":
        return (b"<!DOCTYPE html>\n<html><head><title>MedlinePlus XML Files</title></head>"
                b"<body><p>The files have moved.</p></body></html>\n")
    items = [
        # An older file and a file elsewhere over plain http: neither is taken.
        '<li><a href="xml/mplus_topics_%s.xml">Health topics of %s</a></li>' % (OLDER, OLDER),
        '<li><a href="http://files.example/xml/mplus_topics_2099-01-01.xml">Elsewhere</a></li>',
        '<li><a href="https://medlineplus.gov/xmldescription.html">What the files hold</a></li>',
    ]
    if links in ("xml", "both"):
        items.append('<li><a href="xml/mplus_topics_%s.xml">MedlinePlus Health Topic XML</a></li>'
                     % date)
    if links in ("zip", "both"):
        items.append('<li><a href="/%s/xml/mplus_topics_compressed_%s.zip">Compressed'
                     ' (ZIP)</a></li>' % (scenario, date))
    if links != "none":
        items.append("<li><a href='xml/mplus_topic_groups_%s.xml'>Health Topic Group XML"
                     "</a></li>" % date)
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>MedlinePlus XML Files</title></head>\n<body><h1>MedlinePlus XML Files</h1>"
            "<p>Files &amp; descriptions</p>\n<ul>\n%s\n</ul></body></html>\n"
            % "\n".join(items)).encode()


PORTAL = (b"<!DOCTYPE html>\n<html><head><title>Sign in to the network</title></head>"
          b"<body><form><p>Please sign in to use this network.</p></form></body></html>\n")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def log_error(self, format, *args):
        # A request that is not HTTP: a TLS handshake sent to this plain server.
        self.server.owner.record("<not http>")

    def send_body(self, body, content_type, status=200, length=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def close_now(self):
        self.close_connection = True
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def redirect(self, location):
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        owner = self.server.owner
        path = self.path.split("?")[0]
        owner.record(path)
        if path == "/_log":
            self.send_body(json.dumps(owner.requests).encode(), "application/json")
            return

        parts = path.strip("/").split("/")
        if parts[0] not in SCENARIOS:
            self.send_body(b"Not found\n", "text/plain", 404)
            return
        scenario = parts[0]
        date, links, trouble = SCENARIOS[scenario]
        port = self.server.server_address[1]

        if parts[1:] == ["xml.html"]:
            if trouble == "stall-page":
                time.sleep(STALL_SECONDS)
                return
            if trouble == "500":
                self.send_body(b"<html><body>Internal error</body></html>", "text/html", 500)
                return
            if trouble == "redirect-same-host":
                self.redirect("/newer/xml.html")
                return
            if trouble == "redirect-other-host":
                self.redirect("http://localhost:%d/newer/xml.html" % port)
                return
            if trouble == "redirect-scheme":
                self.redirect("ftp://127.0.0.1:%d/newer/xml.html" % port)
                return
            if trouble == "redirect-https":
                self.redirect("https://127.0.0.1:%d/newer/xml.html" % port)
                return
            self.send_body(page(scenario, date, links, port), "text/html; charset=utf-8")
            return

        if len(parts) != 3 or parts[1] != "xml":
            self.send_body(b"Not found\n", "text/plain", 404)
            return
        name = parts[2]
        files = owner.files

        if name.startswith("mplus_topic_groups_"):
            if trouble == "groups-404":
                self.send_body(b"Not found\n", "text/plain", 404)
            else:
                self.send_body(files.groups, "application/xml")
            return

        if name == "mplus_topics_compressed_%s.zip" % date:
            body = files.topics_zip(date)
        elif name == "mplus_topics_%s.xml" % date:
            body = files.topics(date)
        elif name == "mplus_topics_%s.xml" % OLDER:
            body = files.topics(OLDER)
        else:
            self.send_body(b"Not found\n", "text/plain", 404)
            return

        if trouble == "404":
            self.send_body(b"<html><body>Not found</body></html>", "text/html", 404)
        elif trouble == "500":
            self.send_body(b"Internal error\n", "text/plain", 500)
        elif trouble == "truncated":
            # The whole length announced, half sent, then the connection drops.
            self.send_response(200)
            self.send_header("Content-Type", "application/zip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.close_now()
        elif trouble == "cut":
            # Half a file and no length: only the XML parser can tell.
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.close_now()
        elif trouble == "html":
            self.send_body(PORTAL, "text/html; charset=utf-8")
        elif trouble == "html-untyped":
            self.send_body(PORTAL * 200, "application/xml")
        elif trouble == "wrong-zip":
            # Large enough to pass for the file, but it holds no XML.
            self.send_body(files.zipped("README.txt", b"These are not the files you want.\n" * 2000,
                                        zipfile.ZIP_STORED), "application/zip")
        elif trouble == "sample-zip":
            self.send_body(files.zipped("mplus_topics_%s.xml" % date, files.sample),
                           "application/zip")
        elif trouble == "huge":
            self.send_response(200)
            self.send_header("Content-Type", "application/zip")
            self.send_header("Content-Length", str(300 * 1024 * 1024))
            self.end_headers()
            self.close_now()
        elif trouble == "stall":
            self.send_response(200)
            self.send_header("Content-Type", "application/zip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 4])
            self.wfile.flush()
            time.sleep(STALL_SECONDS)
            self.close_now()
        elif trouble == "slow":
            self.send_response(200)
            self.send_header("Content-Type", "application/zip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            step = max(1, len(body) // 40)
            for start in range(0, len(body), step):
                self.wfile.write(body[start:start + step])
                self.wfile.flush()
                time.sleep(0.1)
        else:
            self.send_body(body, "application/zip" if name.endswith(".zip") else "application/xml")


class UpdateServer:
    def __init__(self, corpus, sample, groups):
        self.files = Files(corpus, sample, groups)
        self.requests = []
        self.lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.owner = self
        self.port = self.httpd.server_address[1]
        self.thread = None

    def record(self, path):
        with self.lock:
            self.requests.append(path)

    def asked(self, path):
        with self.lock:
            return self.requests.count(path)

    def url(self, scenario):
        return "http://127.0.0.1:%d/%s/xml.html" % (self.port, scenario)

    def start(self):
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def free_port():
    """A port on which nothing listens: the server is down."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def exit_with_parent():
    """The test that started the server holds its standard input: when the
    test ends, even by a crash, the server goes too."""
    sys.stdin.buffer.read()
    os._exit(0)


if __name__ == "__main__":
    server = UpdateServer(sys.argv[1], sys.argv[2], sys.argv[3])
    threading.Thread(target=exit_with_parent, daemon=True).start()
    print(server.port, flush=True)
    try:
        server.httpd.serve_forever()
    except KeyboardInterrupt:
        pass
