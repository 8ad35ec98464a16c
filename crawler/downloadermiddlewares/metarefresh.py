"""Meta refresh redirects, read from the head of the page only.

Scrapy's ``MetaRefreshMiddleware`` looks at the first 4,096 characters of a page, but to get
them it decodes the whole body and keeps the text on the response: for every article, a second
decoding of the page (the extraction worker decodes it anyway) and up to four times the page's
size in memory while it waits for a worker. This one hands Scrapy's middleware a copy of the
response cut to its first bytes, which hold any ``<meta http-equiv="refresh">`` and ``<base>``,
and only when those bytes hold the word "refresh" at all (or NUL bytes: UTF-16).
"""

from __future__ import annotations

from scrapy import Request
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware as ScrapyMetaRefresh
from scrapy.http import HtmlResponse, Response

# Scrapy reads 4,096 characters; at up to four bytes a character they fit in 16 KiB.
HEAD_BYTES = 16 * 1024


class MetaRefreshMiddleware(ScrapyMetaRefresh):
    def process_response(self, request: Request, response: Response) -> Request | Response:
        if not isinstance(response, HtmlResponse):
            return super().process_response(request, response)
        start = response.body[:HEAD_BYTES]
        if b"\x00" not in start and b"refresh" not in start.lower():
            return response  # no refresh in an ASCII-compatible head: nothing to decode
        if len(response.body) <= HEAD_BYTES:
            return super().process_response(request, response)
        head = response.replace(body=response.body[:HEAD_BYTES])
        result = super().process_response(request, head)
        return response if result is head else result
