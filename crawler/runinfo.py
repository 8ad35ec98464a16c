"""Facts about the current run shared by components: its start time and file stamp."""

from __future__ import annotations

from datetime import UTC, datetime
from weakref import WeakKeyDictionary

from scrapy.crawler import Crawler

_STARTS: WeakKeyDictionary[Crawler, datetime] = WeakKeyDictionary()


def run_start(crawler: Crawler) -> datetime:
    """When this crawl started (UTC); the same value for every component that asks."""
    return _STARTS.setdefault(crawler, datetime.now(UTC).replace(microsecond=0))


def run_path(crawler: Crawler, template: str) -> str:
    """Fill ``{spider}`` and ``{start}`` in a path template for this run."""
    assert crawler.spidercls is not None
    stamp = run_start(crawler).strftime("%Y-%m-%dT%H-%M-%SZ")
    return template.format(spider=crawler.spidercls.name, start=stamp)


def utc_now() -> str:
    """The current time in ISO 8601, UTC, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")
