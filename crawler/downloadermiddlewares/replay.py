"""Pages from WARC files instead of the network, for ``scrapy crawl warc``.

A request that carries a WARC record (``crawler.warc.REPLAY``: file, offset, length) is
answered with the response in that record, payload decoded (chunks joined, ``gzip``,
``deflate`` and ``br`` unpacked by warcio), without a download: the rest of the crawler, from
refusal detection to the JSON Lines, treats it as a live response. Any other request of a
replaying spider (a meta refresh, a redirect) is refused: re-extraction never goes online.
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

from crawler.utils.stats import inc
from crawler.warc import REPLAY, REPLAY_DATA, WARC_RECORD
from crawler.warc.reader import parse_entry, read_entry

logger = logging.getLogger(__name__)

# Headers that described the payload as transferred, not as it is handed on: decoded.
_TRANSFER_HEADERS = {b"content-encoding", b"transfer-encoding", b"content-length"}


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
        data = request.meta.pop(REPLAY_DATA, None)
        if data is not None:
            entry = parse_entry(pointer["offset"], pointer["length"], data)
        else:
            entry = read_entry(Path(pointer["file"]), pointer["offset"], pointer["length"],
                               self.max_bytes)  # fmt: skip
        record = entry.record
        if record is None or record.http_headers is None or entry.problem:
            inc(self.crawler, f"warc/skipped/{entry.problem or 'broken'}")
            raise IgnoreRequest(f"WARC record {pointer} cannot be read again")
        body = record.content_stream().read()
        headers = Headers(
            [
                (name, value)
                for name, value in record.http_headers.headers
                if name.lower().encode("latin-1") not in _TRANSFER_HEADERS
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
