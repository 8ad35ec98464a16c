"""The ``sitemap`` spider: ``scrapy crawl sitemap -a sitemaps=URL[,URL...]``.

Recipe: each URL may be a sitemap, a sitemap index, a robots.txt or a site root. A robots.txt
gives its ``Sitemap:`` lines; a site root gives its robots.txt, and when that names no sitemap,
the usual locations are tried. Indexes are followed (each sitemap once, at most
``NEWS_SITEMAP_MAX_SITEMAPS`` in all); gzipped sitemaps are unpacked (at most
``DOWNLOAD_MAXSIZE`` bytes). Article entries go newest first when dates are known; Google News
fields (publication date, title, language, keywords) travel with each article as hints.
"""

from __future__ import annotations

import logging
import math
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy import Request
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler import arguments
from crawler.discovery.plan import Plan
from crawler.discovery.sitemaps import parse_sitemap, robots_sitemaps, ungzip
from crawler.exceptions import SpiderArgumentError
from crawler.items import Source
from crawler.utils.dates import parse_date
from crawler.utils.urls import url_key
from spiders.base import ORIGIN, NewsSpider, failed_url

logger = logging.getLogger(__name__)

COMMON_SITEMAPS = (
    "/sitemap.xml",
    "/sitemap_index.xml",
    "/news-sitemap.xml",
    "/sitemap-news.xml",
    "/sitemap_news.xml",
)
_OLDEST = datetime.min.replace(tzinfo=UTC)


class SitemapMixin(NewsSpider):
    """Fetching and reading robots.txt, sitemaps and sitemap indexes, for any spider."""

    _sitemaps_seen: set[str]

    def robots_request(self, site: str, plan: Plan, *, fallback: bool = True) -> Request:
        return Request(
            urljoin(site, "/robots.txt"),
            callback=self.parse_robots,
            errback=self.robots_failed,
            cb_kwargs={"fallback": fallback},
            meta={ORIGIN: plan.name},
            dont_filter=True,
        )

    def parse_robots(self, response: Response, fallback: bool = True) -> Iterator[Request]:
        plan = self.plan(response)
        urls = robots_sitemaps(response.body, response.url)
        self.count("sitemaps/robots_listed", len(urls))
        if not urls and fallback:
            for path in COMMON_SITEMAPS:
                yield from self.sitemap_requests(urljoin(response.url, path), plan, quiet=True)
        for url in urls:
            if self.poll_due(url, plan, "sitemaps"):
                yield from self.sitemap_requests(url, plan)

    def robots_failed(self, failure: Failure) -> Iterator[Request]:
        self.release(failure)
        logger.info("No robots.txt at %s (%s)", failed_url(failure), failure.getErrorMessage())
        request = getattr(failure, "request", None)
        if request is not None and request.cb_kwargs.get("fallback"):
            plan = self.plan(request)
            for path in COMMON_SITEMAPS:
                yield from self.sitemap_requests(urljoin(request.url, path), plan, quiet=True)

    def sitemap_requests(
        self, url: str, plan: Plan, *, quiet: bool = False, priority: int = 100
    ) -> Iterator[Request]:
        """A sitemap request, unless that sitemap was seen or the cap is reached."""
        seen = self.__dict__.setdefault("_sitemaps_seen", set())
        key = url_key(url)
        if key in seen:
            self.count("sitemaps/repeated")
            logger.info("Sitemap %s already followed in this run; not again", url)
            return
        cap = self.settings.getint("NEWS_SITEMAP_MAX_SITEMAPS")
        if len(seen) >= cap:
            self.count("sitemaps/over_cap")
            logger.warning(
                "Not following sitemap %s: NEWS_SITEMAP_MAX_SITEMAPS=%d reached", url, cap
            )
            return
        seen.add(key)
        conditional = self.conditional(url)
        yield Request(
            url,
            callback=self.parse_sitemap,
            errback=self.guess_failed if quiet else self.sitemap_failed,
            cb_kwargs={"quiet": quiet},
            headers=conditional["headers"],
            meta={ORIGIN: plan.name, **conditional["meta"], **self.poll_meta(url)},
            priority=priority,
            dont_filter=True,
        )

    def parse_sitemap(self, response: Response, quiet: bool = False) -> Iterator[Request]:
        plan = self.plan(response)
        listed = response.request.url if response.request else response.url
        if response.status == 304:
            self.count("sitemaps/not_modified", plan=plan)
            logger.info("Sitemap %s not modified since the last run", response.url)
            self.polled(response.request, plan, "nothing", [])
            return
        try:
            body = ungzip(response.body, self.settings.getint("DOWNLOAD_MAXSIZE"))
        except ValueError as exc:
            self.count("sitemaps/invalid", plan=plan)
            logger.warning("Ignoring invalid sitemap %s: %s", response.url, exc)
            self.polled(response.request, plan, "error", [])
            return
        sitemap = parse_sitemap(body, response.url)
        if sitemap.problem:
            if not quiet:
                self.count("sitemaps/invalid", plan=plan)
                logger.warning("Ignoring invalid sitemap %s: %s", response.url, sitemap.problem)
            self.polled(response.request, plan, "error", [])
            return
        self.count("sitemaps/fetched", plan=plan)
        children = sorted(sitemap.children, key=lambda c: _date(c[1]), reverse=True)
        for url, _lastmod in children:
            yield from self.sitemap_requests(url, plan)
        entries = sorted(sitemap.entries, key=lambda e: _date(e.date), reverse=True)
        newest = entries[0].date if entries and entries[0].date else None
        self.remember_validators(listed, response, newest)
        if entries:
            dates = [e.date for e in entries if e.date]
            new = self.new_entries(response.request, [(e.url, e.date) for e in entries])
            self.polled(response.request, plan, "new" if new else "nothing", dates)
        else:  # an index: its news is in the children that changed since it was last read
            new = self.new_entries(response.request, children)
            # how often children change is not how often the site publishes: no gap measured
            self.polled(response.request, plan, "new" if new else "nothing", [])
        self.count("sitemaps/entries", len(entries), plan=plan)
        source: Source = {"type": "sitemap", "url": response.url}
        now = datetime.now(UTC)
        for entry in entries:
            yield from self.entry_requests(
                entry.url, source, entry.hints(), plan, entry.date, age_priority(entry.date, now)
            )

    def sitemap_start_requests(self, plan: Plan) -> Iterator[Request]:
        for url in plan.sitemaps:
            if is_robots(url):
                yield self.robots_request(url, plan, fallback=False)
            elif is_site_root(url):
                yield self.robots_request(url, plan)
            elif self.poll_due(url, plan, "sitemaps"):
                yield from self.sitemap_requests(url, plan)

    def sitemap_failed(self, failure: Failure) -> None:
        self.fetch_failed(failure, "sitemaps", "Sitemap")
        request = getattr(failure, "request", None)
        if request is not None:
            self.polled(request, self.plan(request), "error", [])


def _date(value: str | None) -> datetime:
    return parse_date(value) or _OLDEST


def age_priority(date: str | None, now: datetime) -> int:
    """Newer first, across sitemaps: -1 for the last hour, -2 for two, -3 for four, ... and
    -40 when undated. Few distinct priorities keep Scrapy's scheduler fast; within one,
    requests keep their (newest-first) order."""
    parsed = parse_date(date)
    if parsed is None:
        return -40
    hours = max((now - parsed).total_seconds() / 3600, 0)
    return -1 - int(math.log2(hours + 1))


def is_robots(url: str) -> bool:
    return urlsplit(url).path.lower().endswith("/robots.txt")


def is_site_root(url: str) -> bool:
    return urlsplit(url).path in ("", "/")


class SitemapSpider(SitemapMixin):
    name = "sitemap"

    def plan_from_arguments(self, kwargs: dict[str, Any]) -> Plan:
        plan = super().plan_from_arguments(kwargs)
        plan.sitemaps = arguments.url_list("sitemaps", kwargs.get("sitemaps", ""))
        if not plan.sitemaps:
            raise SpiderArgumentError(
                "sitemaps", kwargs.get("sitemaps"), "at least one URL is required"
            )
        return plan

    async def seeds(self) -> AsyncIterator[Request]:
        for plan in self.plans.values():
            for request in self.sitemap_start_requests(plan):
                yield request
