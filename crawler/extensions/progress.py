"""Progress for people: a live display on a terminal, periodic log lines elsewhere (cron), and
a one-line summary at the end of every crawl.

``NEWS_PROGRESS``: ``auto`` (display when stderr is a terminal, else log lines), ``display``,
``log`` or ``off`` (summary only). ``NEWS_PROGRESS_INTERVAL``: seconds between log lines.
"""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass

from rich.console import Console
from rich.live import Live
from rich.text import Text
from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector
from twisted.internet import task

logger = logging.getLogger(__name__)

_ERRORS = (
    "feeds/failed",
    "sitemaps/failed",
    "site/failed",
    "articles/failed",
    "extraction/failed",
)


@dataclass
class Snapshot:
    """The figures people want to see, read from the stats."""

    pages: int
    articles: int
    duplicates: int
    no_article: int
    errors: int  # refusals apart: those are ``blocked``
    blocked: int
    seconds: float

    @classmethod
    def of(cls, stats: StatsCollector, started: float) -> Snapshot:
        values = stats.get_stats()
        return cls(
            pages=values.get("response_received_count", 0),
            articles=values.get("output/articles", values.get("item_scraped_count", 0)),
            duplicates=sum(v for k, v in values.items() if k.startswith("duplicates/")),
            no_article=values.get("extraction/no_article", 0),
            errors=sum(values.get(key, 0) - values.get(f"{key}/blocked", 0) for key in _ERRORS),
            blocked=values.get("blocked/responses", 0) + values.get("blocked/not_requested", 0),
            seconds=max(time.monotonic() - started, 1e-6),
        )

    def line(self) -> str:
        return (
            f"{self.pages} pages fetched, {self.articles} articles written, "
            f"{self.duplicates} duplicates, {self.no_article} without article, "
            f"{self.blocked} blocked, {self.errors} errors; {self.pages / self.seconds:.1f} pages/s"
        )


class Progress:
    def __init__(self, crawler: Crawler, mode: str, interval: float) -> None:
        self.crawler = crawler
        self.mode = mode
        self.interval = interval
        self.started = time.monotonic()
        self.loop: task.LoopingCall | None = None
        self.live: Live | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        mode = crawler.settings.get("NEWS_PROGRESS")
        if mode not in ("auto", "display", "log", "off"):
            raise ValueError(f"NEWS_PROGRESS is {mode!r}; use auto, display, log or off")
        if mode == "auto":
            mode = "display" if sys.stderr.isatty() else "log"
        extension = cls(crawler, mode, crawler.settings.getfloat("NEWS_PROGRESS_INTERVAL"))
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def snapshot(self) -> Snapshot:
        assert self.crawler.stats is not None
        return Snapshot.of(self.crawler.stats, self.started)

    def spider_opened(self, spider: Spider) -> None:
        self.started = time.monotonic()
        if self.mode == "display":
            self.live = Live(console=Console(stderr=True), refresh_per_second=4, transient=True)
            self.live.start()
            self.loop = task.LoopingCall(self.show)
            self.loop.start(0.5)
        elif self.mode == "log":
            self.loop = task.LoopingCall(self.log)
            self.loop.start(self.interval, now=False)

    def show(self) -> None:
        if self.live is not None:
            self.live.update(Text(f"{self.crawler.spidercls.name}: " + self.snapshot().line()))

    def log(self) -> None:
        logger.info("Progress: %s", self.snapshot().line())

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        if self.live is not None:
            self.live.stop()
        snapshot = self.snapshot()
        logger.info(
            "Summary: %s in %.1f s; finish reason: %s", snapshot.line(), snapshot.seconds, reason
        )
