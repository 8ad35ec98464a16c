"""Stats counters, overall and per source (``source/<name>/<key>``), for the run report."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler

from crawler.items import Source


def source_name(crawler: Crawler, source: Source | None) -> str:
    """The configured source's name (sources file), else the spider's name."""
    if source and source.get("name"):
        return source["name"]
    return crawler.spidercls.name if crawler.spidercls else "crawl"


def inc(crawler: Crawler, key: str, value: int = 1, source: str | None = None) -> None:
    """Add to a counter; with a source name, to that source's counter too
    (``source/<name>/<key>``, grouped by source in the run report)."""
    if crawler.stats is None or not value:
        return
    crawler.stats.inc_value(key, value)
    if source:
        crawler.stats.inc_value(f"source/{source}/{key}", value)


def count(crawler: Crawler, key: str, source: Source | None = None, value: int = 1) -> None:
    """Add to an item's counter, overall and for the source it came from."""
    inc(crawler, key, value, source_name(crawler, source))


def by_source(stats: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The per-source counters of a stats dict, grouped by source name."""
    grouped: dict[str, dict[str, Any]] = {}
    for key, value in stats.items():
        if key.startswith("source/"):
            _, name, counter = key.split("/", 2)
            grouped.setdefault(name, {})[counter] = value
    return {name: dict(sorted(counters.items())) for name, counters in sorted(grouped.items())}
