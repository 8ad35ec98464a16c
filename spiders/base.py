"""The base of every news spider: shared arguments, per-source plans, article pages.

Subclasses find article URLs (in feeds, sitemaps or links) and call ``article_requests``, or
``entry_requests`` for the entries of a feed or sitemap (which wait in ``crawler.discovery.backlog``
until the scheduler runs low); the pipelines do the rest (extraction, duplicates, limits,
writing).

Arguments every spider takes: ``since`` (ISO date or duration such as ``36h``; older entries
are not fetched and older articles are dropped; undated ones are kept) and ``max_articles``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any, Self

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.referer import RefererMiddleware
from scrapy.spidermiddlewares.urllength import UrlLengthMiddleware
from twisted.python.failure import Failure

from crawler import arguments
from crawler.discovery.backlog import Backlog
from crawler.discovery.plan import ORIGIN, Plan, on_site
from crawler.discovery.polling import POLL, Outcome, Poll, clock, next_interval
from crawler.distributed import LEASE
from crawler.distributed.rounds import round_of, round_taken
from crawler.exceptions import SpiderArgumentError
from crawler.extensions.state import state_of
from crawler.items import Hints, Page, Source
from crawler.refusals.detect import Refused
from crawler.signals import leases_done
from crawler.state import Validators
from crawler.utils.dates import parse_date
from crawler.utils.failures import failure_reason
from crawler.utils.runinfo import utc_now
from crawler.utils.stats import inc
from crawler.utils.urls import url_key, without_tracking
from crawler.warc import ARCHIVE, WARC_RECORD

logger = logging.getLogger(__name__)

# A feed due this soon is fetched now: cron starts runs a few seconds apart from the last.
EARLY_SECONDS = 60.0

# Content types that may hold an article page. Others (PDF, images, video) are skipped.
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")


class NewsSpider(Spider):
    """Common ground of the feeds, sitemap, site and sources spiders."""

    plans: dict[str, Plan]
    backlog: Backlog | None
    poll_all: bool  # -a poll=all: every feed and sitemap, due or not
    clock: float  # now, for polling (NEWS_CLOCK in tests)
    polling: dict[str, dict[str, Any]]  # feed or sitemap URL: interval, due, outcome (report)
    due_polls: dict[str, Poll | None]  # due ones not yet requested: their previous poll
    warc: bool  # -a warc=on: archive what is fetched (crawler.downloadermiddlewares.archive)
    replays = False  # reads pages from WARC files instead of fetching them (spiders.warc)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.plans = {"": spider.plan_from_arguments(kwargs)}
        ahead = crawler.settings.getint("NEWS_SCHEDULE_AHEAD")
        distributed = bool(crawler.settings.get("REDIS_URL"))
        spider.backlog = None
        if ahead > 0 and not distributed:
            spider.backlog = Backlog(crawler, spider.release_from_backlog, ahead)
        poll = kwargs.get("poll") or crawler.settings.get("NEWS_POLL")
        if poll not in ("adaptive", "all"):
            raise SpiderArgumentError("poll", poll, "expected adaptive or all")
        spider.poll_all = poll == "all"
        spider.clock = clock(crawler.settings)
        spider.polling = {}
        spider.due_polls = {}
        spider.warc = arguments.boolean("warc", kwargs.get("warc", crawler.settings["NEWS_WARC"]))
        return spider

    def plan_from_arguments(self, kwargs: dict[str, Any]) -> Plan:
        """The plan given on the command line; subclasses add their own arguments."""
        return Plan(
            since=arguments.since("since", kwargs.get("since")),
            max_articles=arguments.positive_int("max_articles", kwargs.get("max_articles")),
            allowed_hosts=arguments.host_list("allowed_domains", kwargs.get("allowed_domains")),
            languages=arguments.language_list("languages", kwargs.get("languages")),
        )

    async def start(self) -> AsyncIterator[Request]:
        """The seeds (feeds, sitemaps, the home page); in a distributed crawl, only from the
        first worker of the round (``-a round=ID``, default the UTC minute: workers that cron
        starts together on several machines share it)."""
        if self.settings.get("REDIS_URL"):
            round_id = round_of(self)
            if round_taken(self.crawler, self, round_id):
                logger.info("Round %s is seeded by another worker: taking from its queue", round_id)
                return
            logger.info("Seeding round %s for all workers", round_id)
        async for request in self.seeds():
            yield request

    async def seeds(self) -> AsyncIterator[Request]:
        """The first requests of a crawl."""
        return
        yield

    def plan(self, response_or_request: Response | Request) -> Plan:
        return self.plans[response_or_request.meta.get(ORIGIN, "")]

    def poll_due(self, url: str, plan: Plan, kind: str) -> bool:
        """Whether a feed or sitemap of the plan is due (``crawler.discovery.polling``); one
        that is not is counted (``feeds/not_due``, ``sitemaps/not_due``) and listed in the
        run report with the time it is due."""
        state = state_of(self.crawler)
        if state is None:
            return True
        poll = state.store.polls([url]).get(url)
        interval = plan.poll or (poll.interval if poll is not None else 0.0)
        due_at = poll.fetched + interval if poll is not None else self.clock
        if self.poll_all or due_at <= self.clock + EARLY_SECONDS:
            self.due_polls[url] = poll
            return True
        self.count(f"{kind}/not_due", plan=plan)
        self.polling[url] = {"source": plan.name, "interval": interval, "due": _iso(due_at),
                             "outcome": "not_due"}  # fmt: skip
        logger.debug("%s is not due before %s", url, _iso(due_at))
        return False

    def poll_meta(self, url: str) -> dict[str, Any]:
        """The request meta of a due feed or sitemap: its URL and its previous poll, for
        whichever worker reads the response (a redirect keeps it)."""
        if url not in self.due_polls:
            return {}
        return {POLL: (url, self.due_polls.pop(url))}

    def polled(self, request: Request, plan: Plan, outcome: Outcome, dates: list[str]) -> None:
        """A due feed or sitemap was fetched (or failed): its next interval, kept if the run
        finishes."""
        state = state_of(self.crawler)
        if state is None or POLL not in request.meta:
            return
        url, previous = request.meta[POLL]
        settings = self.crawler.settings
        interval = plan.poll or next_interval(
            previous,
            outcome,
            dates,
            settings.getfloat("NEWS_POLL_MIN_SECONDS"),
            settings.getfloat("NEWS_POLL_MAX_SECONDS"),
        )
        state.note_poll(url, Poll(self.clock, interval))
        self.polling[url] = {"source": plan.name, "interval": interval,
                             "due": _iso(self.clock + interval), "outcome": outcome}  # fmt: skip

    def new_entries(self, request: Request, entries: list[tuple[str, str | None]]) -> bool:
        """Whether a listing polled before has an entry dated after that poll, or (undated,
        or never polled) an entry the state does not know yet: (URL, date) each. Not "any
        entry unknown": entries never written (too old, failing) would keep it "new" for good.
        """
        previous = request.meta.get(POLL, (None, None))[1]
        dated = [moment.timestamp() for _, d in entries if (moment := parse_date(d)) is not None]
        if previous is not None and dated:
            return max(dated) > previous.fetched
        state = state_of(self.crawler)
        keys = sorted({url_key(url) for url, _ in entries if url})
        return state is None or len(state.store.seen_urls(keys)) < len(keys)

    def allows(self, request: Request) -> bool:
        """Whether a request (a redirect, say) is on the hosts of the source it was made for."""
        return on_site(request.url, self.plan(request))

    def entry_requests(
        self,
        url: str,
        source: Source,
        hints: Hints,
        plan: Plan,
        date: str | None = None,
        priority: int = 0,
    ) -> Iterator[Request]:
        """``article_requests`` for an entry of a feed or sitemap: now, or later through the
        backlog (newest first), when the scheduler runs low."""
        if self.backlog is None:
            yield from self.released_entry(url, source, hints, plan.name, date, priority)
            return
        published = parse_date(date or hints.get("published"))
        key = -published.timestamp() if published else float("inf")
        self.backlog.add(key, url, source, hints, plan.name, date, priority)

    def released_entry(
        self,
        url: str,
        source: Source,
        hints: Hints,
        plan_name: str,
        date: str | None,
        priority: int,
    ) -> Iterator[Request]:
        for request in self.article_requests(url, source, hints, self.plans[plan_name], date):
            yield request.replace(priority=request.priority + priority) if priority else request

    def release_from_backlog(self, url: str, source: Source, *entry: Any) -> Iterator[Request]:
        """An entry's requests as the backlog releases them, to the engine directly, past the
        spider middlewares: given here what those give a request the feed or sitemap callback
        yields (``as_if_yielded``)."""
        for request in self.released_entry(url, source, *entry):
            if (request := self.as_if_yielded(request, source["url"])) is not None:
                yield request

    def as_if_yielded(self, request: Request, parent_url: str) -> Request | None:
        """A Referer for the feed or sitemap that listed the request, by the default referrer
        policy (the listing's own ``Referrer-Policy`` header is not kept with the entry), and
        the URL length limit."""
        referer = self.crawler.get_spider_middleware(RefererMiddleware)
        if referer is not None:
            referrer = referer.default_policy().referrer(parent_url, request.url)
            if referrer is not None:
                request.headers.setdefault("Referer", referrer)
        length = self.crawler.get_spider_middleware(UrlLengthMiddleware)
        if length is not None and length.get_processed_request(request, None) is None:
            return None
        return request

    def article_requests(
        self, url: str, source: Source, hints: Hints, plan: Plan, date: str | None = None
    ) -> Iterator[Request]:
        """A request for an article page, unless its known date is older than ``since``."""
        if plan.full:
            self.count("articles/over_limit")
            return
        if not on_site(url, plan):
            self.count("articles/offsite")
            logger.debug("Not fetching %s: not on the hosts of source %r", url, plan.name)
            return
        known = parse_date(date or hints.get("published"))
        if plan.since and known and known < plan.since:
            self.count("since/skipped")
            return
        language = hints.get("language")
        if plan.languages and language and language not in plan.languages:
            self.count("language/skipped", plan=plan)
            return
        url = without_tracking(url)
        state = state_of(self.crawler)
        if state is not None and state.store.seen_urls([url_key(url)]):
            self.count("state/seen_skipped")
            return
        if plan.name:
            source = {**source, "name": plan.name}
        yield Request(
            url,
            callback=self.parse_article,
            errback=self.article_failed,
            cb_kwargs={"source": source, "hints": hints},
            meta={ORIGIN: plan.name, ARCHIVE: True},
        )

    def parse_article(self, response: Response, source: Source, hints: Hints) -> Iterator[Page]:
        """Hand the fetched page to the pipelines, unless it cannot be an article page."""
        page = self.page(response, source, hints)
        if page is not None:
            yield page

    def page(self, response: Response, source: Source, hints: Hints) -> Page | None:
        content_type = header(response, b"Content-Type")
        media_type = (content_type or "").split(";")[0].strip().lower()
        if media_type not in HTML_TYPES:
            self.count("articles/not_html")
            logger.info("Skipping %s: served as %s, not HTML", response.url, media_type)
            return None
        plan = self.plan(response)
        if not response.body.strip():
            self.count("articles/empty", plan=plan)
            logger.info("Skipping %s: empty response (HTTP %d)", response.url, response.status)
            return None
        self.count("articles/fetched", plan=plan)
        since = plan.since
        return Page(
            url=response.url,
            body=response.body,
            content_type=content_type,
            content_language=header(response, b"Content-Language"),
            source=source,
            hints=hints,
            fetched_at=utc_now(),
            since=since.isoformat() if since else None,
            languages=plan.languages,
            requested_url=response.request.url if response.request else None,
            warc=response.meta.get(WARC_RECORD),
        )

    def release(self, failure: Failure) -> None:
        """Distributed mode: a failed request is done with (errbacks bypass the spider
        middleware that acknowledges callbacks)."""
        request = getattr(failure, "request", None)
        lease = request.meta.get(LEASE) if request is not None else None
        if lease:
            self.crawler.signals.send_catch_log(leases_done, leases=[lease])

    def article_failed(self, failure: Failure) -> None:
        """An article page could not be fetched: count it, log it, go on."""
        self.release(failure)
        if failure.check(IgnoreRequest):
            # A middleware said no: robots.txt, another host, too many redirects, too big
            # once unpacked (a decompression bomb).
            request = getattr(failure, "request", None)
            self.count("articles/skipped", plan=self.plan(request) if request is not None else None)
            self.count(f"articles/skipped/{failure_reason(failure)}")
            state = state_of(self.crawler)
            if failure.check(Refused) and state is not None and request is not None:
                state.forget_validators(request.cb_kwargs["source"]["url"])
            logger.info("Article page skipped: %s (%s)", failed_url(failure), failure.value)
            return
        self.fetch_failed(failure, "articles", "Article page", logging.WARNING)

    def fetch_failed(
        self, failure: Failure, counter: str, what: str, level: int = logging.ERROR
    ) -> None:
        """Count ``<counter>/failed`` (overall and per source) and
        ``<counter>/failed/<reason>``, and log the reason once."""
        self.release(failure)
        request = getattr(failure, "request", None)
        self.count(f"{counter}/failed", plan=self.plan(request) if request is not None else None)
        self.count(f"{counter}/failed/{failure_reason(failure)}")
        logger.log(
            level, "%s failed: %s (%s)", what, failed_url(failure), failure.getErrorMessage()
        )

    def guess_failed(self, failure: Failure) -> None:
        """A guessed location (a common feed or sitemap path) is not there: that is normal."""
        self.release(failure)
        logger.debug("Nothing at %s (%s)", failed_url(failure), failure.getErrorMessage())

    def conditional(self, url: str) -> dict[str, Any]:
        """Request keywords for a conditional GET of a feed or sitemap fetched before:
        validators as headers, and a 304 let through to the callback."""
        state = state_of(self.crawler)
        stored = state.store.validators(url) if state is not None else None
        headers = {}
        if stored is not None and stored.etag:
            headers["If-None-Match"] = stored.etag
        if stored is not None and stored.last_modified:
            headers["If-Modified-Since"] = stored.last_modified
        return {"headers": headers, "meta": {"handle_httpstatus_list": [304]}}

    def remember_validators(self, url: str, response: Response, newest: str | None) -> None:
        """Keep a feed's or sitemap's validators for the next run (stored if this one ends)."""
        state = state_of(self.crawler)
        if state is not None:
            state.note_validators(
                url,
                Validators(
                    etag=header(response, b"ETag"),
                    last_modified=header(response, b"Last-Modified"),
                    newest_entry=newest,
                ),
            )

    def count(self, key: str, count: int = 1, plan: Plan | None = None) -> None:
        """Count in stats; with a plan, also per source (``source/<name>/<key>``)."""
        inc(self.crawler, key, count, (plan.name or self.name) if plan is not None else None)


def _iso(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).isoformat(timespec="seconds")


def header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def failed_url(failure: Failure) -> str:
    request = getattr(failure, "request", None)
    return request.url if request is not None else "?"
