"""Take out of each article's text the lines its site repeats on article after article
(``crawler.repeats``): a disclaimer, an author's box, a newsletter pitch that extraction kept.

A line at the text's edges goes when at least ``NEWS_REPEATED_LINES_MIN`` of the site's last
``NEWS_REPEATED_LINES_WINDOW`` written articles carried it, a line between the story's own
lines when half of them did. It runs after the duplicate checks, so that they see each
page's text as it came, whatever this memory held at the time. Only written articles count
(not duplicates, not articles dropped later), and each with the lines it had before this
pipeline took any out, so that a template line stays known as long as the site keeps
printing it. With a state store the memory is kept between runs (and shared by the workers
of a distributed crawl); without one it lasts the run.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.extensions.state import state_of
from crawler.items import Article
from crawler.repeats import (
    Seen,
    SiteMemory,
    keyed_lines,
    keys_of,
    site_of,
    without_lines,
    without_repeats,
)
from crawler.utils.stats import count

logger = logging.getLogger(__name__)

SAVE_EVERY = 200  # written articles between saves to the state store: a killed run keeps most


class RepeatedLinesPipeline:
    """Stats: ``repeats/lines_removed``, ``repeats/articles_cleaned`` (also per source), for
    the articles written."""

    def __init__(
        self, crawler: Crawler, window: int, min_articles: int, min_chars: int, markdown: bool
    ) -> None:
        self.crawler = crawler
        self.window = window
        self.min_articles = min_articles
        self.min_chars = min_chars
        self.markdown = markdown  # the record's content is Markdown: its lines can go too
        self.memory = SiteMemory(window)
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
        pipeline = cls(
            crawler,
            window,
            min_articles,
            settings.getint("NEWS_MIN_TEXT_CHARS"),
            settings.get("NEWS_CONTENT_FORMAT") == "markdown",
        )
        # (item_dropped and item_error carry the Page that entered the pipelines, not the
        # Article: what an article showed stays on it, and only written ones are read)
        crawler.signals.connect(pipeline.written, signal=signals.item_scraped)
        return pipeline

    def open_spider(self) -> None:
        state = state_of(self.crawler)
        if state is not None:
            self.memory = SiteMemory(
                self.window, state.store.site_lines, state.store.add_site_lines
            )

    def close_spider(self) -> None:
        self.memory.flush()

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        site = site_of(item.url)  # the page's own host: a syndicated copy wears its template
        keyed = keyed_lines(item.text)
        text, gone = without_repeats(keyed, self.memory[site], self.min_articles, self.min_chars)
        if text is not None:
            logger.debug("%d lines that %s repeats taken out of %s", len(gone), site, item.url)
            item.text = text
            if item.content and self.markdown:
                item.content = without_lines(item.content, gone, text)
        item.template = Seen(site, keys_of(keyed), len(gone))
        return item

    def written(self, item: Any, **_: Any) -> None:
        seen = getattr(item, "template", None)
        if not isinstance(seen, Seen) or item.duplicate_of:
            return  # a duplicate written with NEWS_DUPLICATES = "mark" is not another page
        self.memory.add(seen.site, seen.keys)
        if seen.removed:
            count(self.crawler, "repeats/lines_removed", item.source, seen.removed)
            count(self.crawler, "repeats/articles_cleaned", item.source)
        self.unsaved += 1
        if self.unsaved >= SAVE_EVERY:
            self.memory.flush()
            self.unsaved = 0
