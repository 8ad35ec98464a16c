"""The naive baseline of bench/throughput.py: trafilatura called in the spider's callback.

Reads a sitemap and extracts each page in the callback, with the crawler's own extraction
function and options, and none of the crawler's pipelines or extensions.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

from scrapy import Request, Spider
from scrapy.http import Response

from crawler.extracted import ExtractionOptions
from crawler.extraction import extract_page
from crawler.sitemaps import parse_sitemap


class NaiveSpider(Spider):
    name = "naive"
    custom_settings = {"ITEM_PIPELINES": {}, "EXTENSIONS": {}}
    options = ExtractionOptions()

    async def start(self) -> AsyncIterator[Request]:
        yield Request(self.sitemap, callback=self.parse_sitemap)  # type: ignore[attr-defined]

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        for entry in parse_sitemap(response.body, response.url).entries:
            yield Request(entry.url, callback=self.parse_page)

    def parse_page(self, response: Response) -> Iterator[dict[str, Any]]:
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
        found = extract_page(response.body, response.url, content_type, None, self.options)
        if found is not None:
            yield {"url": response.url, "title": found.title, "text": found.text}
