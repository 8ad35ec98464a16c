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

import fcntl
import glob
import json
import logging
import os
import time
from pathlib import Path
from typing import IO, Any, BinaryIO

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.asyncio import create_looping_call
from scrapy.utils.defer import deferred_from_coro

from crawler import exitcodes
from crawler.distributed import worker_name
from crawler.exceptions import OutputError
from crawler.extensions.state import StateExtension, state_of
from crawler.items import OUTPUT_FIELDS, Article
from crawler.neardup import exact_key
from crawler.signals import leases_done, output_syncing
from crawler.state.records import Record, article_record
from crawler.utils.runinfo import run_path
from crawler.utils.stats import count, inc
from crawler.utils.urls import url_key

logger = logging.getLogger(__name__)


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
        self.pending_leases: list[str] = []
        self.marked = 0  # lines synced and marked in the state store
        self.worker = worker_name(crawler.settings)  # named in the note, for recovery
        self.syncer: Any = None
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
            self.file = self._create()
            _write_synced(self.partial, 0, self.worker)
        except OSError as exc:
            raise OutputError(f"cannot write output {self.partial}: {exc}") from exc
        self.syncer = create_looping_call(self.sync_pending)
        self.syncer.start(self.sync_seconds, now=False)

    def _create(self) -> IO[str]:
        """The new ``.part`` file, created exclusively (a worker started in the same second
        on this machine gets ``-<pid>`` names) and locked while it lives: not to be recovered."""
        try:
            handle = os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            suffix = f"-{os.getpid()}"
            self.path = self.path.with_name(self.path.name.replace(".jsonl", f"{suffix}.jsonl"))
            self.partial = self.path.with_name(self.path.name + ".part")
            handle = os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return os.fdopen(handle, "w", encoding="utf-8")

    def recover(self) -> None:
        """Promote the ``.part`` files of runs that did not end to ``.jsonl`` files.

        A ``.part`` file a live writer holds (its ``flock``: another worker of a distributed
        crawl) is left alone. Lines past the last sync a dead writer marked (``.synced``) are
        kept only if no one has written or claimed their article since (in a distributed
        crawl, another worker may have redone a request of the dead one).
        """
        if self.state is None:
            return
        for leftover in map(Path, sorted(glob.glob(self.pattern))):
            if leftover == self.partial:
                continue
            with leftover.open("rb") as handle:
                if not _abandoned(leftover, handle):
                    continue
                kept, records, torn, redone = self._whole_lines(leftover, handle)
                if kept:
                    _rewrite(leftover, kept)
                    # every line kept is ours now: a recovery cut short keeps them all
                    _write_synced(leftover, len(kept), self.worker)
                    self.state.store.mark_emitted(records)
                    os.replace(leftover, leftover.with_name(leftover.name.removesuffix(".part")))
                else:
                    leftover.unlink()
                _synced_path(leftover).unlink(missing_ok=True)
            inc(self.crawler, "output/recovered_files")
            inc(self.crawler, "output/recovered_lines", len(kept))
            inc(self.crawler, "output/torn_lines", torn)
            inc(self.crawler, "output/redone_lines", redone)
            logger.warning(
                "Recovered %d articles from %s, left by a run that did not end (%d torn lines "
                "cut, %d written again by another worker since)",
                len(kept), leftover, torn, redone,
            )  # fmt: skip

    def _whole_lines(
        self, leftover: Path, handle: BinaryIO
    ) -> tuple[list[bytes], list[Record], int, int]:
        """The lines of a dead writer's file to keep, their records, and the counts of torn
        lines (at most the last) and of lines another worker has written since."""
        assert self.state is not None
        # Only a distributed crawl has other writers who may have redone an unmarked line.
        shared = bool(self.crawler.settings.get("REDIS_URL"))
        marked, writer = _synced_note(leftover)
        kept: list[bytes] = []
        records: list[Record] = []
        redone = 0
        for number, raw in enumerate(handle):
            try:
                data = json.loads(raw.decode("utf-8"))
                if not raw.endswith(b"\n") or not isinstance(data, dict):
                    raise ValueError("torn line")
            except ValueError:
                return kept, records, 1, redone  # a torn line can only be the last written
            record = _record_of(data)
            # claimed for this worker (the dead writer's claims too), the line is ours to
            # keep; another has it: redone
            if shared and number >= marked and self.state.store.claim(*record, adopt=writer):
                redone += 1
                continue
            kept.append(raw)
            records.append(record)
        return kept, records, 0, redone

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article) or self.file is None:
            return item
        if self.failed:
            item.lease = None  # not written: its request must be done again
            raise DropItem("output is not writable", log_level="DEBUG")
        adapter = ItemAdapter(item)
        line = json.dumps({name: adapter[name] for name in OUTPUT_FIELDS}, ensure_ascii=False)
        try:
            self.file.write(line + "\n")
            self.file.flush()
            self.pending.append(article_record(item))
            if item.lease:
                self.pending_leases.append(item.lease)
            if time.monotonic() - self.synced_at >= self.sync_seconds:
                self.sync()
        except OSError as exc:
            self.fail(exc)
            item.lease = None  # not written: its request must be done again
            raise DropItem(f"output not writable: {exc}", log_level="DEBUG") from exc
        self.written += 1
        count(self.crawler, "output/articles", item.source)
        return item

    def sync_pending(self) -> None:
        """Sync what is pending even when no new article comes: the state, and in a
        distributed crawl the leases, must not wait for the next article or the end."""
        if self.file is not None and (self.pending or self.pending_leases) and not self.failed:
            try:
                self.sync()
            except OSError as exc:
                self.fail(exc)

    def sync(self) -> None:
        """Put the lines on disk, then mark their articles as emitted."""
        assert self.file is not None
        self.crawler.signals.send_catch_log(output_syncing)  # the WARC records lines point at
        os.fsync(self.file.fileno())
        self.synced_at = time.monotonic()
        if self.pending and self.state is not None:
            # The note first: lines it covers are on disk and ours, marked or about to be;
            # a line past it that the state knows was written by another worker.
            self.marked += len(self.pending)
            _write_synced(self.partial, self.marked, self.worker)
            self.state.store.mark_emitted(self.pending)
        self.pending = []
        if self.pending_leases:  # distributed mode: these requests are done with
            self.crawler.signals.send_catch_log(leases_done, leases=self.pending_leases)
            self.pending_leases = []

    def fail(self, exc: OSError) -> None:
        """The disk is full or gone: stop the crawl; what was written stays valid."""
        self.failed = True
        logger.error("Cannot write to %s: %s; stopping the crawl", self.partial, exc)
        assert self.crawler.stats is not None and self.crawler.engine is not None
        self.crawler.stats.set_value(exitcodes.STATS_KEY, exitcodes.OUTPUT_UNWRITABLE)
        deferred_from_coro(self.crawler.engine.close_spider_async(reason="output_error"))

    def close_spider(self) -> None:
        if self.syncer is not None and self.syncer.running:
            self.syncer.stop()
        if self.file is None:
            return
        try:
            if self.failed:
                self._truncate_torn()
            self.sync()
            # Renamed while still locked: a worker starting its recovery meanwhile must not
            # take the finished file for a dead one's.
            if self.written:
                os.replace(self.partial, self.path)
                _sync_folder(self.path.parent)
            else:
                self.partial.unlink(missing_ok=True)
            _synced_path(self.partial).unlink(missing_ok=True)
            self.file.close()
        except OSError as exc:
            logger.error("Cannot finish %s: %s; the next run recovers it", self.partial, exc)
            self.crawler.stats.set_value(exitcodes.STATS_KEY, exitcodes.OUTPUT_UNWRITABLE)
            return
        finally:
            self.file = None
        if self.written:
            logger.info("Wrote %d articles to %s", self.written, self.path)
        else:
            logger.info("No new articles; no output file written")

    def _truncate_torn(self) -> None:
        """After a failed write, cut the file back to its last complete line."""
        assert self.file is not None
        with self.partial.open("rb+") as handle:
            data = handle.read()
            handle.truncate(data.rfind(b"\n") + 1)


def _abandoned(leftover: Path, handle: BinaryIO) -> bool:
    """Whether a ``.part`` file's writer is gone: no one holds its lock (which this takes) and
    it was not finished and renamed meanwhile."""
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False  # a live writer's file
    return leftover.exists() and os.stat(leftover).st_ino == os.fstat(handle.fileno()).st_ino


def _rewrite(path: Path, lines: list[bytes]) -> None:
    with path.open("wb") as rewritten:
        rewritten.writelines(lines)
        rewritten.flush()
        os.fsync(rewritten.fileno())


def _record_of(data: dict[str, Any]) -> Record:
    # (by the text as written: one that lost a site's template lines is marked without them,
    # and a copy of it under another URL is then left to the near-duplicate check)
    urls = {str(data.get("url", "")), str(data.get("canonical_url", ""))} - {""}
    return (
        str(data.get("id", "")),
        sorted(url_key(u) for u in urls),
        exact_key(str(data.get("text", ""))),
    )


def _synced_path(partial: Path) -> Path:
    return partial.with_name(partial.name + ".synced")


def _write_synced(partial: Path, lines: int, writer: str) -> None:
    """Note how many lines of a ``.part`` file are marked in the state store, and its
    writer (whose claims are its own lines'), durably."""
    note = _synced_path(partial)
    temporary = note.with_name(note.name + ".tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        handle.write(f"{lines}\t{writer}")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, note)


def _synced_note(partial: Path) -> tuple[int, str]:
    """The lines marked and the writer, from a ``.part`` file's note ((0, "") for none)."""
    try:
        lines, _, writer = _synced_path(partial).read_text(encoding="utf-8").partition("\t")
        return int(lines.strip() or 0), writer.strip()
    except (OSError, ValueError):
        return 0, ""


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
