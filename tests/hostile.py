"""A hostile news site for the tests: every kind of bad response around good articles.

``python -m tests.hostile FOLDER`` serves the site written by ``build_hostile_site`` like
``crawler.demo.server``, with these behaviours by path:

/bomb.html        gzip bomb: 64 KB on the wire, 64 MB unpacked
/endless.html     a body that never ends (chunked, 64 KB a chunk, forever)
/trickle.html     one byte a second
/hang.html        accepts and never answers
/reset.html       closes the connection at once
/busy.html        429 with Retry-After: 1, then the article
/flaky.html       503 twice, then the article
/loop.html        redirects to itself
/chain/N.html     a 30-hop redirect chain ending at an article (past REDIRECT_MAX_TIMES)
/offsite.html     redirects to another host
/ftp.html         redirects to an ftp: URL
"""

from __future__ import annotations

import gzip
import socket
import sys
import time
from pathlib import Path

from crawler.demo import server
from crawler.demo.site import Resource, Site, article_page, build_site
from crawler.demo.stories import make_stories

COUNTS: dict[str, int] = {}


class HostileHandler(server.SiteHandler):
    def _respond(self, with_body: bool) -> None:
        path = self.path.split("?")[0]
        COUNTS[path] = COUNTS.get(path, 0) + 1
        behaviour = getattr(self, "_" + path.strip("/").split("/")[0].removesuffix(".html"), None)
        if behaviour is None or path.startswith("/news/"):
            return super()._respond(with_body)
        behaviour(path)

    def _send(self, status: int, headers: dict[str, str], body: bytes = b"") -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _bomb(self, path: str) -> None:
        body = gzip.compress(b"<p>" + b"A" * (64 * 2**20) + b"</p>", compresslevel=9)
        self._send(200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, body)

    def _endless(self, path: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"<p>" + b"endless " * 8000 + b"</p>"
        try:
            while True:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except OSError:
            pass

    def _trickle(self, path: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        try:
            for _ in range(100000):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(1)
        except OSError:
            pass

    def _hang(self, path: str) -> None:
        time.sleep(600)

    def _reset(self, path: str) -> None:
        self.connection.setsockopt(
            socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
        )
        self.connection.close()

    def _busy(self, path: str) -> None:
        if COUNTS[path] == 1:
            self._send(429, {"Retry-After": "1", "Content-Type": "text/html"}, b"slow down")
        else:
            self._article(path)

    def _flaky(self, path: str) -> None:
        if COUNTS[path] <= 2:
            self._send(503, {"Content-Type": "text/html"}, b"try again")
        else:
            self._article(path)

    def _loop(self, path: str) -> None:
        self._send(302, {"Location": path})

    def _chain(self, path: str) -> None:
        hop = int(path.rsplit("/", 1)[1].removesuffix(".html"))
        target = f"/chain/{hop + 1}.html" if hop < 30 else "/news/final/chain-end.html"
        self._send(301, {"Location": target})

    def _offsite(self, path: str) -> None:
        self._send(
            302, {"Location": self.base_url.replace("127.0.0.1", "localhost") + "/news/x.html"}
        )

    def _ftp(self, path: str) -> None:
        self._send(302, {"Location": "ftp://127.0.0.1/file.html"})

    def _article(self, path: str) -> None:
        story = make_stories(1, seed=len(path))[0]
        self._send(200, {"Content-Type": "text/html; charset=utf-8"}, article_page(story).encode())


BAD = ["/bomb.html", "/endless.html", "/trickle.html", "/hang.html", "/reset.html", "/loop.html",
       "/offsite.html", "/ftp.html", "/chain/1.html"]  # fmt: skip
RECOVERING = ["/busy.html", "/flaky.html"]


def build_hostile_site() -> tuple[Site, list[str]]:
    """The site, and the paths of the good articles (the feed's own, and the recovering ones)."""
    site = build_site(feeds=False)
    good = site.stories[:6]
    chain_end = make_stories(1, seed=77)[0]
    site.resources["/news/final/chain-end.html"] = Resource(
        article_page(chain_end).encode(), "text/html; charset=utf-8"
    )
    links = [good[0].path, *BAD[:4], good[1].path, good[2].path, *BAD[4:], *RECOVERING,
             *(s.path for s in good[3:]), "javascript:alert(1)", "mailto:desk@example.org",
             "data:text/html,hi", "http://[broken"]  # fmt: skip
    items = "".join(
        f"<item><title>{n}</title><link>{link}</link></item>" for n, link in enumerate(links)
    )
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{items}</channel></rss>'
    )
    site.resources["/hostile.xml"] = Resource(feed.encode(), "application/rss+xml")
    expected = [s.path for s in good] + RECOVERING
    return site, expected


if __name__ == "__main__":
    server.SiteHandler = HostileHandler  # type: ignore[misc]
    server.serve(Path(sys.argv[1]))
