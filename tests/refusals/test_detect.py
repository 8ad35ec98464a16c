"""What a refusal looks like: each wall of tests/end_to_end/walls.py is recognised with its kind
and service, whatever its status; real articles are not, even when they carry an anti-bot
service's script, quote "Access Denied" or ask for JavaScript to show their comments."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse

from crawler.demo.site import article_page
from crawler.demo.stories import make_stories
from crawler.refusals.detect import consent_redirect, refusal_of
from tests.end_to_end.walls import WALLS

SERVICES = {
    "/walls/cloudflare-challenge.html": "cloudflare", "/walls/cloudflare-blocked.html": "cloudflare",
    "/walls/akamai.html": "akamai", "/walls/imperva.html": "imperva",
    "/walls/datadome.html": "datadome", "/walls/perimeterx.html": "perimeterx",
    "/walls/sucuri.html": "sucuri", "/walls/aws-waf.html": "aws_waf",
    "/walls/ddos-guard.html": "ddos_guard",
}  # fmt: skip


def respond(url: str, body: str, status: int = 200, headers: dict | None = None, **meta):
    request = Request(url, meta=meta)
    headers = {"Content-Type": "text/html; charset=utf-8", **(headers or {})}
    return request, HtmlResponse(
        url, status=status, headers=headers, body=body.encode(), request=request
    )


@pytest.mark.parametrize("path", [p for p, spec in WALLS.items() if spec[1] != 302])
def test_every_wall_is_recognised_with_its_kind(path: str) -> None:
    kind, status, headers, body = WALLS[path]
    refusal = refusal_of(*respond(f"http://news.example{path}", body, status, headers))
    assert refusal is not None and refusal.kind == kind
    if path in SERVICES:
        assert refusal.reason == SERVICES[path]


def test_redirects_to_a_consent_host_or_a_login_page_are_walls() -> None:
    assert consent_redirect("https://consent.google.com/ml?continue=x").kind == "consent"
    assert consent_redirect("https://guce.yahoo.com/consent?x").kind == "consent"
    assert consent_redirect("https://news.example/consent-policy.html") is None
    login = refusal_of(*respond("http://news.example/account/login?return=/a.html", "<p>Sign in</p>",
                                redirect_urls=["http://news.example/a.html"]))  # fmt: skip
    assert login is not None and login.kind == "login"


def article() -> str:
    return article_page(make_stories(1, seed=3)[0])


def test_articles_are_not_walls_whatever_scripts_or_words_they_carry() -> None:
    page = article()
    beacon = '<script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script>'
    incapsula = (
        '<script src="/_Incapsula_Resource?SWJIYLWA=719d34d31c8e3a6e6fffd425f7e032f3"></script>'
    )
    px = "<script>window._pxAppId='PXa1b2c3d4';</script>"
    comments = (
        "<noscript>Please enable JavaScript to view the comments powered by Disqus.</noscript>"
    )
    quoted = "<h2>Access Denied: why the council closed the archive</h2><p>Reference #1 of the minutes.</p>"
    cookies = "<p>We use cookies. Accept all? Manage consent in our privacy settings.</p>"
    for extra in (beacon, incapsula, px, comments, quoted, cookies):
        marked = page.replace("</head>", f"{extra}</head>", 1).replace("</h1>", f"</h1>{extra}", 1)
        assert marked.count(extra) == 2
        headers = {"Server": "cloudflare", "X-Iinfo": "5-1-0", "X-DataDome": "protected"}
        assert refusal_of(*respond("http://news.example/a.html", marked, 200, headers)) is None


def test_ordinary_errors_are_failures_not_refusals() -> None:
    for status in (404, 410, 500, 502):
        assert refusal_of(*respond("http://news.example/a.html", "<h1>Error</h1>", status)) is None
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Not found</title></channel></rss>'
    )
    request, response = respond(
        "http://news.example/feed.xml", feed, headers={"Content-Type": "application/rss+xml"}
    )
    assert refusal_of(request, response) is None
