"""Stop at ``max_articles``: per source, exactly, however many pages are still in flight.

Counts are kept on the spider's plans, where the spider also looks before it requests another
article page; once every limited source is full and nothing else is left, the crawl closes.
"""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.defer import deferred_from_coro

from crawler.items import Article
from crawler.utils.stats import inc


class ArticleLimitPipeline:
    """Stats: ``articles/over_limit`` (articles dropped because their source was full)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.closing = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArticleLimitPipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        plans = getattr(self.crawler.spider, "plans", None)
        if not isinstance(item, Article) or not plans:
            return item
        plan = plans.get(item.source.get("name", ""))
        if plan is None:
            return item
        if plan.full:
            inc(self.crawler, "articles/over_limit")
            raise DropItem(f"max_articles reached for {plan.name or 'this crawl'}", "DEBUG")
        plan.written += 1
        if all(p.full for p in plans.values()) and not self.closing:
            self.closing = True
            assert self.crawler.engine is not None
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="max_articles"))
        return item
