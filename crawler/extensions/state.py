"""Opens the state store for a run: lock first, then expiry or reset; validators at the end.

``NEWS_STATE_PATH`` names the SQLite file (empty: no state, every run stands alone).
``NEWS_STATE_EXPIRE_DAYS`` forgets older entries at every start. ``NEWS_STATE_RESET`` (or
``-a reset_state=true``) empties the store first. Feed and sitemap validators seen in a run are
kept in memory and stored only when the run finished its work: a run that was killed, or
stopped at ``max_articles``, must not make the next one believe a feed was fully read.
"""

from __future__ import annotations

import logging
from pathlib import Path

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler import arguments
from crawler.discovery.polling import Poll
from crawler.state import StateStore, Validators
from crawler.state.lock import RunLock
from crawler.state.sqlite import SqliteStateStore
from crawler.utils.urls import url_key

logger = logging.getLogger(__name__)


class StateExtension:
    def __init__(self, crawler: Crawler, store: StateStore, lock: RunLock | NoLock) -> None:
        self.crawler = crawler
        self.store = store
        self.lock = lock
        self.pending: dict[str, Validators] = {}
        self.pending_polls: dict[str, Poll] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StateExtension:
        settings = crawler.settings
        path = settings.get("NEWS_STATE_PATH")
        if not path:
            raise NotConfigured("NEWS_STATE_PATH is empty: runs keep no state")
        if not uses_state(crawler):
            raise NotConfigured("a one-off run (site spider, -o/-O, or -a state=off)")
        reset = settings.getbool("NEWS_STATE_RESET") or arguments.boolean(
            "reset_state", getattr(crawler.spider, "reset_state", False)
        )
        redis_url = settings.get("REDIS_URL")
        expire_days = settings.getfloat("NEWS_STATE_EXPIRE_DAYS")
        if redis_url:  # distributed: one state for all workers, which run side by side
            # redis is loaded only when used
            from crawler.distributed import worker_name
            from crawler.distributed.outage import client_options
            from crawler.state.redis import RedisStateStore

            lock: RunLock | NoLock = NoLock()
            store: StateStore = RedisStateStore(
                redis_url,
                expire_days,
                settings.get("NEWS_REDIS_PREFIX"),
                worker_name(settings),
                client_options(settings),
            )
            path = redis_url
        else:
            lock = RunLock(Path(f"{path}.lock"))
            lock.acquire()  # before anything is read or written
            try:
                store = SqliteStateStore(Path(path))
            except Exception:
                lock.release()
                raise
        assert crawler.stats is not None
        if reset:
            store.reset()
            crawler.stats.set_value("state/reset", True)
            logger.info("State store %s emptied (reset)", path)
        expired = store.expire(expire_days)
        crawler.stats.set_value("state/expired", expired)
        for kind, count in store.counts().items():
            crawler.stats.set_value(f"state/{kind}_at_start", count)
        extension = cls(crawler, store, lock)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def note_validators(self, url: str, validators: Validators) -> None:
        """Remember a feed's or sitemap's validators, to be stored if the run finishes."""
        self.pending[url] = validators

    def note_poll(self, url: str, poll: Poll) -> None:
        """Remember when a feed or sitemap was fetched and its next interval, to be stored
        if the run finishes."""
        self.pending_polls[url] = poll

    def forget_validators(self, url: str) -> None:
        """A feed or sitemap that listed a page the site refused: its validators are not kept,
        so that the next run reads it whole (not a 304) and asks for that page again."""
        self.pending.pop(url, None)

    def mark_seen(self, urls: list[str | None]) -> None:
        """Remember pages that yielded no record (no article, a duplicate), so that the next
        run does not download them again; they come back when their entries expire."""
        keys = sorted({url_key(url) for url in urls if url})
        if keys:
            self.store.mark_emitted([("", keys, "")])

    def spider_closed(self, spider: Spider, reason: str) -> None:
        try:
            if reason == "finished" and self.pending:
                self.store.store_validators(self.pending)
            if reason == "finished" and self.pending_polls:
                self.store.store_polls(self.pending_polls)
            self.store.close()
        finally:
            self.lock.release()


class NoLock:
    """Distributed workers share the state on purpose: nothing to lock."""

    def release(self) -> None:
        pass


def uses_state(crawler: Crawler) -> bool:
    """Whether this run is incremental: ``-a state=on|off`` says so; otherwise scheduled-style
    runs (feeds, sitemap, sources spiders writing per-run files) are, and one-off scrapes (the
    site spider, or any export with -o/-O) are not: they get everything, every time."""
    if crawler.settings.get("REDIS_URL"):
        return True  # workers of one crawl share what was emitted
    explicit = getattr(crawler.spider, "state", None)
    if explicit is not None:
        return arguments.boolean("state", explicit)
    one_off = getattr(crawler.spidercls, "one_off", False) or bool(
        crawler.settings.getdict("FEEDS")
    )
    return not one_off


def state_of(crawler: Crawler) -> StateExtension | None:
    """The run's state extension, or None when runs keep no state."""
    return crawler.get_extension(StateExtension)
