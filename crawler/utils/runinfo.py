"""Facts about the current run shared by components: its start time and file stamp."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from weakref import WeakKeyDictionary

from scrapy.crawler import Crawler

_STARTS: WeakKeyDictionary[Crawler, datetime] = WeakKeyDictionary()
_STAMPS: WeakKeyDictionary[Crawler, str] = WeakKeyDictionary()


def run_start(crawler: Crawler) -> datetime:
    """When this crawl started (UTC); the same value for every component that asks."""
    return _STARTS.setdefault(crawler, datetime.now(UTC).replace(microsecond=0))


def run_path(crawler: Crawler, template: str) -> str:
    """Fill ``{spider}`` and ``{start}`` in a path template for this run.

    The stamp is the UTC start to the second; should a file of that name exist already (two
    runs in one second), ``-2``, ``-3``, ... is added to the stamp, for every path of the run.
    A template without ``{start}`` names one file, which each run replaces.
    """
    assert crawler.spidercls is not None
    if "{start}" not in template:
        return template.format(spider=crawler.spidercls.name)
    if crawler not in _STAMPS:
        stamp = run_start(crawler).strftime("%Y-%m-%dT%H-%M-%SZ")
        candidate, number = stamp, 1
        while any(
            Path(template.format(spider=crawler.spidercls.name, start=candidate) + suffix).exists()
            for suffix in ("", ".part")
        ):
            number += 1
            candidate = f"{stamp}-{number}"
        _STAMPS[crawler] = candidate
    return template.format(spider=crawler.spidercls.name, start=_STAMPS[crawler])


def utc_now() -> str:
    """The current time in ISO 8601, UTC, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")
