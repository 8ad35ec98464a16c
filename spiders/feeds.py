"""The ``feeds`` spider: ``scrapy crawl feeds -a feeds=URL[,URL...]``.

Recipe: fetch each feed (RSS, Atom, RDF or JSON Feed); for every entry, fetch the article page
with the entry's title, date, authors, summary and tags as hints; the pipelines extract, drop
duplicates and write. A feed that cannot be read is logged and counted; the others go on.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any

from scrapy import Request
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler import arguments
from crawler.discovery.feeds import parse_feed
from crawler.discovery.plan import Plan
from crawler.exceptions import SpiderArgumentError
from crawler.items import Source
from spiders.base import ORIGIN, NewsSpider, header

logger = logging.getLogger(__name__)


class FeedsMixin(NewsSpider):
    """Fetching and reading feeds, for any spider."""

    def feed_request(self, url: str, plan: Plan, *, quiet: bool = False) -> Request:
        """A feed request; ``quiet`` ones (guessed locations) fail without an error line."""
        conditional = self.conditional(url)
        return Request(
            url,
            callback=self.parse_feed,
            errback=self.guess_failed if quiet else self.feed_failed,
            cb_kwargs={"feed_url": url, "quiet": quiet},
            headers=conditional["headers"],
            meta={ORIGIN: plan.name, **conditional["meta"], **self.poll_meta(url)},
            dont_filter=not quiet,
        )

    def parse_feed(self, response: Response, feed_url: str, quiet: bool = False) -> Iterator[Any]:
        plan = self.plan(response)
        if response.status == 304:
            self.count("feeds/not_modified", plan=plan)
            logger.info("Feed %s not modified since the last run", feed_url)
            self.polled(response.request, plan, "nothing", [])
            return
        feed = parse_feed(response.body, response.url, header(response, b"Content-Type"))
        if feed.problem:
            if not quiet:
                self.count("feeds/invalid", plan=plan)
                logger.warning("Ignoring invalid feed %s: %s", response.url, feed.problem)
            self.polled(response.request, plan, "error", [])
            return
        self.count("feeds/fetched", plan=plan)
        if feed.malformed:
            self.count("feeds/malformed")
            logger.info("Feed %s is not well-formed; read what could be read", response.url)
        self.count("feeds/entries", len(feed.entries), plan=plan)
        dates = [e.published for e in feed.entries if e.published]
        self.remember_validators(feed_url, response, max(dates) if dates else None)
        new = self.new_entries(response.request, [(e.url, e.published) for e in feed.entries])
        self.polled(response.request, plan, "new" if new else "nothing", dates)
        source: Source = {"type": "feed", "url": feed_url}
        for entry in feed.entries:
            yield from self.entry_requests(entry.url, source, entry.hints(), plan)

    def feed_failed(self, failure: Failure) -> None:
        self.fetch_failed(failure, "feeds", "Feed")
        request = getattr(failure, "request", None)
        if request is not None:
            self.polled(request, self.plan(request), "error", [])


class FeedsSpider(FeedsMixin):
    name = "feeds"

    def plan_from_arguments(self, kwargs: dict[str, Any]) -> Plan:
        plan = super().plan_from_arguments(kwargs)
        plan.feeds = arguments.url_list("feeds", kwargs.get("feeds", ""))
        if not plan.feeds:
            raise SpiderArgumentError("feeds", kwargs.get("feeds"), "at least one URL is required")
        return plan

    async def seeds(self) -> AsyncIterator[Request]:
        for plan in self.plans.values():
            for url in plan.feeds:
                if self.poll_due(url, plan, "feeds"):
                    yield self.feed_request(url, plan)
