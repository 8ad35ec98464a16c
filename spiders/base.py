"""The base of every news spider: argument parsing and turning a fetched page into a ``Page``.

Subclasses find article URLs (in feeds, sitemaps or links) and call ``article_request``; the
pipelines do the rest (extraction, duplicates, writing).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from scrapy import Request, Spider
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.exceptions import SpiderArgumentError
from crawler.items import Hints, Page, Source
from crawler.runinfo import utc_now
from crawler.urls import absolute_http_url

logger = logging.getLogger(__name__)

# Content types that may hold an article page. Others (PDF, images, video) are skipped.
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")


class NewsSpider(Spider):
    """Common ground of the feeds, sitemap and site spiders."""

    def article_request(self, url: str, source: Source, hints: Hints | None = None) -> Request:
        """A request for an article page; what was known before fetching rides in cb_kwargs."""
        return Request(
            url,
            callback=self.parse_article,
            errback=self.article_failed,
            cb_kwargs={"source": source, "hints": hints or {}},
        )

    def parse_article(
        self, response: Response, source: Source, hints: Hints
    ) -> Iterator[Page]:
        """Hand the fetched page to the pipelines, unless it cannot be an article page."""
        content_type = _header(response, b"Content-Type")
        media_type = (content_type or "").split(";")[0].strip().lower()
        if media_type not in _HTML_TYPES:
            self._count("articles/not_html")
            logger.info("Skipping %s: served as %s, not HTML", response.url, media_type)
            return
        self._count("articles/fetched")
        yield Page(
            url=response.url,
            body=response.body,
            content_type=content_type,
            content_language=_header(response, b"Content-Language"),
            source=source,
            hints=hints,
            fetched_at=utc_now(),
        )

    def article_failed(self, failure: Failure) -> None:
        """An article page could not be fetched: count it, log it once, and go on."""
        self._count("articles/failed")
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        logger.warning("Article page failed: %s (%s)", url, failure.getErrorMessage())

    def _count(self, key: str, count: int = 1) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key, count)


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def url_list(argument: str, value: Any) -> list[str]:
    """Parse a comma-separated list of http(s) URLs given as a spider argument."""
    if isinstance(value, (list, tuple)):
        parts = [str(v) for v in value]
    elif isinstance(value, str):
        parts = value.split(",")
    else:
        raise SpiderArgumentError(argument, value, "expected URL[,URL...]")
    urls = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        url = absolute_http_url(part, part)
        if url is None:
            raise SpiderArgumentError(argument, part, "not an http(s) URL")
        urls.append(url)
    if not urls:
        raise SpiderArgumentError(argument, value, "at least one URL is required")
    return urls
