"""Drop an article already written in this run: same URL, same canonical URL, or same text.

Scrapy's request dupefilter keeps one URL from being fetched twice; this catches what it cannot
see: two URLs that redirect to one page, two pages that name one canonical URL, and one page
reached under two URLs (a query string that changes nothing) that has no canonical URL at all.
"""

from __future__ import annotations

import hashlib
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from crawler.items import Article
from crawler.urls import url_key


def text_key(text: str) -> str:
    """A digest of the text with case and whitespace folded."""
    return hashlib.sha1(" ".join(text.casefold().split()).encode("utf-8")).hexdigest()


class UrlDedupePipeline:
    """Stats: ``duplicates/url``, ``duplicates/exact`` (the same text as an earlier article)."""

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats
        self.seen: set[str] = set()
        self.texts: set[str] = set()

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
        digest = text_key(item.text)
        if digest in self.texts:
            self.stats.inc_value("duplicates/exact")
            raise DropItem(f"duplicate text: {item.url}", log_level="DEBUG")
        self.seen |= keys
        self.texts.add(digest)
        return item
