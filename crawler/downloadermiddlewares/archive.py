"""WARC output: every page's HTTP exchange, as received, in the run's WARC files.

With ``NEWS_WARC`` (or ``-a warc=on``), the request and response of every article page (and
site page) go to WARC 1.1 files (``crawler.warc.writer``): redirects and error responses
too, as an archive keeps them; with ``NEWS_WARC_LISTINGS`` also feeds, sitemaps and
robots.txt. Placed next to the downloader, so that it sees the body as received (before
``HttpCompressionMiddleware`` unpacks it) and each redirect. What Scrapy does not keep is
rebuilt: the status line and header lines (Scrapy keeps names and values, not their bytes),
and no ``Transfer-Encoding`` (Twisted removes the chunking).

At the start of every run, the ``.part`` WARC files a killed run left are cut after their
last whole record and renamed (``warc/recovered_files``), whether this run archives or not.
"""

from __future__ import annotations

import http
import logging
import platform
from pathlib import Path
from typing import Self
from urllib.parse import urlsplit

import scrapy
import warcio
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.http import Response

from crawler.signals import output_syncing
from crawler.utils.runinfo import run_path
from crawler.utils.stats import inc
from crawler.warc import ARCHIVE, REPLAY, WARC_RECORD
from crawler.warc.writer import Exchange, WarcFiles, recover

logger = logging.getLogger(__name__)

# Settings named in each file's warcinfo record: how the pages were fetched.
RECORDED_SETTINGS = (
    "USER_AGENT", "ROBOTSTXT_OBEY", "DOWNLOAD_DELAY", "CONCURRENT_REQUESTS_PER_DOMAIN",
    "AUTOTHROTTLE_ENABLED", "AUTOTHROTTLE_TARGET_CONCURRENCY", "DOWNLOAD_MAXSIZE",
    "NEWS_WARC_LISTINGS", "NEWS_WARC_MAX_BYTES",
)  # fmt: skip


class WarcArchiveMiddleware:
    """Stats: ``warc/records`` (exchanges written), ``warc/files``, ``warc/bytes``,
    ``warc/recovered_files``, ``warc/cut_bytes`` (torn records cut at recovery)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.files: WarcFiles | None = None
        self.listings = crawler.settings.getbool("NEWS_WARC_LISTINGS")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        middleware = cls(crawler)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(middleware.sync, signal=output_syncing)
        return middleware

    def spider_opened(self, spider: Spider) -> None:
        settings = self.crawler.settings
        template = settings.get("NEWS_WARC_PATH")
        if not template:
            return
        max_bytes = settings.getint("NEWS_WARC_MAX_BYTES")
        pattern = template.format(spider="*", start="*").replace(".warc.gz", "*.warc.gz")
        for path, records, cut in recover(pattern, 2**62):
            inc(self.crawler, "warc/recovered_files")
            inc(self.crawler, "warc/cut_bytes", cut)
            logger.warning(
                "Recovered %s, left by a run that did not end: %d records kept, %d bytes cut",
                path, records, cut,
            )  # fmt: skip
        if not getattr(spider, "warc", settings.getbool("NEWS_WARC")) or getattr(
            spider, "replays", False
        ):
            return
        base = Path(run_path(self.crawler, template))
        base.parent.mkdir(parents=True, exist_ok=True)
        self.files = WarcFiles(base, max_bytes, self.warcinfo(spider))

    def warcinfo(self, spider: Spider) -> dict[str, str]:
        settings = self.crawler.settings
        info = {
            "software": f"news-crawler (Scrapy {scrapy.__version__}, warcio "
            f"{getattr(warcio, '__version__', '')})".replace(" )", ")"),
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/"
            "warc-format/warc-1.1/",
            "isPartOf": spider.name,
            "hostname": platform.node(),
        }
        for name in RECORDED_SETTINGS:
            info[name] = str(settings.get(name))
        return info

    def process_request(self, request: Request) -> None:
        request.meta.pop(WARC_RECORD, None)  # a redirect's or retry's copy of its parent's

    def process_response(self, request: Request, response: Response) -> Response:
        if self.files is None or REPLAY in request.meta:
            return response
        if not (request.meta.get(ARCHIVE) or self.listings):
            return response
        try:
            pointer = self.files.write(exchange(request, response))
        except OSError as exc:
            logger.error("Cannot write WARC %s: %s; archiving stops", self.files.path, exc)
            inc(self.crawler, "warc/errors")
            self.files = None
            return response
        request.meta[WARC_RECORD] = pointer
        inc(self.crawler, "warc/records")
        return response

    def sync(self) -> None:
        if self.files is not None:
            self.files.sync()

    def spider_closed(self, spider: Spider) -> None:
        if self.files is None:
            return
        self.files.finish()
        assert self.crawler.stats is not None
        self.crawler.stats.set_value("warc/files", len(self.files.files))
        self.crawler.stats.set_value(
            "warc/bytes", sum(path.stat().st_size for path in self.files.files)
        )
        if self.files.files:
            logger.info("Archived pages in %d WARC files, the last %s",
                        len(self.files.files), self.files.files[-1])  # fmt: skip


def exchange(request: Request, response: Response) -> Exchange:
    """A Scrapy request and response as the bytes an archive keeps."""
    parts = urlsplit(request.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    request_lines = [f"{request.method} {target} HTTP/1.1".encode("latin-1")]
    if b"Host" not in request.headers:
        request_lines.append(b"Host: " + parts.netloc.encode("latin-1"))
    request_lines += _header_lines(request.headers.items())
    try:
        reason = http.HTTPStatus(response.status).phrase
    except ValueError:
        reason = ""
    protocol = getattr(response, "protocol", None) or "HTTP/1.1"
    response_lines = [f"{protocol} {response.status} {reason}".rstrip().encode("latin-1")]
    response_lines += _header_lines(
        (name, values)
        for name, values in response.headers.items()
        if name.lower() != b"transfer-encoding"
    )
    ip = getattr(response, "ip_address", None)
    return Exchange(
        url=response.url,
        request_head=b"\r\n".join(request_lines) + b"\r\n\r\n",
        response_head=b"\r\n".join(response_lines) + b"\r\n\r\n",
        body=response.body,
        ip_address=str(ip) if ip else None,
    )


def _header_lines(items: object) -> list[bytes]:
    return [
        bytes(name) + b": " + bytes(value)
        for name, values in items  # type: ignore[attr-defined]
        for value in values
    ]
