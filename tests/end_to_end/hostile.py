"""A hostile news site for the tests: every kind of bad response around good articles.

``python -m tests.end_to_end.hostile FOLDER`` serves the site written by ``build_hostile_site`` like
``crawler.demo.server``, with these behaviours by path:

/bomb/E.html      decompression bombs, E = gzip, deflate, br, zstd: 1 GiB unpacked, a few MB
                  or less on the wire
/big.html         a 50 MB HTML page
/nested.html      an article inside 100,000 nested elements
/binary.html      random bytes served as text/html
/empty.html       200 with an empty body
/robots.txt       2 MB of garbage around a Disallow: /private/
/many/N.html      an article for every N
/big-feed.xml     an RSS feed of 10,000 items, /many/0.html to /many/9999.html
/big-sitemap.xml  a sitemap of 60,000 URLs (more than the protocol's 50,000)
/endless.html     a body that never ends (chunked, 64 KB a chunk, forever)
/trickle.html     one byte a second
/hang.html        accepts and never answers
/reset.html       closes the connection at once
/busy.html        429 with Retry-After: 2, then the article
/flaky.html       503 twice, then the article
/patient.html     503 with Retry-After: 1 three times (past RETRY_TIMES), then the article
/loop.html        redirects to itself
/chain/N.html     a 30-hop redirect chain ending at an article (past REDIRECT_MAX_TIMES)
/offsite.html     redirects to another host
/ftp.html         redirects to an ftp: URL

Every request is logged to ``requests.log`` in the site's folder (monotonic time, path), for
the tests to check what was asked for and when.
"""

from __future__ import annotations

import functools
import random
import socket
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import brotli
from backports import zstd

from crawler.demo import server
from crawler.demo.site import Resource, Site, article_page, build_site
from crawler.demo.stories import make_stories

COUNTS: dict[str, int] = {}


class HostileHandler(server.SiteHandler):
    def _respond(self, with_body: bool) -> None:
        path = self.path.split("?")[0]
        COUNTS[path] = COUNTS.get(path, 0) + 1
        with open(self.folder / "requests.log", "a", encoding="utf-8") as log:
            log.write(f"{time.monotonic():.3f} {path}\n")
        name = path.strip("/").split("/")[0].split(".")[0]
        behaviour = getattr(self, "_" + name.replace("-", "_"), None)
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
        encoding = path.rsplit("/", 1)[1].removesuffix(".html")
        self._send(200, {"Content-Type": "text/html", "Content-Encoding": encoding}, bomb(encoding))

    def _big(self, path: str) -> None:
        story = article_page(make_stories(1, seed=5)[0]).encode()
        padding = b"<div class='filler'>" + b"x" * 1000 + b"</div>\n"
        body = story.replace(b"</body>", padding * (50 * 1024) + b"</body>")
        self._send(200, {"Content-Type": "text/html"}, body)

    def _nested(self, path: str) -> None:
        text = "".join(f"<p>{p}</p>" for p in make_stories(1, seed=6)[0].paragraphs)
        depth = 100_000
        body = f"<html><body>{'<div>' * depth}{text}{'</div>' * depth}</body></html>"
        self._send(200, {"Content-Type": "text/html"}, body.encode())

    def _binary(self, path: str) -> None:
        self._send(200, {"Content-Type": "text/html"}, random.Random(1).randbytes(200_000))

    def _empty(self, path: str) -> None:
        self._send(200, {"Content-Type": "text/html"})

    def _many(self, path: str) -> None:
        number = int(path.rsplit("/", 1)[1].removesuffix(".html"))
        story = make_stories(1, seed=1000 + number)[0]
        self._send(200, {"Content-Type": "text/html; charset=utf-8"}, article_page(story).encode())

    def _big_feed(self, path: str) -> None:
        items = "".join(
            f"<item><title>Story {n}</title><link>/many/{n}.html</link></item>"
            for n in range(10_000)
        )
        feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title>{items}</channel></rss>'
        self._send(200, {"Content-Type": "application/rss+xml"}, feed.encode())

    def _big_sitemap(self, path: str) -> None:
        urls = "".join(
            f"<url><loc>{self.base_url}/many/{n}.html</loc></url>" for n in range(60_000)
        )
        sitemap = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        self._send(200, {"Content-Type": "application/xml"}, sitemap.encode())

    def _robots(self, path: str) -> None:
        rng = random.Random(2)
        garbage = b"".join(rng.randbytes(80) + b"\n" for _ in range(25_000))
        body = b"User-agent: *\nDisallow: /private/\n" + garbage
        self._send(200, {"Content-Type": "text/plain"}, body)

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
        # Linger 0: closing the last reference to the socket sends a reset, not a goodbye.
        self.connection.setsockopt(
            socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
        )
        self.rfile.close()
        self.wfile.close()
        self.connection.close()

    def _busy(self, path: str) -> None:
        if COUNTS[path] == 1:
            self._send(429, {"Retry-After": "2", "Content-Type": "text/html"}, b"slow down")
        else:
            self._article(path)

    def _patient(self, path: str) -> None:
        if COUNTS[path] <= 3:
            self._send(503, {"Retry-After": "1", "Content-Type": "text/html"}, b"maintenance")
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


def _zeros(total: int = 2**30, chunk: int = 2**20) -> Iterator[bytes]:
    yield b"<html><body><p>"
    for _ in range(total // chunk):
        yield b"0" * chunk


def _compressed(compress: Callable[[bytes], bytes], flush: Callable[[], bytes]) -> bytes:
    return b"".join([*(compress(part) for part in _zeros()), flush()])


@functools.cache
def bomb(encoding: str) -> bytes:
    """1 GiB of HTML, compressed with ``encoding`` (made once, piece by piece)."""
    if encoding in ("gzip", "deflate"):
        packer = zlib.compressobj(1, wbits=31 if encoding == "gzip" else 15)
        return _compressed(packer.compress, packer.flush)
    if encoding == "br":
        packer = brotli.Compressor(quality=5)
        return _compressed(packer.process, packer.finish)
    packer = zstd.ZstdCompressor(level=3)
    return _compressed(packer.compress, lambda: packer.flush(zstd.ZstdCompressor.FLUSH_FRAME))


BOMBS = [f"/bomb/{encoding}.html" for encoding in ("gzip", "deflate", "br", "zstd")]
BAD = [*BOMBS, "/endless.html", "/trickle.html", "/hang.html", "/reset.html", "/loop.html",
       "/offsite.html", "/ftp.html", "/chain/1.html", "/big.html", "/binary.html",
       "/empty.html", "/private/secret.html"]  # fmt: skip
RECOVERING = ["/busy.html", "/flaky.html", "/patient.html"]


def build_hostile_site() -> tuple[Site, list[str]]:
    """The site, and the paths of the good articles (the feed's own, and the recovering ones)."""
    site = build_site(feeds=False)
    good = site.stories[:6]
    chain_end = make_stories(1, seed=77)[0]
    site.resources["/news/final/chain-end.html"] = Resource(
        article_page(chain_end).encode(), "text/html; charset=utf-8"
    )
    site.resources["/private/secret.html"] = Resource(
        article_page(make_stories(1, seed=78)[0]).encode(), "text/html; charset=utf-8"
    )
    links = [good[0].path, *BAD[:4], good[1].path, "/nested.html", good[2].path, *BAD[4:],
             *RECOVERING,
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
