"""Meta refresh redirects are read from the head of the page, and only when it names one."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware as ScrapyMetaRefresh
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawler.downloadermiddlewares.metarefresh import MetaRefreshMiddleware

FILLER = "<p>" + "The council met on Monday to discuss the budget. " * 800 + "</p>"


def middleware() -> MetaRefreshMiddleware:
    return MetaRefreshMiddleware.from_crawler(get_crawler())


def page(head: str, encoding: str = "utf-8") -> HtmlResponse:
    html = f"<html><head>{head}</head><body>{FILLER}</body></html>"
    return HtmlResponse(
        "http://127.0.0.1/old.html",
        body=html.encode(encoding),
        headers={"Content-Type": f"text/html; charset={encoding}"},
    )


def test_a_long_page_with_a_refresh_in_its_head_is_followed() -> None:
    response = page('<meta http-equiv="Refresh" content="0; url=/new.html">')
    assert len(response.body) > 16 * 1024
    result = middleware().process_response(Request(response.url), response)
    assert isinstance(result, Request)
    assert result.url == "http://127.0.0.1/new.html"


def test_a_page_without_a_refresh_comes_back_undecoded(monkeypatch: pytest.MonkeyPatch) -> None:
    def decodes(*args: object) -> None:
        raise AssertionError("Scrapy's middleware decoded a page that names no refresh")

    monkeypatch.setattr(ScrapyMetaRefresh, "process_response", decodes)
    response = page("<title>Budget</title>")
    assert middleware().process_response(Request(response.url), response) is response


def test_a_utf16_page_is_decoded_to_find_its_refresh() -> None:
    response = page('<meta http-equiv="refresh" content="0; url=/new.html">', "utf-16")
    result = middleware().process_response(Request(response.url), response)
    assert isinstance(result, Request)
    assert result.url == "http://127.0.0.1/new.html"
