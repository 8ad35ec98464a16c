"""The ``site`` spider: ``scrapy crawl site -a url=https://host/ [-a max_articles=N]``.

Recipe for a one-off scrape from the home page alone:

1. discover the site's feeds (``<link rel=alternate>`` on the home page, common feed paths) and
   sitemaps (robots.txt, else common paths) and use all of them;
2. follow the site's own links, breadth first, to at most ``max_depth`` clicks from the home
   page and ``max_pages`` pages in all; a page is emitted only when it is an article
   (``crawler.discovery.pages.page_kind``), while listings (sections, tags, authors, pagination,
   about, contact) are only followed;
3. stay on the host (its subdomains too with ``-a subdomains=true``); robots.txt is obeyed by
   Scrapy; the crawl ends at ``max_articles``.

Every article records how it was found: ``source.type`` is feed, sitemap or site, and
``source.url`` the feed, the sitemap or the page that linked to it.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy import Request, signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from twisted.python.failure import Failure

from crawler import arguments
from crawler.discovery.pages import COMMON_FEEDS, feed_links, page_kind
from crawler.discovery.plan import Plan, on_site, site_port
from crawler.exceptions import SpiderArgumentError
from crawler.items import Hints, Source
from crawler.utils.urls import url_key
from crawler.warc import ARCHIVE
from spiders.base import ORIGIN
from spiders.feeds import FeedsMixin
from spiders.sitemap import SitemapMixin

logger = logging.getLogger(__name__)

# Links that never lead to articles: sharing, printing, accounts, comments.
_SKIP_LINKS = (r"/(share|print|login|logout|signin|signup|register|cart|comments?)(/|$|\?)",)


class SiteMixin(SitemapMixin, FeedsMixin):
    """Discovery from a home page and link-following, for any spider."""

    max_depth: int
    max_pages: int

    def configure_links(self, kwargs: dict[str, Any]) -> None:
        """Read ``max_depth`` and ``max_pages`` (arguments, else settings)."""
        self.max_depth = arguments.positive_int("max_depth", kwargs.get("max_depth")) or (
            self.settings.getint("NEWS_SITE_MAX_DEPTH")
        )
        self.max_pages = arguments.positive_int("max_pages", kwargs.get("max_pages")) or (
            self.settings.getint("NEWS_SITE_MAX_PAGES")
        )
        self.links = LinkExtractor(deny=_SKIP_LINKS, unique=True)
        self.listings: set[str] = set()
        self.pages_seen: set[str] = set()
        # Links found on home pages wait until feeds and sitemaps are done, so that what
        # those list is found (and attributed) through them and links only fill the gaps.
        # Links found on articles wait until the listings are exhausted: listings lead to
        # articles, articles mostly to more of the same, so the page budget goes to listings.
        self.held_links: list[Request] = []
        self.crawler.signals.connect(self.release_links, signal=signals.spider_idle)

    def release_links(self) -> None:
        """On idle: the next wave of link-following, with the links held back so far; not
        while feed and sitemap entries still wait in the backlog."""
        if self.backlog:
            return  # the backlog keeps the spider open and releases its entries first
        wave, self.held_links = self.held_links, []
        released = list(self.within_budget(wave))
        if not released:
            return
        assert self.crawler.engine is not None
        logger.info("Following %d more links", len(released))
        for request in released:
            self.crawler.engine.crawl(request)
        raise DontCloseSpider

    def within_budget(self, requests: list[Request]) -> Iterator[Request]:
        """Requests for pages not requested before, up to ``max_pages`` in all."""
        for request in requests:
            key = url_key(request.url)
            if key in self.pages_seen:
                continue
            if len(self.pages_seen) >= self.max_pages:
                self.count("site/page_budget_reached")
                logger.info("Page budget of %d reached; following no more links", self.max_pages)
                return
            self.pages_seen.add(key)
            yield request

    def site_start_requests(self, plan: Plan) -> Iterator[Request]:
        assert plan.home is not None
        yield from self.within_budget([self.page_request(plan.home, plan, 0, plan.home)])
        yield self.robots_request(plan.home, plan)
        for path in COMMON_FEEDS:
            yield self.feed_request(urljoin(plan.home, path), plan, quiet=True)

    def page_request(self, url: str, plan: Plan, depth: int, found_on: str) -> Request:
        return Request(
            url,
            callback=self.parse_page,
            errback=self.page_failed,
            cb_kwargs={"depth": depth, "found_on": found_on},
            meta={ORIGIN: plan.name, ARCHIVE: True},
            priority=-depth,  # breadth first: what is near the home page comes first
        )

    def page_failed(self, failure: Failure) -> None:
        """A home or listing page that failed or was refused (``site/failed/<reason>``)."""
        self.fetch_failed(failure, "site", "Page", logging.WARNING)

    def parse_page(self, response: Response, depth: int, found_on: str) -> Iterator[Any]:
        """A page reached by links: emit it if it is an article, follow its links."""
        if not isinstance(response, TextResponse):
            self.count("site/not_html")
            return
        plan = self.plan(response)
        if depth == 0:
            for feed in feed_links(response.selector, response.url):
                if self.poll_due(feed, plan, "feeds"):
                    yield self.feed_request(feed, plan)
        is_article = depth > 0 and page_kind(response.selector, response.url) == "article"
        if is_article:
            self.count("site/articles")
            source: Source = {"type": "site", "url": found_on}
            if plan.name:
                source["name"] = plan.name
            page = None if plan.full else self.page(response, source, {})
            if page is not None:
                yield page
        else:
            self.count("site/listings")
            self.listings.add(url_key(response.url))
        if depth >= self.max_depth or plan.full:
            return
        links = [
            self.page_request(link.url, plan, depth + 1, response.url)
            for link in self.links.extract_links(response)
            if on_site(link.url, plan) and url_key(link.url) not in self.pages_seen
        ]
        if depth == 0 or is_article:
            self.held_links.extend(links)
        else:
            yield from self.within_budget(links)

    def article_requests(
        self, url: str, source: Source, hints: Hints, plan: Plan, date: str | None = None
    ) -> Iterator[Request]:
        """Feed and sitemap articles come before link-following pages (keeping a sitemap's
        newest-first order); a page already taken for a listing is fetched again when a feed
        or sitemap says it is an article."""
        for request in super().article_requests(url, source, hints, plan, date):
            if url_key(url) in self.listings:
                request = request.replace(dont_filter=True)
            yield request.replace(priority=request.priority + 1_000_000)


class SiteSpider(SiteMixin):
    name = "site"
    one_off = True  # no state store unless -a state=on (crawler.extensions.state.uses_state)

    def plan_from_arguments(self, kwargs: dict[str, Any]) -> Plan:
        plan = super().plan_from_arguments(kwargs)
        urls = arguments.url_list("url", kwargs.get("url", ""))
        if len(urls) != 1:
            raise SpiderArgumentError("url", kwargs.get("url"), "give exactly one home page URL")
        plan.home = urls[0]
        plan.subdomains = arguments.boolean("subdomains", kwargs.get("subdomains", False))
        host = (urlsplit(plan.home).hostname or "").lower()
        plan.allowed_hosts = [host.removeprefix("www.") if plan.subdomains else host]
        plan.origin_only, plan.port = True, site_port(plan.home)
        self.configure_links(kwargs)
        return plan

    async def seeds(self) -> AsyncIterator[Request]:
        for plan in self.plans.values():
            for request in self.site_start_requests(plan):
                yield request
