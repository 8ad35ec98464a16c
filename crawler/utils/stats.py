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


def count(crawler: Crawler, key: str, source: Source | None = None, value: int = 1) -> None:
    """Add to a counter, and to the same counter of the item's source."""
    if crawler.stats is None or not value:
        return
    crawler.stats.inc_value(key, value)
    crawler.stats.inc_value(f"source/{source_name(crawler, source)}/{key}", value)


def by_source(stats: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The per-source counters of a stats dict, grouped by source name."""
    grouped: dict[str, dict[str, Any]] = {}
    for key, value in stats.items():
        if key.startswith("source/"):
            _, name, counter = key.split("/", 2)
            grouped.setdefault(name, {})[counter] = value
    return {name: dict(sorted(counters.items())) for name, counters in sorted(grouped.items())}
