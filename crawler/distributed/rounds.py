"""Rounds: the first worker of a round seeds the feeds and sitemaps, the others join it."""

from __future__ import annotations

import time

from scrapy import Spider
from scrapy.crawler import Crawler

from crawler.utils.runinfo import utc_now

ROUND_SECONDS = 7 * 86400  # how long a round's seeding mark and dupefilter are kept


def round_of(spider: Spider) -> str:
    """The spider's round: ``-a round=ID``, else the UTC minute it started (workers cron
    starts together on several machines share it)."""
    if not getattr(spider, "news_round", None):
        spider.news_round = str(getattr(spider, "round", None) or utc_now()[:16])
    return spider.news_round


def round_taken(crawler: Crawler, spider: Spider, round_id: str) -> bool:
    """Claim this round's seeding for this worker; False if another worker has it."""
    import redis

    from crawler.distributed.outage import client_options

    settings = crawler.settings
    db = redis.Redis.from_url(settings.get("REDIS_URL"), **client_options(settings))
    key = f"{settings.get('NEWS_REDIS_PREFIX', 'news:')}{spider.name}:round:{round_id}"
    try:
        return not db.set(key, str(time.time()), nx=True, ex=ROUND_SECONDS)
    finally:
        db.close()
