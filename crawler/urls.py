"""URL helpers shared by spiders and pipelines."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

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


# Query parameters that only track where a reader came from. Parameters that select content
# (id, p, page, article, ...) are never touched.
TRACKING_PARAMETERS = re.compile(
    r"^(utm_[a-z]+|fbclid|gclid|dclid|gclsrc|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|igshid"
    r"|oly_anon_id|oly_enc_id|vero_id|wt_mc|wt_zmc|at_medium|at_campaign|rss|rssom|ito|cmpid)$",
    re.IGNORECASE,
)


def without_tracking(url: str) -> str:
    """``url`` without tracking parameters and without its fragment (``#rssom``)."""
    parts = urlsplit(url)
    if not parts.query and not parts.fragment:
        return url
    kept = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not TRACKING_PARAMETERS.match(name)
    ]
    query = urlencode(kept) if len(kept) != len(parse_qsl(parts.query, True)) else parts.query
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def url_key(url: str) -> str:
    """The key under which two spellings of one URL compare equal (fragment, query order)."""
    return canonicalize_url(url, keep_fragments=False)
