"""Retries that wait as long as the server asks.

Scrapy's ``RetryMiddleware`` retries a 429 or 503 at once, however long its ``Retry-After``
says to wait: the retry is refused again, and the page is lost once the retries are spent.
This one waits first; the rest of the crawl goes on (the waiting request keeps its place
among ``CONCURRENT_REQUESTS`` meanwhile). A wait longer
than ``NEWS_RETRY_AFTER_MAX`` seconds is not taken: the page is given up for this run
(``retry/after_too_long``), as a cron crawl should not sit for hours on one server. A request
answered with ``Retry-After`` is retried up to ``NEWS_RETRY_AFTER_TIMES`` times, more than
``RETRY_TIMES`` if that is higher; the host's other requests wait as long.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from time import monotonic
from typing import Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.utils.asyncio import sleep

from crawler.utils.slots import slot_of
from crawler.utils.stats import inc

logger = logging.getLogger(__name__)


def retry_after(response: Response) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), or None."""
    value = response.headers.get(b"Retry-After")
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class RetryAfterMiddleware(RetryMiddleware):
    max_wait: float
    after_times: int

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        middleware = super().from_crawler(crawler)
        middleware.max_wait = crawler.settings.getfloat("NEWS_RETRY_AFTER_MAX")
        middleware.after_times = crawler.settings.getint("NEWS_RETRY_AFTER_TIMES")
        return middleware

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        wait = retry_after(response) if response.status in self.retry_http_codes else None
        if wait is None or request.meta.get("dont_retry", False):
            return super().process_response(request, response)
        if wait > self.max_wait:
            inc(self.crawler, "retry/after_too_long")
            logger.warning(
                "Not retrying %s: HTTP %d asks to wait %.0f s (NEWS_RETRY_AFTER_MAX is %.0f s)",
                request.url, response.status, wait, self.max_wait,
            )  # fmt: skip
            return response
        # A server that says when to come back is asked again as often as it says so, up to
        # NEWS_RETRY_AFTER_TIMES, past RETRY_TIMES (which is for failures without a word).
        request.meta.setdefault("max_retry_times", max(self.max_retry_times, self.after_times))
        retry = super().process_response(request, response)
        if isinstance(retry, Request) and wait > 0:
            inc(self.crawler, "retry/after_waited")
            logger.info("Waiting %.1f s before retrying %s (Retry-After)", wait, request.url)
            self._back_off(request, wait)
            await sleep(wait)
        return retry

    def _back_off(self, request: Request, wait: float) -> None:
        """The host asked for a pause: none of its other requests is sent before it is over
        (the slot counts as last used ``wait`` seconds from now; its pace resumes after)."""
        slot = slot_of(self.crawler, request)
        if slot is not None:
            slot.lastseen = max(slot.lastseen, monotonic() + wait - slot.delay)
