"""The naive baseline of bench/throughput.py: trafilatura called in the spider's callback.

Reads a sitemap and extracts each page in the callback with trafilatura alone (with the options
the crawler gives it), and none of the crawler's pipelines or extensions.
"""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Iterator
from typing import Any

from scrapy import Request, Spider
from scrapy.http import Response
from trafilatura import bare_extraction

from crawler.discovery.sitemaps import parse_sitemap
from crawler.extraction.extract import trafilatura_options
from crawler.extraction.extracted import ExtractionOptions


class NaiveSpider(Spider):
    name = "naive"
    custom_settings = {"ITEM_PIPELINES": {}, "EXTENSIONS": {}}
    options = trafilatura_options(ExtractionOptions())

    async def start(self) -> AsyncIterator[Request]:
        yield Request(self.sitemap, callback=self.parse_sitemap)  # type: ignore[attr-defined]

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        for entry in parse_sitemap(response.body, response.url).entries:
            yield Request(entry.url, callback=self.parse_page)

    def parse_page(self, response: Response) -> Iterator[dict[str, Any]]:
        options = copy.copy(self.options)
        options.url = options.source = response.url
        found = bare_extraction(response.body, url=response.url, options=options)
        if found is not None:
            yield {"url": response.url, "title": found.title, "text": found.text}
