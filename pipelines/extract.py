"""Turn fetched pages into articles with trafilatura, in worker processes; drop pages that hold
no article.

Each ``Page`` goes to a worker (``crawler.extraction.workers``: ``NEWS_EXTRACT_WORKERS``, one
per core by default) and the pipeline awaits the result, so downloads go on meanwhile. With
``NEWS_EXTRACT_WORKERS = 0`` extraction runs in the crawl process itself (for debugging).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.misc import load_object

from crawler.exceptions import NotText
from crawler.extensions.state import state_of
from crawler.extraction.assemble import assemble_article
from crawler.extraction.extracted import Extracted, ExtractionOptions
from crawler.extraction.workers import (
    ExtractionTimeout,
    WorkerDied,
    WorkerPool,
    default_workers,
)
from crawler.items import Article, Page
from crawler.utils.dates import parse_date
from crawler.utils.memory import freeze_heap
from crawler.utils.stats import count

logger = logging.getLogger(__name__)


class ExtractionPipeline:
    """``Page`` in, ``Article`` out. Other items pass untouched.

    Stats: ``extraction/ok``; ``extraction/no_article`` (no text, or shorter than
    ``NEWS_MIN_TEXT_CHARS``); ``extraction/failed`` (the extractor raised),
    ``extraction/timeout`` (past ``NEWS_EXTRACT_TIMEOUT``), ``extraction/worker_died``;
    ``extraction/not_text`` (binary data served as HTML); ``since/dropped`` (published before
    ``since``).
    """

    def __init__(
        self,
        crawler: Crawler,
        function: str,
        options: ExtractionOptions,
        min_text_chars: int,
        workers: int,
        timeout: float,
        max_tasks: int = 0,
        preload: Sequence[str] = (),
    ) -> None:
        self.crawler = crawler
        self.function = function
        self.options = options
        self.min_text_chars = min_text_chars
        self.workers = workers
        self.timeout = timeout
        self.max_tasks = max_tasks
        self.preload = preload
        self.pool: WorkerPool | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractionPipeline:
        settings = crawler.settings
        favor = settings.get("NEWS_EXTRACT_FAVOR")
        if favor not in ("balanced", "precision", "recall"):
            raise ValueError(f"NEWS_EXTRACT_FAVOR is {favor!r}; use balanced, precision or recall")
        content_format = (settings.get("NEWS_CONTENT_FORMAT") or "").lower()
        if content_format not in ("", "markdown", "html"):
            raise ValueError(f"NEWS_CONTENT_FORMAT is {content_format!r}; use markdown, html or ''")
        workers = settings.getint("NEWS_EXTRACT_WORKERS")
        return cls(
            crawler,
            settings.get("NEWS_EXTRACT_FUNCTION"),
            ExtractionOptions(
                favor=favor,
                tables=settings.getbool("NEWS_EXTRACT_TABLES"),
                content_format=content_format,
            ),
            settings.getint("NEWS_MIN_TEXT_CHARS"),
            default_workers() if workers < 0 else workers,
            settings.getfloat("NEWS_EXTRACT_TIMEOUT"),
            settings.getint("NEWS_EXTRACT_MAX_TASKS"),
            settings.getlist("NEWS_EXTRACT_PRELOAD"),
        )

    def open_spider(self) -> None:
        freeze_heap()  # Scrapy's components are built: what the crawl process keeps for life
        if self.workers > 0:
            self.pool = WorkerPool(
                self.workers, self.timeout, self.max_tasks, self.preload, warm=self.function
            )
            logger.info("Extracting in %d worker processes", self.workers)

    def close_spider(self) -> None:
        if self.pool is not None:
            self.pool.close()

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, Page):
            return item
        args = (
            item.body, item.url, item.content_type, item.content_language, self.options,
            item.hints.get("content"),
        )  # fmt: skip
        try:
            if self.pool is not None:
                found = await self.pool.run(self.function, *args)
            else:
                found = load_object(self.function)(*args)
        except NotText as exc:
            count(self.crawler, "extraction/not_text", item.source)
            logger.info("Not a text page: %s (%s)", item.url, exc)
            raise DropItem(f"not text: {item.url}", log_level="DEBUG") from None
        except (ExtractionTimeout, WorkerDied) as exc:
            kind = "timeout" if isinstance(exc, ExtractionTimeout) else "worker_died"
            self.fail(item, kind, str(exc))
        except Exception as exc:  # a third-party parser on hostile input must not end the crawl
            self.fail(item, "failed", repr(exc))
        return self.article(item, found)

    def article(self, item: Page, found: Extracted | None) -> Article:
        # A page that declares itself an article may be a brief: half the minimum will do.
        minimum = self.min_text_chars
        if found is not None and found.declared_article:
            minimum //= 2
        if found is None or len(found.text) < minimum:
            count(self.crawler, "extraction/no_article", item.source)
            if found is not None and (found.evidence.free is False or found.paywall_box):
                count(self.crawler, "blocked/paywall", item.source)  # the wall left too little
            if (state := state_of(self.crawler)) is not None:
                state.mark_seen([item.url, item.requested_url])
            size = len(found.text) if found else 0
            logger.info("No article on %s (%d characters of text)", item.url, size)
            raise DropItem(f"no article text: {item.url}", log_level="DEBUG")
        count(self.crawler, "extraction/ok", item.source)
        article = assemble_article(item, found)
        published = parse_date(article.published)
        since = parse_date(item.since)
        if since and published and published < since:
            count(self.crawler, "since/dropped", item.source)
            raise DropItem(f"published {article.published}, before {item.since}", log_level="DEBUG")
        if item.languages and article.language and article.language not in item.languages:
            count(self.crawler, "language/dropped", item.source)
            raise DropItem(f"in {article.language}, not {item.languages}", log_level="DEBUG")
        return article

    def fail(self, item: Page, kind: str, reason: str) -> None:
        count(self.crawler, f"extraction/{kind}", item.source)
        logger.error("Extraction %s on %s: %s", kind.replace("_", " "), item.url, reason)
        raise DropItem(f"extraction {kind}: {item.url}", log_level="DEBUG")
