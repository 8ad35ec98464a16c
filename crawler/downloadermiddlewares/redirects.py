"""Redirects that stay on a source's hosts and do not go round in circles.

The spiders check every article URL against its source's hosts before requesting it
(``articles/offsite``), but a redirect can still lead elsewhere. Scrapy's ``OffsiteMiddleware``
knows one ``allowed_domains`` list per spider (a sources file gives each source its own) and
drops offsite redirects while scheduling them, where no errback hears of it; a redirect to a
URL already in the chain is dropped as silently by the duplicate filter. This middleware
refuses both with ``IgnoreRequest``, so the spider's errback logs them and counts them
(``articles/skipped/offsite``, ``articles/skipped/redirects``), and likewise a redirect to
another scheme such as ftp: (``articles/skipped/scheme``; Scrapy would pass the 3xx on). A
redirect to a consent host is a refusal (``blocked/consent``), counted by the refusal middleware.
A source without a host list may be redirected anywhere (feeds often link through a
redirector such as feedproxy).
"""

from __future__ import annotations

from typing import Self
from urllib.parse import urljoin, urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from w3lib.url import canonicalize_url

from crawler.downloadermiddlewares.refusals import RefusalMiddleware
from crawler.refusals.detect import consent_redirect


class RedirectGuardMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        """Runs before Scrapy's RedirectMiddleware sees the response (a higher order)."""
        location = response.headers.get(b"Location")
        if 300 <= response.status < 400 and location:
            absolute = urljoin(request.url, location.decode("latin-1"))
            scheme = urlsplit(absolute).scheme.lower()
            if scheme not in ("http", "https"):
                raise IgnoreRequest(f"Location {absolute[:80]} uses the {scheme}: scheme")
            consent = consent_redirect(absolute)
            refusals = self.crawler.get_downloader_middleware(RefusalMiddleware)
            if consent is not None and refusals is not None:
                refusals.refuse(request, consent)  # not followed: a wall on another host
            target = canonicalize_url(absolute)
            chain = [*request.meta.get("redirect_urls", []), request.url]
            if any(canonicalize_url(url) == target for url in chain):
                raise IgnoreRequest(f"redirect loop: {request.url} redirects back to {target}")
        return response

    def process_request(self, request: Request) -> None:
        if not request.meta.get("redirect_urls"):
            return
        allows = getattr(self.crawler.spider, "allows", None)  # the news spiders' own rule
        if allows is not None and not allows(request):
            host = urlsplit(request.url).hostname
            raise IgnoreRequest(f"offsite redirect to {host}, not a host of this source")
