"""Refusals named, counted per source and host, and obeyed.

Every response is checked (``crawler.refusals.detect``) before Scrapy's retry and redirect
handling and the spiders see it: a bot challenge, a consent or login wall, a JavaScript shell
or a soft 404 is raised as ``Refused`` (an ``IgnoreRequest``), so it is never parsed as an
empty feed or sitemap nor written as an article, and since nothing is emitted for it, the next
run asks again. Counters: ``blocked/<kind>`` overall and per source, ``blocked/responses`` in
all; the run report lists each host's kinds with a count and an example URL.

A host that refuses ``NEWS_REFUSALS_PER_HOST`` times in a row is not asked again this run
(``blocked/hosts_given_up``; each request not sent: ``blocked/not_requested``). Scrapy's
downloader sends a slot's next request as a response arrives, before the middlewares read it:
at most one more request per concurrent download may already be on its way. A source whose
every answer was a refusal is logged as an error naming why.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, NoReturn, Self
from urllib.parse import urlsplit

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.discovery.plan import ORIGIN
from crawler.refusals.detect import Refusal, Refused, refusal_of
from crawler.utils.slots import slot_of
from crawler.utils.stats import inc

logger = logging.getLogger(__name__)


@dataclass
class _Kind:
    count: int = 0
    reason: str = ""
    example: str = ""


@dataclass
class _Source:
    refused: Counter[str] = field(default_factory=Counter)  # reason -> count
    answered: int = 0


class RefusalMiddleware:
    def __init__(self, crawler: Crawler, limit: int) -> None:
        self.crawler = crawler
        self.limit = limit  # consecutive refusals before a host is given up; 0: never
        self.hosts: dict[str, dict[str, _Kind]] = {}
        self.streaks: Counter[str] = Counter()
        self.given_up: set[str] = set()
        self.sources: dict[str, _Source] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        middleware = cls(crawler, crawler.settings.getint("NEWS_REFUSALS_PER_HOST"))
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def process_request(self, request: Request) -> None:
        host = _host(request.url)
        if host in self.given_up:
            inc(self.crawler, "blocked/not_requested")
            raise Refused(
                Refusal("given_up", f"{host} refused {self.limit} times in a row"), request.url
            )

    def process_response(self, request: Request, response: Response) -> Response:
        if 300 <= response.status < 400:
            return response  # followed (or refused) by the redirect middlewares
        refusal = refusal_of(request, response)
        if refusal is not None:
            self.refuse(request, refusal)
        self.streaks.pop(_host(request.url), None)
        self._source(request).answered += 1
        return response

    def refuse(self, request: Request, refusal: Refusal) -> NoReturn:
        """Count and log a refusal of ``request``, and raise it (``Refused``)."""
        host = _host(request.url)
        kind = self.hosts.setdefault(host, {}).setdefault(refusal.kind, _Kind())
        kind.count += 1
        kind.reason = kind.reason or refusal.reason
        kind.example = kind.example or request.url
        self._source(request).refused[f"{refusal.kind} ({refusal.reason})"] += 1
        source = request.meta.get(ORIGIN) or self._spider_name()
        inc(self.crawler, f"blocked/{refusal.kind}", source=source)
        inc(self.crawler, "blocked/responses", source=source)
        logger.warning("Refused: %s (%s: %s)", request.url, refusal.kind, refusal.reason)
        self.streaks[host] += 1
        if self.limit and self.streaks[host] >= self.limit and host not in self.given_up:
            self._give_up(host, request, refusal)
        raise Refused(refusal, request.url)

    def _give_up(self, host: str, request: Request, refusal: Refusal) -> None:
        """No more requests to ``host``: those still waiting in its download slot (they passed
        ``process_request`` before the refusals came) are failed there, unsent."""
        self.given_up.add(host)
        inc(self.crawler, "blocked/hosts_given_up")
        logger.error(
            "%s refused %d requests in a row (last: %s): not asking it again this run",
            host, self.limit, refusal.reason,
        )  # fmt: skip
        slot = slot_of(self.crawler, request)
        why = Refusal("given_up", f"{host} refused {self.limit} times in a row")
        for waiting, deferred in list(slot.queue if slot is not None else ()):
            if _host(waiting.url) == host:
                slot.queue.remove((waiting, deferred))
                inc(self.crawler, "blocked/not_requested")
                deferred.errback(Failure(Refused(why, waiting.url)))

    def _source(self, request: Request) -> _Source:
        name = request.meta.get(ORIGIN) or self._spider_name()
        return self.sources.setdefault(name, _Source())

    def _spider_name(self) -> str:
        return self.crawler.spidercls.name if self.crawler.spidercls else "crawl"

    def by_host(self) -> dict[str, dict[str, dict[str, Any]]]:
        """For the run report: per host, the kinds of refusal met, with count, reason and one
        example URL."""
        return {
            host: {name: vars(kind) for name, kind in sorted(kinds.items())}
            for host, kinds in sorted(self.hosts.items())
        }

    def spider_closed(self, spider: Spider) -> None:
        for name, source in sorted(self.sources.items()):
            if source.refused and not source.answered:
                reasons = ", ".join(f"{why} x{n}" for why, n in source.refused.most_common())
                logger.error("Every request of source %r was refused: %s", name, reasons)


def _host(url: str) -> str:
    """A site as refusals are kept: its host and port (another port is another server)."""
    return urlsplit(url).netloc.lower()
