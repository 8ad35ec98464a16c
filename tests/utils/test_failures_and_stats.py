"""Short reasons for failures, and counters overall and per source, as the run report has them."""

from __future__ import annotations

from scrapy import Spider
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.test import get_crawler
from twisted.internet.error import DNSLookupError, TimeoutError
from twisted.python.failure import Failure

from crawler.refusals.detect import Refusal, Refused
from crawler.utils.failures import failure_reason
from crawler.utils.stats import by_source, count, inc


def test_a_failure_has_a_short_reason() -> None:
    response = Response("http://news.example/a", status=404)
    assert failure_reason(Failure(HttpError(response, "404"))) == "http_404"
    assert failure_reason(Failure(TimeoutError())) == "timeout"
    assert failure_reason(Failure(DNSLookupError())) == "dns"
    assert failure_reason(Failure(IgnoreRequest("Forbidden by robots.txt"))) == "robots"
    refused = Refused(Refusal("challenge", "cloudflare"), "http://news.example/a")
    assert failure_reason(Failure(refused)) == "blocked"


class NewsSpider(Spider):
    name = "news"


def test_counters_are_kept_overall_and_per_source() -> None:
    crawler = get_crawler(NewsSpider)
    crawler.stats.open_spider()
    inc(crawler, "feeds/fetched", 2, source="harbour")
    inc(crawler, "retry/after_waited")
    count(crawler, "output/articles", {"type": "feed", "url": "u", "name": "harbour"})
    count(crawler, "output/articles", None)  # no sources file: the spider's name
    stats = crawler.stats.get_stats()
    assert stats["feeds/fetched"] == 2 and stats["output/articles"] == 2
    assert by_source(stats) == {
        "harbour": {"feeds/fetched": 2, "output/articles": 1},
        "news": {"output/articles": 1},
    }
