"""URL helpers shared by spiders and pipelines."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from courlan import normalize_url
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


# Host prefixes of mobile and AMP editions, and path or query marks of AMP pages.
_EDITION_HOST = re.compile(r"^(www|m|mobile|amp)\.", re.IGNORECASE)
_AMP_SUFFIX = re.compile(r"\.amp(\.html?)$", re.IGNORECASE)
_AMP_PATH = re.compile(r"/amp(/|\.html?)?$", re.IGNORECASE)
_AMP_QUERY = re.compile(r"^(amp|outputtype|output)$", re.IGNORECASE)


@lru_cache(maxsize=8192)  # one URL is keyed by the spider, the duplicates check and the writer
def url_key(url: str) -> str:
    """The key under which spellings of one article's URL compare equal.

    Rules: http and https are one; host case, ``www.``, ``m.``, ``mobile.`` and ``amp.`` host
    prefixes, default ports, fragments, tracking parameters, the query's order, a trailing
    slash, and AMP marks (``/amp``, ``.amp.html``, ``?amp=1``, ``?outputType=amp``) make no
    difference. Every other query parameter (``?id=123``, ``?p=45``) is kept: it may select
    the content. Keys compare URLs; requests keep the URL as the site gave it.
    """
    try:
        normal = normalize_url(without_tracking(url), strict=True)
    except ValueError:
        normal = url
    parts = urlsplit(canonicalize_url(normal, keep_fragments=False))
    host = (parts.hostname or "").lower()
    while _EDITION_HOST.match(host):
        host = _EDITION_HOST.sub("", host, count=1)
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = _AMP_PATH.sub("", _AMP_SUFFIX.sub(r"\1", parts.path)).rstrip("/") or "/"
    query = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not (_AMP_QUERY.match(name) and value.lower() in ("1", "amp", "true"))
    ]
    return f"//{host}{path}" + (f"?{urlencode(sorted(query))}" if query else "")
