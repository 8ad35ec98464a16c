"""Article entries waiting to become requests, so that a large sitemap or feed costs little.

Scrapy schedules everything a callback yields at once: a 20,000-URL sitemap becomes 20,000
``Request`` objects held by the scheduler (about 3 KB each with their arguments), a 60,000-URL
one some 290 MB. Here each entry waits as a small tuple, newest first, and becomes a request
only when the scheduler holds fewer than ``ahead`` requests (checked on every response, and
when the spider goes idle, which keeps it open while entries wait). The checks a request
needs (``since``, seen in an earlier run, ``max_articles``) run then, on fresh state.

Not used in a distributed crawl: there every request must reach the shared queue at once, for
any worker to take.
"""

from __future__ import annotations

import heapq
import itertools
import logging
from collections.abc import Callable, Iterable
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider

logger = logging.getLogger(__name__)

Make = Callable[..., Iterable[Request]]


class Backlog:
    """Entries ordered by a key (smallest first), released as requests made by ``make``."""

    def __init__(self, crawler: Crawler, make: Make, ahead: int) -> None:
        self.crawler = crawler
        self.make = make
        self.ahead = ahead
        self._heap: list[tuple[float, int, tuple[Any, ...]]] = []
        self._order = itertools.count()
        crawler.signals.connect(self.top_up, signal=signals.response_received)
        crawler.signals.connect(self.on_idle, signal=signals.spider_idle)

    def __len__(self) -> int:
        return len(self._heap)

    def add(self, key: float, *args: Any) -> None:
        """An entry; ``make(*args)`` gives its requests when its turn comes."""
        heapq.heappush(self._heap, (key, next(self._order), args))

    def top_up(self) -> int:
        """Release entries until the scheduler holds ``ahead`` requests; how many were sent."""
        engine = self.crawler.engine
        if not self._heap or engine is None or engine.scheduler is None:
            return 0
        try:
            room = self.ahead - len(engine.scheduler)  # type: ignore[arg-type]
        except TypeError:  # a scheduler that cannot count
            room = self.ahead
        sent = 0
        while self._heap and sent < room:
            _key, _order, args = heapq.heappop(self._heap)
            try:
                for request in self.make(*args):
                    engine.crawl(request)
                    sent += 1
            except Exception:  # one bad entry must not stall the others
                logger.exception("Could not make a request of entry %r", args[:1])
        return sent

    def on_idle(self) -> None:
        """Keep the spider open for one more round while entries wait, even if none of them
        gave a request (seen, too old): other idle handlers (the site spider's links) wait for
        an empty backlog and must get their turn before the spider closes."""
        if self._heap:
            self.top_up()
            raise DontCloseSpider
