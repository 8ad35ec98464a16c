"""Acknowledging leases of responses whose callback yielded no item."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, Self

from scrapy import Request
from scrapy.crawler import Crawler

from crawler.distributed import LEASE
from crawler.signals import leases_done


class LeaseMiddleware:
    """Acknowledges a response's lease when its callback has run and yielded no item; an
    item carries the lease on (``Page.lease``) until it is written or dropped."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    async def process_spider_output(
        self, response: Any, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        lease = response.request.meta.get(LEASE) if response.request is not None else None
        items = 0
        async for output in result:
            if lease and not isinstance(output, Request):
                items += 1
                if hasattr(output, "lease"):
                    output.lease = lease
            yield output
        if lease and not items:
            self.crawler.signals.send_catch_log(leases_done, leases=[lease])
