"""Drop an article already written, in this run or an earlier one (the state store): same URL,
same canonical URL, or same text.

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

from crawler.counters import count
from crawler.extensions.state import state_of
from crawler.items import Article
from crawler.urls import url_key


def text_key(text: str) -> str:
    """A digest of the text with case and whitespace folded."""
    return hashlib.sha1(" ".join(text.casefold().split()).encode("utf-8")).hexdigest()


class UrlDedupePipeline:
    """Stats: ``duplicates/url``, ``duplicates/exact`` (the same text as an earlier article)."""

    def __init__(self, crawler: Crawler, stats: StatsCollector) -> None:
        self.crawler = crawler
        self.stats = stats
        self.seen: set[str] = set()
        self.texts: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> UrlDedupePipeline:
        assert crawler.stats is not None
        return cls(crawler, crawler.stats)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        keys = {url_key(item.url), url_key(item.canonical_url)}
        state = state_of(self.crawler)
        if keys & self.seen or (state is not None and state.store.seen_urls(sorted(keys))):
            count(self.crawler, "duplicates/url", item.source)
            self.remember(item)
            raise DropItem(f"duplicate URL: {item.url}", log_level="DEBUG")
        digest = text_key(item.text)
        if digest in self.texts or (state is not None and state.store.seen_text(digest)):
            count(self.crawler, "duplicates/exact", item.source)
            self.remember(item)
            raise DropItem(f"duplicate text: {item.url}", log_level="DEBUG")
        self.seen |= keys
        self.texts.add(digest)
        return item

    def remember(self, item: Article) -> None:
        """A duplicate's URLs need no download next time."""
        if (state := state_of(self.crawler)) is not None:
            state.mark_seen([item.url, item.canonical_url, item.requested_url])
