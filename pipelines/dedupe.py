"""Drop an article already written in this run under the same URL or canonical URL.

Scrapy's request dupefilter keeps one URL from being fetched twice; this catches what it cannot
see: two URLs that redirect to one page, or two pages that name one canonical URL.
"""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from crawler.items import Article
from crawler.urls import url_key


class UrlDedupePipeline:
    """Stats: ``duplicates/url``."""

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats
        self.seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> UrlDedupePipeline:
        assert crawler.stats is not None
        return cls(crawler.stats)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        keys = {url_key(item.url), url_key(item.canonical_url)}
        if keys & self.seen:
            self.stats.inc_value("duplicates/url")
            raise DropItem(f"duplicate URL: {item.url}", log_level="DEBUG")
        self.seen |= keys
        return item
