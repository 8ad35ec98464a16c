"""URL helpers shared by spiders and pipelines."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from w3lib.url import canonicalize_url, safe_url_string

_HTTP = ("http", "https")


def absolute_http_url(link: str, base: str) -> str | None:
    """``link`` made absolute against ``base``; None unless it is an http(s) URL with a host.

    Feeds and pages carry ``javascript:``, ``mailto:``, ``data:`` and malformed links: these are
    not articles and must never become requests.
    """
    link = link.strip()
    if not link:
        return None
    try:
        url = safe_url_string(urljoin(base, link))
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in _HTTP or not parts.hostname:
        return None
    return url


def url_key(url: str) -> str:
    """The key under which two spellings of one URL compare equal (fragment, query order)."""
    return canonicalize_url(url, keep_fragments=False)
