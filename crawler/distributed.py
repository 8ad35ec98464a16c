"""Several workers, one crawl: scrapy-redis's scheduler and request dupefilter, made safe.

Setting ``REDIS_URL`` (scrapy-redis's own name) switches a crawl to distributed mode
(``RedisAddon``): the request queue and the dupefilter of requests live in Redis and are
shared by every worker started with the same spider and arguments, and the state store moves
to Redis too (``crawler.state.redis``). scrapy-redis as it stands is not safe for several
workers; this layer adds what is missing:

- **Nothing shared is wiped**: the queue and dupefilter persist when a worker finishes.
- **Leases**: a request taken from the queue is leased (``<queue>:leases``, expiry time) and
  kept (``<queue>:leased``) until it is acknowledged: when its article is written and synced,
  when its item is dropped (a duplicate, no article), when its callback or errback has run
  without an item. A worker killed with SIGKILL acknowledges nothing: every worker's reaper
  puts expired leases back in the queue, and a request leased ``NEWS_REDIS_MAX_TRIES`` times
  without acknowledgement goes to the dead-letter list (``<queue>:dead``) instead.
- **Waiting and stopping together**: a worker whose queue is empty waits while any request is
  queued or leased anywhere (another worker's feed may yet yield articles), and stops once
  nothing has been queued or leased for ``NEWS_REDIS_IDLE_SECONDS``.
- **Rounds**: the first worker of a round (``-a round=ID``; default the UTC minute) seeds the
  feeds and sitemaps; the others find the round taken and work the shared queue. Each round
  has its own dupefilter (kept a week), so a later round fetches feeds, home pages and
  earlier failures again; articles already written are skipped through the shared state, and
  conditional GET still applies.
- **Politeness** is divided, not shared: each worker keeps its own per-site budget, so with N
  workers give each ``DOWNLOAD_DELAY`` times N (see the README).

Queued requests are pickles (scrapy-redis's serializer): the Redis must be trusted.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import AsyncIterator, Iterable
from typing import Any, Self

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.settings import BaseSettings
from scrapy.utils.asyncio import create_looping_call
from scrapy.utils.misc import load_object
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

from crawler.runinfo import utc_now
from crawler.signals import leases_done

logger = logging.getLogger(__name__)

LEASE = "news_lease"  # request.meta key: the lease id of a request taken from the queue
ROUND_SECONDS = 7 * 86400  # how long a round's seeding mark and dupefilter are kept

_POP = """
local found = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #found == 0 then return nil end
redis.call('ZREM', KEYS[1], found[1])
local id = redis.sha1hex(found[1])
redis.call('ZADD', KEYS[2], ARGV[1], id)
redis.call('HSET', KEYS[3], id, found[1])
redis.call('HSET', KEYS[4], id, found[2])
redis.call('HSET', KEYS[5], id, ARGV[2])
return {id, found[1]}
"""
_REAP = """
local ids = {}
if ARGV[3] == '' then
  ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
else
  local owners = redis.call('HGETALL', KEYS[7])
  for i = 1, #owners, 2 do
    if owners[i + 1] == ARGV[3] then table.insert(ids, owners[i]) end
  end
end
local requeued, dead = 0, 0
for _, id in ipairs(ids) do
  local data = redis.call('HGET', KEYS[3], id)
  local score = redis.call('HGET', KEYS[4], id) or '0'
  redis.call('ZREM', KEYS[2], id)
  redis.call('HDEL', KEYS[3], id)
  redis.call('HDEL', KEYS[4], id)
  redis.call('HDEL', KEYS[7], id)
  if data then
    local tries = redis.call('HINCRBY', KEYS[5], id, 1)
    if tries >= tonumber(ARGV[2]) then
      redis.call('RPUSH', KEYS[6], data)
      redis.call('HDEL', KEYS[5], id)
      dead = dead + 1
    else
      redis.call('ZADD', KEYS[1], score, data)
      requeued = requeued + 1
    end
  end
end
return {requeued, dead}
"""


class LeasedPriorityQueue(PriorityQueue):
    """scrapy-redis's priority queue, where taking a request leases it."""

    lease_seconds = 600.0
    max_tries = 3
    worker = ""

    @property
    def keys(self) -> list[str]:
        key = self.key
        return [key, f"{key}:leases", f"{key}:leased", f"{key}:scores", f"{key}:tries",
                f"{key}:dead", f"{key}:owners"]  # fmt: skip

    def pop(self, timeout: int = 0) -> Request | None:
        queue, leases, leased, scores, _, _, owners = self.keys
        deadline = time.time() + self.lease_seconds
        found = self.server.eval(
            _POP, 5, queue, leases, leased, scores, owners, deadline, self.worker
        )
        if not found:
            return None
        lease, data = found
        request = self._decode_request(data)
        request.meta[LEASE] = lease.decode() if isinstance(lease, bytes) else lease
        return request

    def ack(self, leases: Iterable[str]) -> None:
        leases = [lease for lease in leases if lease]
        if leases:
            _, leased_key, leased, scores, tries, _, owners = self.keys
            with self.server.pipeline() as pipe:
                pipe.zrem(leased_key, *leases).hdel(leased, *leases).hdel(scores, *leases)
                pipe.hdel(tries, *leases).hdel(owners, *leases).execute()

    def reap(self, owner: str = "") -> tuple[int, int]:
        """Expired leases (or all of ``owner``'s, a dead worker's) back to the queue, or to
        the dead letters after too many tries."""
        found = self.server.eval(_REAP, 7, *self.keys, time.time(), self.max_tries, owner)
        return int(found[0]), int(found[1])

    def leases(self) -> int:
        return int(self.server.zcard(self.keys[1]))

    def dead(self) -> int:
        return int(self.server.llen(self.keys[5]))


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
        self.queue.max_tries = settings.getint("NEWS_REDIS_MAX_TRIES")
        named = settings.get("NEWS_REDIS_WORKER")
        self.queue.worker = named or f"{socket.gethostname()}:{os.getpid()}"
        if named:  # this worker's earlier life is dead: what it held goes back at once
            requeued, dead = self.queue.reap(owner=named)
            if requeued or dead:
                logger.warning(
                    "Worker %s took back %d requests its last run held (%d to dead letters)",
                    named, requeued, dead,
                )  # fmt: skip
        self.crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)
        self.crawler.signals.connect(self.done, signal=leases_done)
        self.reaper = create_looping_call(self.reap)
        self.reaper.start(max(1.0, self.queue.lease_seconds / 4), now=True)

    def close(self, reason: str) -> None:
        if self.reaper.running:
            self.reaper.stop()
        super().close(reason)

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

    def reap(self) -> None:
        self.server.expire(self.df.key, ROUND_SECONDS)
        requeued, dead = self.queue.reap()
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


class LeaseMiddleware:
    """Acknowledges a response's lease when its callback has run and yielded no item; an
    item carries the lease on (``Page.lease``) until it is written or dropped."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    async def process_spider_output(
        self, response: Any, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        lease = response.request.meta.get(LEASE) if response.request is not None else None
        items = 0
        async for output in result:
            if lease and not isinstance(output, Request):
                items += 1
                if hasattr(output, "lease"):
                    output.lease = lease
            yield output
        if lease and not items:
            self.crawler.signals.send_catch_log(leases_done, leases=[lease])


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


class RedisAddon:
    """Switches a crawl to distributed mode when ``REDIS_URL`` is set; otherwise changes
    nothing (embedded SQLite state, one process)."""

    def update_settings(self, settings: BaseSettings) -> None:
        if not settings.get("REDIS_URL"):
            return
        prefix = settings.get("NEWS_REDIS_PREFIX", "news:")
        settings.set("SCHEDULER", "crawler.distributed.LeasedScheduler", "addon")
        settings.set("SCHEDULER_QUEUE_CLASS", "crawler.distributed.LeasedPriorityQueue", "addon")
        settings.set("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter", "addon")
        settings.set("SCHEDULER_PERSIST", True, "addon")
        settings.set("SCHEDULER_QUEUE_KEY", f"{prefix}%(spider)s:requests", "addon")
        settings.set("SCHEDULER_DUPEFILTER_KEY", f"{prefix}%(spider)s:dupefilter", "addon")
        middlewares = settings.getdict("SPIDER_MIDDLEWARES")
        middlewares["crawler.distributed.LeaseMiddleware"] = 950
        settings.set("SPIDER_MIDDLEWARES", middlewares, "addon")


def round_of(spider: Spider) -> str:
    """The spider's round: ``-a round=ID``, else the UTC minute it started (workers cron
    starts together on several machines share it)."""
    if not getattr(spider, "news_round", None):
        spider.news_round = str(getattr(spider, "round", None) or utc_now()[:16])
    return spider.news_round


def round_taken(crawler: Crawler, spider: Spider, round_id: str) -> bool:
    """Claim this round's seeding for this worker; False if another worker has it."""
    import redis

    settings = crawler.settings
    db = redis.Redis.from_url(settings.get("REDIS_URL"))
    key = f"{settings.get('NEWS_REDIS_PREFIX', 'news:')}{spider.name}:round:{round_id}"
    try:
        return not db.set(key, str(time.time()), nx=True, ex=ROUND_SECONDS)
    finally:
        db.close()
