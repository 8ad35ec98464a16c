"""Take out of each article's text the lines its site repeats on article after article
(``crawler.repeats``): a disclaimer, an author's box, a newsletter pitch that extraction kept.

A line goes when at least ``NEWS_REPEATED_LINES_MIN`` of the site's last
``NEWS_REPEATED_LINES_WINDOW`` written articles carried it. Only written articles count (not
duplicates, not articles dropped later), and each with the lines it had before this pipeline
took any out, so that a template line stays known as long as the site keeps printing it. With
a state store the memory is kept between runs; without one it lasts the run.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.extensions.state import state_of
from crawler.items import Article
from crawler.repeats import SiteMemory, keys_of, site_of, without_lines, without_repeats
from crawler.utils.stats import count

logger = logging.getLogger(__name__)

SAVE_EVERY = 200  # written articles between saves to the state store: a killed run keeps most


class RepeatedLinesPipeline:
    """Stats: ``repeats/lines_removed``, ``repeats/articles_cleaned`` (also per source)."""

    def __init__(self, crawler: Crawler, window: int, min_articles: int, min_chars: int) -> None:
        self.crawler = crawler
        self.window = window
        self.min_articles = min_articles
        self.min_chars = min_chars
        self.memory = SiteMemory(window)
        self.pending: dict[int, tuple[str, set[int]]] = {}  # id(item) -> site, its line keys
        self.unsaved = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RepeatedLinesPipeline:
        settings = crawler.settings
        window = settings.getint("NEWS_REPEATED_LINES_WINDOW")
        min_articles = settings.getint("NEWS_REPEATED_LINES_MIN")
        if window <= 0 or min_articles <= 0:
            raise NotConfigured("NEWS_REPEATED_LINES_WINDOW or NEWS_REPEATED_LINES_MIN is 0")
        if min_articles > window:
            raise ValueError(
                f"NEWS_REPEATED_LINES_MIN ({min_articles}) is more than "
                f"NEWS_REPEATED_LINES_WINDOW ({window}): no line could ever go"
            )
        pipeline = cls(crawler, window, min_articles, settings.getint("NEWS_MIN_TEXT_CHARS"))
        crawler.signals.connect(pipeline.written, signal=signals.item_scraped)
        crawler.signals.connect(pipeline.not_written, signal=signals.item_dropped)
        crawler.signals.connect(pipeline.not_written, signal=signals.item_error)
        return pipeline

    def open_spider(self) -> None:
        state = state_of(self.crawler)
        if state is not None:
            self.memory = SiteMemory(
                self.window, state.store.site_lines, state.store.store_site_lines
            )

    def close_spider(self) -> None:
        self.memory.flush()

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        site = site_of(item.canonical_url or item.url)
        self.pending[id(item)] = (site, keys_of(item.text))
        text, gone = without_repeats(
            item.text, self.memory[site], self.min_articles, self.min_chars
        )
        if gone:
            logger.debug("%d lines that %s repeats taken out of %s", len(gone), site, item.url)
            item.text = text
            if item.content:
                item.content = without_lines(item.content, set(gone))
            count(self.crawler, "repeats/lines_removed", item.source, len(gone))
            count(self.crawler, "repeats/articles_cleaned", item.source)
        return item

    def written(self, item: Any, **_: Any) -> None:
        found = self.pending.pop(id(item), None)
        if found is None or getattr(item, "duplicate_of", None):
            return  # a duplicate written with NEWS_DUPLICATES = "mark" is not another page
        self.memory.add(*found)
        self.unsaved += 1
        if self.unsaved >= SAVE_EVERY:
            self.memory.flush()
            self.unsaved = 0

    def not_written(self, item: Any, **_: Any) -> None:
        self.pending.pop(id(item), None)
