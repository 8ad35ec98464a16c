"""Turn fetched pages into articles with trafilatura; drop pages that hold no article."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from crawler.arguments import parse_date
from crawler.assemble import assemble_article
from crawler.counters import count
from crawler.extensions.state import state_of
from crawler.extraction import ArticleExtractor, ExtractionOptions
from crawler.items import Page

logger = logging.getLogger(__name__)


class ExtractionPipeline:
    """``Page`` in, ``Article`` out. Other items pass untouched.

    Stats: ``extraction/ok``, ``extraction/no_article`` (no text, or shorter than
    ``NEWS_MIN_TEXT_CHARS``), ``extraction/failed`` (the extractor raised).
    """

    def __init__(
        self,
        extractor: ArticleExtractor,
        min_text_chars: int,
        stats: StatsCollector,
        crawler: Crawler | None = None,
    ) -> None:
        self.crawler = crawler
        self.extractor = extractor
        self.min_text_chars = min_text_chars
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractionPipeline:
        settings = crawler.settings
        favor = settings.get("NEWS_EXTRACT_FAVOR", "balanced")
        if favor not in ("balanced", "precision", "recall"):
            raise ValueError(f"NEWS_EXTRACT_FAVOR is {favor!r}; use balanced, precision or recall")
        options = ExtractionOptions(favor=favor, tables=settings.getbool("NEWS_EXTRACT_TABLES"))
        assert crawler.stats is not None
        return cls(
            ArticleExtractor(options),
            settings.getint("NEWS_MIN_TEXT_CHARS"),
            crawler.stats,
            crawler,
        )

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Page):
            return item
        try:
            found = self.extractor(item.body, item.url, item.content_type, item.content_language)
        except Exception as exc:  # a third-party parser on hostile input must not end the crawl
            self.count("extraction/failed", item)
            logger.error("Extraction failed on %s: %r", item.url, exc)
            raise DropItem(f"extraction failed: {item.url}", log_level="DEBUG") from exc
        # A page that declares itself an article may be a brief: half the minimum will do.
        minimum = (
            self.min_text_chars // 2 if found and found.declared_article else self.min_text_chars
        )
        if found is None or len(found.text) < minimum:
            self.count("extraction/no_article", item)
            if self.crawler is not None and (state := state_of(self.crawler)) is not None:
                state.mark_seen([item.url, item.requested_url])
            size = len(found.text) if found else 0
            logger.debug("No article on %s (%d characters of text)", item.url, size)
            raise DropItem(f"no article text: {item.url}", log_level="DEBUG")
        self.count("extraction/ok", item)
        article = assemble_article(item, found)
        published = parse_date(article.published)
        since = parse_date(item.since)
        if since and published and published < since:
            self.count("since/dropped", item)
            raise DropItem(f"published {article.published}, before {item.since}", log_level="DEBUG")
        return article

    def count(self, key: str, item: Page) -> None:
        if self.crawler is not None:
            count(self.crawler, key, item.source)
        else:
            self.stats.inc_value(key)
