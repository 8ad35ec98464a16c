"""The ``feeds`` spider: ``scrapy crawl feeds -a feeds=URL[,URL...]``.

Recipe: fetch each feed (RSS, Atom, RDF or JSON Feed); for every entry, fetch the article page
with the entry's title, date, authors, summary and tags as hints; the pipelines extract, drop
duplicates and write. A feed that cannot be read is logged and counted; the others go on.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any, Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.feeds import parse_feed
from crawler.items import Source
from spiders.base import NewsSpider, url_list

logger = logging.getLogger(__name__)


class FeedsSpider(NewsSpider):
    name = "feeds"

    feed_urls: list[str]

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.feed_urls = url_list("feeds", kwargs.get("feeds", ""))
        return spider

    async def start(self) -> AsyncIterator[Request]:
        for url in self.feed_urls:
            yield Request(
                url,
                callback=self.parse_feed,
                errback=self.feed_failed,
                cb_kwargs={"feed_url": url},
                dont_filter=True,
            )

    def parse_feed(self, response: Response, feed_url: str) -> Iterator[Request]:
        content_type = response.headers.get(b"Content-Type")
        feed = parse_feed(
            response.body, response.url, content_type.decode("latin-1") if content_type else None
        )
        if feed.problem:
            self._count("feeds/invalid")
            logger.warning("Ignoring invalid feed %s: %s", response.url, feed.problem)
            return
        self._count("feeds/fetched")
        if feed.malformed:
            self._count("feeds/malformed")
            logger.info("Feed %s is not well-formed; read what could be read", response.url)
        self._count("feeds/entries", len(feed.entries))
        source: Source = {"type": "feed", "url": feed_url}
        for entry in feed.entries:
            yield self.article_request(entry.url, source, entry.hints())

    def feed_failed(self, failure: Failure) -> None:
        self._count("feeds/failed")
        request = getattr(failure, "request", None)
        logger.error(
            "Feed failed: %s (%s)", request.url if request else "?", failure.getErrorMessage()
        )
