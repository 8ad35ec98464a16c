"""scrapy-redis's scheduler that persists, leases, acknowledges and reaps."""

from __future__ import annotations

import logging
import time
from typing import Any, Self

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.utils.asyncio import create_looping_call
from scrapy.utils.misc import load_object
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler

from crawler.distributed import LEASE, heartbeats_key, worker_name
from crawler.distributed.outage import outage_retry
from crawler.distributed.queue import LeasedPriorityQueue
from crawler.distributed.rounds import ROUND_SECONDS, round_of
from crawler.signals import leases_done

logger = logging.getLogger(__name__)


class LeasedScheduler(Scheduler):
    """scrapy-redis's scheduler that persists, leases, acknowledges and reaps."""

    queue: LeasedPriorityQueue

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        scheduler = super().from_crawler(crawler)
        scheduler.persist = True  # a worker that finishes must not wipe the shared queue
        scheduler.crawler = crawler
        return scheduler

    def open(self, spider: Spider) -> None:
        # scrapy-redis's open, without its Spider.log call (deprecated in Scrapy 2.19)
        self.spider = spider
        self.queue = load_object(self.queue_cls)(
            server=self.server,
            spider=spider,
            key=self.queue_key % {"spider": spider.name},
            serializer=self.serializer,
        )
        # One dupefilter per round: a later round must fetch the home page, guessed feeds and
        # pages that failed again; articles already written are skipped through the state.
        self.df = RFPDupeFilter(
            server=self.server,
            key=f"{self.dupefilter_key % {'spider': spider.name}}:{round_of(spider)}",
            debug=self.crawler.settings.getbool("DUPEFILTER_DEBUG"),
        )
        if len(self.queue):
            logger.info("Resuming the shared crawl: %d requests queued", len(self.queue))
        settings = self.crawler.settings
        self.queue.lease_seconds = settings.getfloat("NEWS_REDIS_LEASE_SECONDS")
        self.queue.heartbeat_seconds = settings.getfloat("NEWS_REDIS_HEARTBEAT_SECONDS")
        self.queue.max_tries = settings.getint("NEWS_REDIS_MAX_TRIES")
        named = settings.get("NEWS_REDIS_WORKER")
        self.queue.worker = worker_name(settings)
        self.queue.workers_key = heartbeats_key(settings.get("NEWS_REDIS_PREFIX"))
        self.queue.beat()
        self.beating_since = time.monotonic()
        if named:  # this worker's earlier life is dead: what it held goes back at once
            requeued, dead = self.queue.reap(owner=named)
            if requeued or dead:
                logger.warning(
                    "Worker %s took back %d requests its last run held (%d to dead letters)",
                    named, requeued, dead,
                )  # fmt: skip
        self.crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)
        self.crawler.signals.connect(self.done, signal=leases_done)
        # Beats and reaps from the reactor: a worker whose reactor is stuck is as good as dead.
        self.reaper = create_looping_call(self.beat_and_reap)
        self.reaper.start(max(0.2, self.queue.heartbeat_seconds / 5), now=True)

    def close(self, reason: str) -> None:
        if self.reaper.running:
            self.reaper.stop()
        self.queue.stop_beating()
        super().close(reason)

    def beat_and_reap(self) -> None:
        try:
            self.queue.beat()
            # After an outage of Redis, every heartbeat has lapsed: judge none until all live
            # workers have had the time to beat again.
            since = max(self.beating_since, outage_retry(self.crawler.settings).last_failure or 0)
            self.reap(lapsed=time.monotonic() - since >= self.queue.heartbeat_seconds)
        except Exception:  # an error must not stop the beating for good
            logger.exception("Could not beat or reap; trying again")
            if self.crawler.stats is not None:
                self.crawler.stats.inc_value("redis/beat_errors")

    # scrapy-redis 0.9.1 passes ``spider=`` to the stats collector, which Scrapy 2.19 warns
    # about on every request; the same logic without it.
    def enqueue_request(self, request: Request) -> bool:
        # A redirect or a retry carries the lease of the request it replaces (Scrapy copies
        # meta): that one is done with once its successor is queued (or filtered).
        parent = request.meta.pop(LEASE, None)
        try:
            if not request.dont_filter and self.df.request_seen(request):
                self.df.log(request, self.spider)
                return False
            if self.stats:
                self.stats.inc_value("scheduler/enqueued/redis")
            self.queue.push(request)
            return True
        finally:
            if parent:
                self.queue.ack([parent])

    def next_request(self) -> Request | None:
        request = self.queue.pop()
        if request is not None and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def done(self, leases: list[str]) -> None:
        self.queue.ack(leases)

    def item_dropped(self, item: Any, response: Any, exception: Exception) -> None:
        lease = getattr(item, "lease", None)
        if lease:
            self.queue.ack([lease])

    def reap(self, lapsed: bool = True) -> None:
        """Requests of workers gone quiet back in the queue; ``lapsed``: also judge workers by
        their heartbeat."""
        self.server.expire(self.df.key, ROUND_SECONDS)
        requeued, dead = self.queue.reap(lapsed=lapsed)
        stats = self.crawler.stats
        if stats is not None:
            stats.inc_value("redis/requeued", requeued)
            stats.inc_value("redis/dead_letters", dead)
        if requeued or dead:
            logger.warning(
                "Requests whose worker went quiet: %d back in the queue, %d to %s",
                requeued, dead, self.queue.keys[5],
            )  # fmt: skip

    def busy(self) -> bool:
        """Whether any worker has work queued or in hand."""
        return len(self.queue) > 0 or self.queue.leases() > 0
