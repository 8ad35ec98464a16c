"""Write articles as JSON Lines, one file per run, that no reader sees half-written.

Lines go to ``<path>.part`` and are flushed one by one; when the spider closes the file is
synced and renamed to ``<path>`` (``NEWS_OUTPUT_PATH``). A run that wrote nothing leaves no file.
With ``-o``/``-O`` (Scrapy's FEEDS) this pipeline is switched off, so nothing is written twice.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import IO, Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.statscollectors import StatsCollector

from crawler.items import Article
from crawler.runinfo import run_path

logger = logging.getLogger(__name__)


class JsonLinesPipeline:
    """Stats: ``output/articles`` (lines written)."""

    def __init__(self, path: Path, stats: StatsCollector) -> None:
        self.path = path
        self.partial = path.with_name(path.name + ".part")
        self.stats = stats
        self.file: IO[str] | None = None
        self.written = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> JsonLinesPipeline:
        if crawler.settings.getdict("FEEDS"):
            raise NotConfigured("NEWS_OUTPUT_PATH is not used when -o/-O (FEEDS) is given")
        template = crawler.settings.get("NEWS_OUTPUT_PATH")
        if not template:
            raise NotConfigured("NEWS_OUTPUT_PATH is empty")
        assert crawler.stats is not None
        return cls(Path(run_path(crawler, template)), crawler.stats)

    def open_spider(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.file = self.partial.open("w", encoding="utf-8")

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article) or self.file is None:
            return item
        line = json.dumps(ItemAdapter(item).asdict(), ensure_ascii=False)
        self.file.write(line + "\n")
        self.file.flush()
        self.written += 1
        self.stats.inc_value("output/articles")
        return item

    def close_spider(self) -> None:
        if self.file is None:
            return
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        self.file = None
        if self.written:
            os.replace(self.partial, self.path)
            logger.info("Wrote %d articles to %s", self.written, self.path)
        else:
            self.partial.unlink(missing_ok=True)
            logger.info("No new articles; no output file written")
