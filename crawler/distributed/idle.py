"""Waiting and stopping together: a worker stays while the shared crawl has work anywhere."""

from __future__ import annotations

import logging
import time
from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured

logger = logging.getLogger(__name__)

# Seconds a worker is idle, taking nothing from the queue, before leases still under its name
# count as orphans; at least this many output syncs, whose acknowledgements end leases.
ORPHANS_AFTER = 10.0
ORPHANS_AFTER_SYNCS = 3


class DistributedIdle:
    """Keeps a worker open while the shared crawl has work anywhere; closes it once nothing
    has been queued or leased for ``NEWS_REDIS_IDLE_SECONDS``.

    A worker idle for a while that still holds leases takes them back (``redis/orphans``):
    their requests never reached it. A pop that Redis ran while its connection was closing
    (a restart) is retried by the client: the first lease stays under the worker's name, its
    heartbeat keeps it from being reaped, and the whole fleet would wait for it for ever.
    """

    def __init__(self, crawler: Crawler, idle_seconds: float) -> None:
        self.crawler = crawler
        self.idle_seconds = idle_seconds
        self.quiet_since: float | None = None
        self.orphans_after = max(
            ORPHANS_AFTER,
            ORPHANS_AFTER_SYNCS * crawler.settings.getfloat("NEWS_OUTPUT_SYNC_SECONDS"),
        )
        self.taken: Any = None  # requests taken from the queue when last seen idle
        self.idle_since = 0.0

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
            self.take_back_orphans(scheduler)
            raise DontCloseSpider
        now = time.monotonic()
        self.quiet_since = self.quiet_since or now
        if now - self.quiet_since < self.idle_seconds:
            raise DontCloseSpider

    def take_back_orphans(self, scheduler: Any) -> None:
        assert self.crawler.stats is not None
        now = time.monotonic()
        taken = self.crawler.stats.get_value("scheduler/dequeued/redis", 0)
        if taken != self.taken:
            self.taken, self.idle_since = taken, now
            return
        if now - self.idle_since < self.orphans_after:
            return
        self.idle_since = now
        requeued, dead = scheduler.queue.reap(owner=scheduler.queue.worker)
        if requeued or dead:
            self.crawler.stats.inc_value("redis/orphans", requeued + dead)
            logger.warning(
                "Took back %d requests held under this worker's name that never reached it "
                "(%d to dead letters)", requeued, dead,
            )  # fmt: skip
