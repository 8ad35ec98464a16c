"""Several workers, one crawl: scrapy-redis's scheduler and request dupefilter, made safe.

Setting ``REDIS_URL`` (scrapy-redis's own name) switches a crawl to distributed mode
(``RedisAddon``): the request queue and the dupefilter of requests live in Redis and are
shared by every worker started with the same spider and arguments, and the state store moves
to Redis too (``crawler.state.redis``). scrapy-redis as it stands is not safe for several
workers; this layer adds what is missing:

- **Nothing shared is wiped**: the queue and dupefilter persist when a worker finishes.
- **Leases and heartbeats**: a request taken from the queue is leased (``<queue>:leases``)
  and kept (``<queue>:leased``) for its worker until it is acknowledged: when its article is
  written and synced, when its item is dropped, when its callback or errback has run without
  an item. Each worker beats (``<prefix>workers``); the leases of a worker silent for
  ``NEWS_REDIS_HEARTBEAT_SECONDS`` (killed with SIGKILL, say) go back to the queue within
  seconds, and a request leased ``NEWS_REDIS_MAX_TRIES`` times without acknowledgement goes
  to the dead-letter list (``<queue>:dead``) instead. Lease expiry is the last resort.
- **Waiting and stopping together**: a worker whose queue is empty waits while any request is
  queued or leased anywhere (another worker's feed may yet yield articles), and stops once
  nothing has been queued or leased for ``NEWS_REDIS_IDLE_SECONDS``.
- **Rounds**: the first worker of a round (``-a round=ID``; default the UTC minute) seeds the
  feeds and sitemaps; the others find the round taken and work the shared queue. Each round
  has its own dupefilter (kept a week), so a later round fetches feeds, home pages and
  earlier failures again; articles already written are skipped through the shared state, and
  conditional GET still applies.
- **One record per story**: an article is claimed (its URL keys and text digest) and its
  near-duplicate sketch indexed before its line is written (``crawler.state.redis``).
- **Politeness for the fleet** (``downloader``) and **Redis outages waited through**
  (``outage``).

Queued requests are pickles (scrapy-redis's serializer): the Redis must be trusted.
"""

from __future__ import annotations

import os
import socket

from scrapy.settings import BaseSettings

# request.meta key: the lease id of a request taken from the shared queue. Here, not in
# ``queue``, so that spiders can read it without importing scrapy-redis in a local crawl.
LEASE = "news_lease"


def worker_name(settings: BaseSettings) -> str:
    """``NEWS_REDIS_WORKER``, else host and process id: unique while the process lives."""
    return settings.get("NEWS_REDIS_WORKER") or f"{socket.gethostname()}:{os.getpid()}"


def heartbeats_key(prefix: str) -> str:
    """The hash of every worker's heartbeat: name, the Redis server time it lapses."""
    return f"{prefix}workers"
