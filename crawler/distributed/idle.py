"""Waiting and stopping together: a worker stays while the shared crawl has work anywhere."""

from __future__ import annotations

import time
from typing import Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured


class DistributedIdle:
    """Keeps a worker open while the shared crawl has work anywhere; closes it once nothing
    has been queued or leased for ``NEWS_REDIS_IDLE_SECONDS``."""

    def __init__(self, crawler: Crawler, idle_seconds: float) -> None:
        self.crawler = crawler
        self.idle_seconds = idle_seconds
        self.quiet_since: float | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.get("REDIS_URL"):
            raise NotConfigured("not distributed")
        extension = cls(crawler, crawler.settings.getfloat("NEWS_REDIS_IDLE_SECONDS"))
        crawler.signals.connect(extension.spider_idle, signal=signals.spider_idle)
        return extension

    def spider_idle(self) -> None:
        # Imported here: a crawl that is not distributed never loads scrapy_redis and redis.
        from crawler.distributed.scheduler import LeasedScheduler

        assert self.crawler.engine is not None
        scheduler = self.crawler.engine.scheduler
        if not isinstance(scheduler, LeasedScheduler):
            return
        if scheduler.busy():
            self.quiet_since = None
            raise DontCloseSpider
        now = time.monotonic()
        self.quiet_since = self.quiet_since or now
        if now - self.quiet_since < self.idle_seconds:
            raise DontCloseSpider
