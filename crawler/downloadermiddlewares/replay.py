"""Pages from WARC files instead of the network, for ``scrapy crawl warc``.

A request that carries a WARC record (``crawler.warc.REPLAY``: file, offset, length) is
answered with the response in that record, its chunks joined, without a download (its
``Content-Encoding`` is undone by Scrapy's HttpCompressionMiddleware, as for a live response):
the rest of the crawler, from refusal detection to the JSON Lines, treats it as a live one.
Any other request of a replaying spider (a meta refresh, a redirect) is refused:
re-extraction never goes online.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Self

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Headers, Response
from scrapy.responsetypes import responsetypes
from warcio.bufferedreaders import ChunkedDataReader
from warcio.recordloader import ArcWarcRecord

from crawler.utils.stats import inc
from crawler.warc import REPLAY, REPLAY_DATA, WARC_RECORD
from crawler.warc.reader import Entry, read_entry

logger = logging.getLogger(__name__)

# Headers that described the payload as transferred, not as it is handed on (chunks joined).
_TRANSFER_HEADERS = {"transfer-encoding", "content-length"}


class WarcReplayMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.max_bytes = crawler.settings.getint("DOWNLOAD_MAXSIZE") or 2**62

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_request(self, request: Request) -> Response | None:
        spider: Spider | None = self.crawler.spider
        pointer = request.meta.get(REPLAY)
        if pointer is None:
            if getattr(spider, "replays", False):
                inc(self.crawler, "warc/not_archived")
                raise IgnoreRequest(f"not in the WARC files: {request.url}")
            return None
        entry = request.meta.pop(REPLAY_DATA, None)
        if not isinstance(entry, Entry):  # a request restored from a disk queue, or made anew
            entry = read_entry(Path(pointer["file"]), pointer["offset"], pointer["length"],
                               self.max_bytes)  # fmt: skip
        record = entry.record
        if record is None or record.http_headers is None or entry.problem:
            inc(self.crawler, f"warc/skipped/{entry.problem or 'broken'}")
            raise IgnoreRequest(f"WARC record {pointer} cannot be read again")
        body, identity = _payload(record)
        headers = Headers(
            [
                (name, value)
                for name, value in record.http_headers.headers
                if name.lower() not in _TRANSFER_HEADERS
                and not (identity and name.lower() == "content-encoding")
            ]
        )
        status = int(record.http_headers.get_statuscode() or 200)
        request.meta[WARC_RECORD] = pointer
        cls = responsetypes.from_args(headers=headers, url=request.url, body=body)
        return cls(
            url=request.url,
            status=status,
            headers=headers,
            body=body,
            request=request,
            flags=["warc"],
        )


def _payload(record: ArcWarcRecord) -> tuple[bytes, bool]:
    """The record's payload with its chunks joined, and whether it is to be taken as it is
    whatever its ``Content-Encoding`` says: some archivers store the payload decoded and keep
    the header. Otherwise HttpCompressionMiddleware decodes it, as it does a live response
    (gzip, x-gzip, deflate, br, zstd, and several in a row)."""
    chunked = "chunked" in (record.http_headers.get_header("Transfer-Encoding") or "").lower()
    stream = ChunkedDataReader(record.raw_stream) if chunked else record.raw_stream
    body = stream.read()
    return body, body.lstrip()[:1] == b"<"  # markup: no compressed stream begins so
