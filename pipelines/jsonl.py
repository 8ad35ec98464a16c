"""Write articles as JSON Lines, one file per run, exactly once each, whatever ends the run.

The protocol:

1. Lines go to ``<path>.part``, each flushed to the operating system as it is written.
2. At least once a second (``NEWS_OUTPUT_SYNC_SECONDS``) the file is synced to disk, and only
   then are its articles marked as emitted in the state store. A line is thus on disk before
   the state says it was written; an article in the state is never lost.
3. When the run ends (finished, Ctrl-C, SIGTERM, an error) the file is synced, the state
   committed, and the file renamed to ``<path>``. A run that wrote nothing leaves no file.
4. At the next start, any ``*.jsonl.part`` left by a run that was killed or lost power is
   recovered: its complete, valid lines are kept (a torn last line is cut), their articles are
   marked as emitted, and it is renamed to ``*.jsonl``.

So a reader that takes ``*.jsonl`` never sees a file being written, and the union of all
``*.jsonl`` files holds every article exactly once. With ``-o``/``-O`` (Scrapy's FEEDS) this
pipeline is off, and Scrapy's feed exporter writes instead.
"""

from __future__ import annotations

import glob
import json
import logging
import os
import time
from pathlib import Path
from typing import IO, Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.defer import deferred_from_coro

from crawler import exitcodes
from crawler.counters import count
from crawler.exceptions import OutputError
from crawler.extensions.state import StateExtension, state_of
from crawler.items import OUTPUT_FIELDS, Article
from crawler.neardup import exact_key
from crawler.runinfo import run_path
from crawler.urls import url_key

logger = logging.getLogger(__name__)

Record = tuple[str, list[str], str]  # record id, URL keys, text digest


def article_record(article: Article) -> Record:
    urls = {article.url, article.canonical_url, article.requested_url or article.url}
    return article.id, sorted({url_key(u) for u in urls}), exact_key(article.text)


class JsonLinesPipeline:
    """Stats: ``output/articles`` (lines written), ``output/recovered_files`` and
    ``output/recovered_lines`` (from killed runs), ``output/torn_lines`` (cut)."""

    def __init__(self, crawler: Crawler, path: Path, pattern: str, sync_seconds: float) -> None:
        self.crawler = crawler
        self.path = path
        self.pattern = pattern
        self.partial = path.with_name(path.name + ".part")
        self.sync_seconds = sync_seconds
        self.file: IO[str] | None = None
        self.written = 0
        self.pending: list[Record] = []
        self.synced_at = time.monotonic()
        self.failed = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> JsonLinesPipeline:
        if crawler.settings.getdict("FEEDS"):
            raise NotConfigured("NEWS_OUTPUT_PATH is not used when -o/-O (FEEDS) is given")
        template = crawler.settings.get("NEWS_OUTPUT_PATH")
        if not template:
            raise NotConfigured("NEWS_OUTPUT_PATH is empty")
        pattern = template.format(spider="*", start="*") + ".part"
        sync = crawler.settings.getfloat("NEWS_OUTPUT_SYNC_SECONDS")
        return cls(crawler, Path(run_path(crawler, template)), pattern, sync)

    @property
    def state(self) -> StateExtension | None:
        return state_of(self.crawler)

    def open_spider(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.recover()
            self.file = self.partial.open("w", encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"cannot write output {self.partial}: {exc}") from exc

    def recover(self) -> None:
        """Promote the ``.part`` files of runs that did not end to ``.jsonl`` files.

        Only under the state store's lock: without it, a ``.part`` may be a live run's file.
        """
        if self.state is None:
            return
        for leftover in map(Path, sorted(glob.glob(self.pattern))):
            records, kept, torn = [], [], 0
            with leftover.open("rb") as handle:
                for raw in handle:
                    try:
                        data = json.loads(raw.decode("utf-8"))
                        if not raw.endswith(b"\n") or not isinstance(data, dict):
                            raise ValueError("torn line")
                    except ValueError:
                        torn += 1
                        break  # a torn line can only be the last one written
                    kept.append(raw)
                    records.append(_record_of(data))
            target = leftover.with_name(leftover.name.removesuffix(".part"))
            if kept:
                with leftover.open("wb") as handle:
                    handle.writelines(kept)
                    handle.flush()
                    os.fsync(handle.fileno())
                self.state.store.mark_emitted(records)
                os.replace(leftover, target)
            else:
                leftover.unlink()
            self._stat("output/recovered_files")
            self._stat("output/recovered_lines", len(kept))
            self._stat("output/torn_lines", torn)
            logger.warning(
                "Recovered %d articles from %s, left by a run that did not end (%d torn lines cut)",
                len(kept), leftover, torn,
            )  # fmt: skip

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article) or self.file is None:
            return item
        if self.failed:
            raise DropItem("output is not writable", log_level="DEBUG")
        adapter = ItemAdapter(item)
        line = json.dumps({name: adapter[name] for name in OUTPUT_FIELDS}, ensure_ascii=False)
        try:
            self.file.write(line + "\n")
            self.file.flush()
            self.pending.append(article_record(item))
            if time.monotonic() - self.synced_at >= self.sync_seconds:
                self.sync()
        except OSError as exc:
            self.fail(exc)
            raise DropItem(f"output not writable: {exc}", log_level="DEBUG") from exc
        self.written += 1
        count(self.crawler, "output/articles", item.source)
        return item

    def sync(self) -> None:
        """Put the lines on disk, then mark their articles as emitted."""
        assert self.file is not None
        os.fsync(self.file.fileno())
        self.synced_at = time.monotonic()
        if self.pending and self.state is not None:
            self.state.store.mark_emitted(self.pending)
        self.pending = []

    def fail(self, exc: OSError) -> None:
        """The disk is full or gone: stop the crawl; what was written stays valid."""
        self.failed = True
        logger.error("Cannot write to %s: %s; stopping the crawl", self.partial, exc)
        assert self.crawler.stats is not None and self.crawler.engine is not None
        self.crawler.stats.set_value(exitcodes.STATS_KEY, exitcodes.OUTPUT_UNWRITABLE)
        deferred_from_coro(self.crawler.engine.close_spider_async(reason="output_error"))

    def close_spider(self) -> None:
        if self.file is None:
            return
        try:
            if self.failed:
                self._truncate_torn()
            self.sync()
            self.file.close()
        except OSError as exc:
            logger.error("Cannot finish %s: %s; the next run recovers it", self.partial, exc)
            self.crawler.stats.set_value(exitcodes.STATS_KEY, exitcodes.OUTPUT_UNWRITABLE)
            return
        finally:
            self.file = None
        if self.written:
            os.replace(self.partial, self.path)
            _sync_folder(self.path.parent)
            logger.info("Wrote %d articles to %s", self.written, self.path)
        else:
            self.partial.unlink(missing_ok=True)
            logger.info("No new articles; no output file written")

    def _truncate_torn(self) -> None:
        """After a failed write, cut the file back to its last complete line."""
        assert self.file is not None
        with self.partial.open("rb+") as handle:
            data = handle.read()
            handle.truncate(data.rfind(b"\n") + 1)

    def _stat(self, key: str, count: int = 1) -> None:
        if self.crawler.stats is not None and count:
            self.crawler.stats.inc_value(key, count)


def _record_of(data: dict[str, Any]) -> Record:
    urls = {str(data.get("url", "")), str(data.get("canonical_url", ""))} - {""}
    return (
        str(data.get("id", "")),
        sorted(url_key(u) for u in urls),
        exact_key(str(data.get("text", ""))),
    )


def _sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX: sync the folder's entry list)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
