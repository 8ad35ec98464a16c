"""The ``sources`` spider: ``scrapy crawl sources [-a file=sources.toml]``.

Recipe for scheduled crawls: every source of the sources file (``crawler.discovery.sources``)
is crawled in one run, each through its feeds, its sitemaps and its home page, within its own
``since``, ``max_articles``, hosts and delay. Articles carry the source's name in ``source.name``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, Self

from scrapy import Request
from scrapy.crawler import Crawler

from crawler.discovery.plan import Plan
from crawler.discovery.sources import load_sources, plan_hosts
from spiders.site import SiteMixin


class SourcesSpider(SiteMixin):
    name = "sources"

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        path = Path(kwargs.get("file") or crawler.settings.get("NEWS_SOURCES_FILE"))
        plans = load_sources(path)
        spider.plans = {plan.name: plan for plan in plans}
        spider.configure_links(kwargs)
        # Per-source delays become Scrapy download slots, keyed by host as Scrapy's are.
        slots = dict(crawler.settings.getdict("DOWNLOAD_SLOTS"))
        for plan in plans:
            if plan.delay is not None:
                for host in plan_hosts(plan):
                    slots[host] = {**slots.get(host, {}), "delay": plan.delay}
        crawler.settings.set("DOWNLOAD_SLOTS", slots, priority="spider")
        return spider

    def plan_from_arguments(self, kwargs: dict[str, Any]) -> Plan:
        return Plan()  # replaced by the sources file's plans in from_crawler

    async def seeds(self) -> AsyncIterator[Request]:
        for plan in self.plans.values():
            for url in plan.feeds:
                if self.poll_due(url, plan, "feeds"):
                    yield self.feed_request(url, plan)
            for request in self.sitemap_start_requests(plan):
                yield request
            if plan.home:
                for request in self.site_start_requests(plan):
                    yield request
