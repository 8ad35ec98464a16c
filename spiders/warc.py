"""``scrapy crawl warc -a files=PATH[,PATH...]``: articles from WARC files, without fetching.

Reads the response records of any WARC (this crawler's own, Common Crawl's CC-NEWS, wget's
``--warc-file``, other archivers'), ``.warc.gz`` or ``.warc``, globs accepted, and hands each
HTML page with status 200 to the same extraction, duplicates and output as a live crawl
(``crawler.downloadermiddlewares.replay`` answers its request from the file). ``since``,
``languages`` and ``max_articles`` apply as in a live crawl. Like a one-off scrape it keeps no
state unless asked: ``-a state=on`` skips what earlier runs emitted (an archive taken in
month by month). Each record says where it came from: ``source`` ``{"type": "warc", "url":
FILE}``, ``warc`` its record, ``fetched_at`` the record's WARC-Date.

Records skipped are counted, and the rest go on: ``warc/skipped/<why>``, where why is
``revisit``, ``not_html``, ``status`` (not 200), ``truncated``, ``broken`` (a gzip member
that does not inflate, headers that do not parse) or ``too_large`` (over
``DOWNLOAD_MAXSIZE``). ``warc/responses``: HTML responses handed on.
"""

from __future__ import annotations

import glob
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy import Request
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.asyncio import sleep

from crawler.discovery.plan import Plan
from crawler.exceptions import SpiderArgumentError
from crawler.items import Hints, Page, Source
from crawler.warc import REPLAY, REPLAY_DATA
from crawler.warc.reader import Entry, entries
from spiders.base import HTML_TYPES, NewsSpider

logger = logging.getLogger(__name__)

FETCHED = "news_warc_date"  # request.meta key: the record's WARC-Date


class WarcSpider(NewsSpider):
    name = "warc"
    one_off = True  # no state unless -a state=on
    replays = True

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        # Nothing is fetched: no robots.txt to ask, no host to spare.
        for name, value in {
            "ROBOTSTXT_OBEY": False,
            "DOWNLOAD_DELAY": 0,
            "AUTOTHROTTLE_ENABLED": False,
            "CONCURRENT_REQUESTS_PER_DOMAIN": settings.getint("CONCURRENT_REQUESTS"),
        }.items():
            settings.set(name, value, priority="spider")

    def plan_from_arguments(self, kwargs: dict[str, Any]) -> Plan:
        plan = super().plan_from_arguments(kwargs)
        self.files = warc_files(kwargs.get("files"))
        return plan

    async def seeds(self) -> AsyncIterator[Request]:
        max_bytes = self.settings.getint("DOWNLOAD_MAXSIZE") or 2**62
        plan = self.plans[""]
        for path in self.files:
            logger.info("Reading %s", path)
            records = 0
            try:
                for entry in entries(path, max_bytes, types=("response",)):
                    records += 1
                    try:
                        request = self.record_request(path, entry, plan)
                    except Exception as exc:  # no request can be made of it (a bad URL)
                        self.count("warc/skipped/broken")
                        logger.warning("Skipping a record in %s at offset %d: %r",
                                       path, entry.offset, exc)  # fmt: skip
                        request = None
                    if request is not None:
                        yield request
                    await self.room()
            except OSError as exc:  # gone, or not ours to read, since the arguments were read
                self.count("warc/unreadable_files")
                logger.error("Cannot read %s: %s", path, exc)
                continue
            if not records:
                self.count("warc/empty_files")
                logger.warning("No WARC record in %s", path)

    async def room(self) -> None:
        """Wait until the scheduler wants more requests. Reading runs in the reactor's
        thread: reading far ahead of extraction would only hold up the responses."""
        await sleep(0)
        engine = self.crawler.engine
        ahead = 2 * self.settings.getint("CONCURRENT_REQUESTS")
        while engine is not None and engine.scheduler is not None:
            try:
                if len(engine.scheduler) < ahead:  # type: ignore[arg-type]
                    return
            except TypeError:  # a scheduler that cannot count
                return
            await sleep(0.02)

    def record_request(self, path: Path, entry: Entry, plan: Plan) -> Request | None:
        """The request that replays a record, or None (counted) for a record that is not an
        HTML page with status 200."""
        record = entry.record
        if entry.problem:
            self.count(f"warc/skipped/{entry.problem}")
            logger.warning("Skipping a %s record in %s at offset %d",
                           entry.problem.replace("_", " "), path, entry.offset)  # fmt: skip
            return None
        if entry.rec_type == "revisit":
            self.count("warc/skipped/revisit")
            return None
        if entry.rec_type != "response" or record is None:
            return None  # requests, warcinfo, metadata: nothing to extract (nor parsed)
        url = record.rec_headers.get_header("WARC-Target-URI") or ""
        if record.http_headers is None or not url.startswith(("http://", "https://")):
            self.count("warc/skipped/broken")
            return None
        if record.http_headers.get_statuscode() != "200":
            self.count("warc/skipped/status")
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
        if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
            self.count("warc/skipped/not_html")
            return None
        source: Source = {"type": "warc", "url": str(path)}
        for request in self.article_requests(url.strip("<>"), source, {}, plan):
            self.count("warc/responses")
            request.meta[REPLAY] = {"file": str(path), "offset": entry.offset,
                                    "length": entry.length}  # fmt: skip
            request.meta[FETCHED] = record.rec_headers.get_header("WARC-Date")
            request.meta[REPLAY_DATA] = entry  # parsed once: its payload is still unread
            request.dont_filter = True  # a later capture of the same URL is read as well
            return request
        return None

    def page(self, response: Response, source: Source, hints: Hints) -> Page | None:
        page = super().page(response, source, hints)
        if page is not None and (fetched := warc_date(response.meta.get(FETCHED))):
            page.fetched_at = fetched
        return page


def warc_files(value: Any) -> list[Path]:
    """``-a files``: paths and globs, comma-separated, of WARC files."""
    patterns = [part.strip() for part in str(value or "").split(",") if part.strip()]
    if not patterns:
        raise SpiderArgumentError("files", value, "at least one WARC file or glob is required")
    found: list[Path] = []
    for pattern in patterns:
        matched = sorted(glob.glob(pattern)) if set(pattern) & set("*?[") else [pattern]
        paths = [Path(p) for p in matched if Path(p).is_file()]
        if not paths:
            raise SpiderArgumentError("files", pattern, "no such WARC file")
        found += [p for p in paths if p not in found]
    return found


def warc_date(value: str | None) -> str | None:
    """A WARC-Date as the output's ``fetched_at`` (UTC, to the second)."""
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()
