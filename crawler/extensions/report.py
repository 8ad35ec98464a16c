"""The run report: a JSON file with the crawl's outcome and counters, for people and monitors."""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler import exitcodes
from crawler.downloadermiddlewares.refusals import RefusalMiddleware
from crawler.utils.runinfo import run_path, run_start, utc_now
from crawler.utils.stats import by_source

logger = logging.getLogger(__name__)


def _clock(spider: Spider) -> str | None:
    clock = getattr(spider, "clock", None)
    return datetime.fromtimestamp(clock, UTC).isoformat(timespec="seconds") if clock else None


class RunReport:
    """Writes ``NEWS_REPORT_PATH`` when the spider closes (atomically: temp file, rename)."""

    def __init__(self, crawler: Crawler, path: Path) -> None:
        self.crawler = crawler
        self.path = path

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunReport:
        template = crawler.settings.get("NEWS_REPORT_PATH")
        if not template:
            raise NotConfigured("NEWS_REPORT_PATH is empty")
        extension = cls(crawler, Path(run_path(crawler, template)))
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self, spider: Spider, reason: str) -> None:
        assert self.crawler.stats is not None
        stats = self.crawler.stats.get_stats()
        refusals = self.crawler.get_downloader_middleware(RefusalMiddleware)
        report: dict[str, Any] = {
            "spider": spider.name,
            "started": run_start(self.crawler).isoformat(),
            # the time the run took for now (NEWS_CLOCK in tests and replays): what the health
            # page charts by
            "clock": _clock(spider) or run_start(self.crawler).isoformat(),
            "finished": utc_now(),
            "finish_reason": reason,
            "exit_status": exitcodes.from_stats(stats, reason),
            "sources": by_source(stats),
            "refused": refusals.by_host() if refusals is not None else {},
            # feeds and sitemaps: interval (s), when due next, this run's outcome or "not_due"
            "polling": getattr(spider, "polling", {}),
            "stats": {key: stats[key] for key in sorted(stats) if not key.startswith("source/")},
        }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(self.path.name + ".part")
            temporary.write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError as exc:
            logger.error("Cannot write the run report %s: %s", self.path, exc)
            return
        logger.info("Run report written to %s", self.path)
