"""The downloader slot a request waits in: where a host's delay and queue live."""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler


def slot_of(crawler: Crawler, request: Request) -> Any | None:
    """The request's download slot (``scrapy.core.downloader.Slot``), once the downloader has
    given it one; None before, or with no engine."""
    engine = crawler.engine
    if engine is None:
        return None
    key = request.meta.get("download_slot") or engine.downloader.get_slot_key(request)
    return engine.downloader.slots.get(key)
