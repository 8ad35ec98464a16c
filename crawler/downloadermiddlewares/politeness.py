"""Politeness per site: one download slot per host and port, and robots.txt ``Crawl-delay``.

Scrapy's download slots are per host name: two servers on one host (other ports) would share
one delay and one concurrency, and one's Crawl-delay would slow the other. Here a request's
slot is its host and port (the same as the host for sites on the default ports).

Scrapy reads robots.txt for its rules but not for the pause it asks between two requests.
When a host's robots.txt is parsed (Scrapy's ``robots_parsed`` signal), its ``Crawl-delay``
for this crawler's user agent, capped at ``NEWS_CRAWL_DELAY_MAX`` seconds, becomes the least
delay of the host's download slot, without the random jitter that could halve it. AutoThrottle
may raise a slot's delay but lowers it on every response: the floor is put back after each.
"""

from __future__ import annotations

import logging
from typing import Any, Self

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached

from crawler.utils.slots import slot_of
from crawler.utils.stats import inc

logger = logging.getLogger(__name__)


class SitePolitenessMiddleware:
    def __init__(self, crawler: Crawler, cap: float) -> None:
        self.crawler = crawler
        self.cap = cap
        self.floors: dict[str, float] = {}  # download slot key -> seconds
        settings = crawler.settings
        self.user_agent = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        middleware = cls(crawler, crawler.settings.getfloat("NEWS_CRAWL_DELAY_MAX"))
        crawler.signals.connect(middleware.robots_parsed, signal=signals.robots_parsed)
        return middleware

    def robots_parsed(self, robotparser: Any, request: Request) -> None:
        delay = robotparser.crawl_delay(self.user_agent)
        if not delay or delay <= 0:
            return
        key = _site(request)
        self.floors[key] = min(float(delay), self.cap)
        inc(self.crawler, "robotstxt/crawl_delay")
        logger.info("%s asks for %.1f s between requests (Crawl-delay)", key, self.floors[key])
        self._apply(request)

    def process_request(self, request: Request) -> None:
        request.meta.setdefault("download_slot", _site(request))

    def process_response(self, request: Request, response: Response) -> Response:
        if self.floors:
            self._apply(request)
        return response

    def _apply(self, request: Request) -> None:
        floor = self.floors.get(request.meta.get("download_slot") or _site(request))
        slot = slot_of(self.crawler, request)
        if floor is not None and slot is not None:
            slot.delay = max(slot.delay, floor)
            slot.jitter = 0.0


def _site(request: Request) -> str:
    """A site as download slots are kept here: its host and port."""
    return urlparse_cached(request).netloc.lower()
