"""With ``-o``/``-O`` (Scrapy's feed exports) the JSON Lines writer is off; this pipeline then
remembers the run's articles in the state store, so that the next run does not emit them again.

They are committed when the spider closes, once Scrapy's exporter has been handed every item.
A run killed with ``-o`` commits nothing, so its articles come again in the next run; Scrapy's
exporters neither sync nor rename, so for scheduled runs prefer the default writer, which is
crash-safe.
"""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.extensions.state import state_of
from crawler.items import Article
from crawler.state.records import Record, article_record


class FeedExportStatePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.records: list[Record] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FeedExportStatePipeline:
        if not crawler.settings.getdict("FEEDS"):
            raise NotConfigured("no -o/-O: pipelines.jsonl keeps the state")
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, Article):
            self.records.append(article_record(item))
        return item

    def close_spider(self) -> None:
        state = state_of(self.crawler)
        if state is not None and self.records:
            state.store.mark_emitted(self.records)
