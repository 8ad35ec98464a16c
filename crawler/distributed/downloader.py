"""One politeness budget per site for the whole fleet of workers.

Scrapy keeps a site's delay and concurrency per process: N workers would each keep them, and
the site would see N times the rate. This downloader asks Redis before each request leaves,
with a Lua script timed by the server's clock: a site's next allowed time
(``<prefix>polite:<slot>:next``) moves on by the slot's delay at each request taken, and its
transfers in flight (``<prefix>polite:<slot>:active``, expiring with the download timeout)
are counted against the slot's concurrency. The delay is the slot's own (``DOWNLOAD_DELAY``,
AutoThrottle's, a robots.txt ``Crawl-delay`` floor), without its random jitter, so the fleet
keeps at least what one process would; each worker still adds its own jitter.

The queue loop below is Scrapy's ``Downloader._process_queue`` (2.19) with the fleet's
permission asked before a request is sent.
"""

from __future__ import annotations

from time import monotonic

from scrapy import Request
from scrapy.core.downloader import Downloader, Slot
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.utils.asyncio import call_later
from scrapy.utils.defer import _schedule_coro
from scrapy_redis.connection import get_redis_from_settings

from crawler.distributed import worker_name

# KEYS: the slot's next allowed time, its transfers. ARGV: delay (ms), concurrency, token,
# lifetime of a transfer (ms). Returns 0 (go), the milliseconds to wait, or -1 (all transfers
# taken: ask again shortly).
_TAKE = """
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if tonumber(ARGV[2]) > 0 and redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[2]) then
  return -1
end
local after = tonumber(redis.call('GET', KEYS[1]) or '0')
if now < after then return after - now end
local delay = tonumber(ARGV[1])
if delay > 0 then redis.call('SET', KEYS[1], now + delay, 'PX', delay + 60000) end
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[4]), ARGV[3])
redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[4]))
return 0
"""
# How soon to ask again when every transfer the site allows is another worker's.
POLL_SECONDS = 0.1


class FleetDownloader(Downloader):
    """Scrapy's downloader, with each site's delay and concurrency kept for the fleet."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        settings = crawler.settings
        self.server = get_redis_from_settings(settings)
        self.prefix = f"{settings.get('NEWS_REDIS_PREFIX')}polite:"
        self.worker = worker_name(settings)
        # a transfer still counted after the download timeout is a dead worker's
        self.lifetime_ms = int(1000 * (settings.getfloat("DOWNLOAD_TIMEOUT") + 30))
        self._take = self.server.register_script(_TAKE)

    def _process_queue(self, slot: Slot) -> None:
        if slot.latercall:
            return
        now = monotonic()
        delay = slot.download_delay()
        if delay:
            penalty = delay - now + slot.lastseen
            if penalty > 0:
                slot.latercall = call_later(penalty, self._latercall, slot)
                return
        while slot.queue and slot.free_transfer_slots() > 0:
            request, queue_dfd = slot.queue[0]
            wait = self.take(request, slot)
            if wait:
                slot.latercall = call_later(wait, self._latercall, slot)
                return
            slot.queue.popleft()
            slot.lastseen = now
            _schedule_coro(self._wait_for_download(slot, request, queue_dfd))
            if delay:
                self._process_queue(slot)
                break

    def take(self, request: Request, slot: Slot) -> float:
        """Seconds to wait before ``request`` may go to its site; 0: it is on its way."""
        key = f"{self.prefix}{request.meta.get(self.DOWNLOAD_SLOT, '')}"
        delay_ms = int(1000 * slot.delay)
        token = self._token(request)
        found = self._take(
            keys=[f"{key}:next", f"{key}:active"],
            args=[delay_ms, slot.concurrency, token, self.lifetime_ms],
        )
        return POLL_SECONDS if int(found) < 0 else int(found) / 1000

    async def _download(self, slot: Slot, request: Request) -> Response:
        try:
            return await super()._download(slot, request)
        finally:
            key = f"{self.prefix}{request.meta.get(self.DOWNLOAD_SLOT, '')}:active"
            self.server.zrem(key, self._token(request))

    def _token(self, request: Request) -> str:
        return f"{self.worker}:{id(request)}"
