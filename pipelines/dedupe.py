"""One story, one record: drop (or mark) an article already written, in this run or an earlier
one, by kind:

- ``url``: the same URL, canonical URL or URL first requested (``crawler.utils.urls.url_key``
  rules);
- ``exact``: the same text, case and spacing aside;
- ``near``: an edited copy (``crawler.neardup``: MinHash LSH in the state store).

In a distributed crawl a fourth kind, ``claimed``: the same URL or text that another worker
is writing at that moment (``crawler.state.redis``).

The first record seen is the one kept. ``NEWS_DUPLICATES = "drop"`` (default) drops the
others; ``"mark"`` writes them too, with ``duplicate_of`` set to the kept record's id.
Without a state store the checks hold within the run only.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler.extensions.state import StateExtension, state_of
from crawler.items import Article
from crawler.neardup import MemorySketches, NearDuplicates, exact_key, sketch
from crawler.state.records import Record, article_record
from crawler.utils.stats import count
from crawler.utils.urls import url_key

logger = logging.getLogger(__name__)


class DuplicatesPipeline:
    """Stats: ``duplicates/url``, ``duplicates/exact``, ``duplicates/near``,
    ``duplicates/claimed`` (also per source); ``duplicates/near_verified``: earlier articles
    compared with new ones; ``duplicates/unlocked``: checks made without the fleet's lock;
    ``duplicates/released``: claims given up by articles not written after all."""

    def __init__(
        self,
        crawler: Crawler,
        policy: str,
        threshold: float,
        min_words: int,
        candidates: int,
        bucket_size: int,
    ) -> None:
        self.crawler = crawler
        self.policy = policy
        self.threshold = threshold
        self.min_words = min_words
        self.candidates = candidates
        self.bucket_size = bucket_size
        self.urls: dict[str, str] = {}  # this run: URL key -> record id
        self.texts: dict[str, str] = {}  # this run: text digest -> record id
        self.near: NearDuplicates | None = None
        # id of the Page -> record of the articles this worker claimed and has not yet written
        self.claimed: dict[int, Record] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DuplicatesPipeline:
        settings = crawler.settings
        policy = settings.get("NEWS_DUPLICATES")
        if policy not in ("drop", "mark"):
            raise ValueError(f"NEWS_DUPLICATES is {policy!r}; use drop or mark")
        pipeline = cls(
            crawler,
            policy,
            settings.getfloat("NEWS_NEAR_DUPLICATE_THRESHOLD"),
            settings.getint("NEWS_NEAR_DUPLICATE_MIN_WORDS"),
            settings.getint("NEWS_NEAR_DUPLICATE_CANDIDATES"),
            settings.getint("NEWS_NEAR_DUPLICATE_BUCKET_SIZE"),
        )
        crawler.signals.connect(pipeline.written, signal=signals.item_scraped)
        crawler.signals.connect(pipeline.not_written, signal=signals.item_dropped)
        crawler.signals.connect(pipeline.not_written, signal=signals.item_error)
        return pipeline

    def open_spider(self) -> None:
        if self.threshold <= 0:
            return
        state = state_of(self.crawler)
        # Without a state store, near duplicates are found within the run, in memory.
        store = state.store if state is not None else MemorySketches()
        self.near = NearDuplicates(
            store,
            self.threshold,
            self.min_words,
            # other workers of a distributed crawl must see a sketch before its line is written
            batch=1 if self.crawler.settings.get("REDIS_URL") else 64,
            candidates=self.candidates,
            bucket_size=self.bucket_size,
        )

    def close_spider(self) -> None:
        if self.near is not None:
            self.near.flush()
            self.crawler.stats.set_value("duplicates/near_verified", self.near.verified)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        state = state_of(self.crawler)
        if state is None:
            return self.check(item, None)
        with state.store.exclusive() as held:  # the other workers of a distributed crawl wait
            if held is False:
                count(self.crawler, "duplicates/unlocked", item.source)
                logger.warning("Checked %s without the fleet's lock (held too long)", item.url)
            return self.check(item, state)

    def check(self, item: Article, state: StateExtension | None) -> Article:
        keys = sorted({url_key(u) for u in (item.url, item.canonical_url) if u})
        original = next((self.urls[k] for k in keys if k in self.urls), None)
        if original is None and state is not None and state.store.seen_urls(keys):
            original = state.store.record_for(keys) or "?"
        if original is not None:
            return self.duplicate(item, "url", original)
        digest = item.digest = exact_key(item.text)
        original = self.texts.get(digest) or (state.store.seen_text(digest) if state else None)
        if original is not None:
            return self.duplicate(item, "exact", original)
        found = (item.sketch or sketch(item.text)) if self.near is not None else None
        if self.near is not None and found is not None:
            match = self.near.find(found, item.id, item.text)
            if match is not None:
                return self.duplicate(item, "near", match[0], match[1])
        if state is not None:
            record = article_record(item)
            if original := state.store.claim(*record):
                return self.duplicate(item, "claimed", original)  # another worker writes it
            self.claimed[item.page_id or id(item)] = record
        if self.near is not None and found is not None:
            self.near.add(found, item.id)
        self.urls.update(dict.fromkeys(keys, item.id))
        self.texts[digest] = item.id
        return item

    def duplicate(self, item: Article, kind: str, original: str, score: float = 1.0) -> Article:
        count(self.crawler, f"duplicates/{kind}", item.source)
        logger.debug("%s duplicates %s (%s, %.2f)", item.url, original, kind, score)
        if self.policy == "mark":
            item.duplicate_of = original
            return item
        if kind != "claimed" and (state := state_of(self.crawler)) is not None:
            # Its URLs need no download next time. Not so for a copy claimed by another
            # worker: if that one dies before writing, the story must still be fetched.
            state.mark_seen([item.url, item.canonical_url, item.requested_url])
        raise DropItem(f"{kind} duplicate of {original}: {item.url}", log_level="DEBUG")

    def written(self, item: Any) -> None:
        self.claimed.pop(item.page_id or id(item), None)  # released when marked emitted

    def not_written(self, item: Any) -> None:
        """Dropped or failed after its claim (the article limit, an unwritable disk): the
        other workers may write their copy. (Scrapy signals the drop with the item that
        entered the pipelines, the ``Page``: claims are kept by the page's id.)"""
        record = self.claimed.pop(id(item), None)
        if record is not None and (state := state_of(self.crawler)) is not None:
            state.store.release([record])
            self.crawler.stats.inc_value("duplicates/released")
