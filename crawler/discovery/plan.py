"""A source's plan: where to look for its articles, and within which bounds.

Built from spider arguments (``spiders.base.NewsSpider.plan_from_arguments``) or from the
sources file (``crawler.discovery.sources``); the spiders read it, and
``pipelines.limit`` counts the articles written against its ``max_articles``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

ORIGIN = "news_origin"  # request meta key: the name of the source plan a request serves


@dataclass(kw_only=True)
class Plan:
    """What to crawl for one source and within which bounds."""

    name: str = ""
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    home: str | None = None
    since: datetime | None = None
    max_articles: int | None = None
    # Article and link URLs must be on these hosts (and their subdomains when ``subdomains``);
    # an empty list allows every host.
    allowed_hosts: list[str] = field(default_factory=list)
    subdomains: bool = False
    # A site's origin port (the site spider): another port of the same host is another site.
    # None: the default ports, http's and https's alike (a site moves between the two).
    port: int | None = None
    origin_only: bool = False
    delay: float | None = None
    # Seconds between fetches of its feeds and sitemaps, pinned; None: adaptive polling.
    poll: float | None = None
    # Only articles in these languages (primary codes, "en"); empty: every language.
    languages: list[str] = field(default_factory=list)
    written: int = 0  # articles written so far, counted by pipelines.limit

    @property
    def full(self) -> bool:
        """True once ``max_articles`` articles were written for this source."""
        return self.max_articles is not None and self.written >= self.max_articles


def on_site(url: str, plan: Plan) -> bool:
    """Whether ``url`` is on one of the plan's hosts (any host when it names none), and for
    a site's plan on its port."""
    if not plan.allowed_hosts:
        return True
    host = (urlsplit(url).hostname or "").lower()
    if plan.origin_only and site_port(url) != plan.port:
        return False
    return any(
        host == allowed or (plan.subdomains and host.endswith("." + allowed))
        for allowed in plan.allowed_hosts
    )


def site_port(url: str) -> int | None:
    """A URL's port as sites are told apart: None for the default ports of http and https."""
    port = urlsplit(url).port
    return None if port in (None, 80, 443) else port
