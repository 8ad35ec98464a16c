"""Read XML sitemaps, sitemap indexes, Google News sitemaps and the Sitemap lines of robots.txt.

Scrapy's own ``Sitemap`` class drops the nested ``news:*`` fields, so sitemaps are read here with
lxml in recover mode (no entities, no network): a broken sitemap yields what it can.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

from lxml import etree

from crawler.items import Hints
from crawler.utils.dates import iso_day_or_time
from crawler.utils.text import primary_language
from crawler.utils.urls import absolute_http_url

_PARSER_OPTIONS = {"recover": True, "resolve_entities": False, "no_network": True}


@dataclass(kw_only=True)
class SitemapEntry:
    """A ``<url>`` of a urlset, with the Google News fields when present."""

    url: str
    lastmod: str | None = None
    news_title: str | None = None
    news_published: str | None = None
    news_language: str | None = None
    news_keywords: list[str] = field(default_factory=list)

    @property
    def date(self) -> str | None:
        """The best date known before fetching: publication, else last modification."""
        return self.news_published or self.lastmod

    def hints(self) -> Hints:
        hints: Hints = {}
        if self.news_title:
            hints["title"] = self.news_title
        if self.news_published:
            hints["published"] = self.news_published
        if self.news_language:
            hints["language"] = self.news_language
        if self.news_keywords:
            hints["tags"] = list(self.news_keywords)
        return hints


@dataclass(kw_only=True)
class Sitemap:
    """A parsed sitemap: article entries (urlset) or child sitemaps (index)."""

    entries: list[SitemapEntry] = field(default_factory=list)
    children: list[tuple[str, str | None]] = field(default_factory=list)
    problem: str | None = None


def ungzip(body: bytes, max_size: int) -> bytes:
    """Gunzip a body that is still gzipped (``.xml.gz`` not decoded in transit), up to a size.

    Raises ValueError when the unpacked size would pass ``max_size`` or the data is corrupt.
    """
    if body[:2] != b"\x1f\x8b":
        return body
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(body, max_size + 1)
    except zlib.error as exc:
        raise ValueError(f"corrupt gzip data: {exc}") from None
    if len(data) > max_size:
        raise ValueError(f"unpacks to more than {max_size} bytes")
    return data


def parse_sitemap(body: bytes, url: str) -> Sitemap:
    """Read a sitemap's XML; relative and non-http locations are resolved or skipped."""
    try:
        root = etree.fromstring(body, parser=etree.XMLParser(**_PARSER_OPTIONS))
    except etree.XMLSyntaxError as exc:
        return Sitemap(problem=f"not XML: {exc}")
    if root is None:
        return Sitemap(problem="empty document")
    kind = etree.QName(root).localname.lower()
    if kind == "sitemapindex":
        children = []
        for node in root:
            loc = _child_text(node, "loc")
            child = absolute_http_url(loc, url) if loc else None
            if child:
                children.append((child, iso_day_or_time(_child_text(node, "lastmod"))))
        return Sitemap(children=children)
    if kind != "urlset":
        return Sitemap(problem=f"root element <{kind}> is neither urlset nor sitemapindex")
    return Sitemap(entries=[e for e in (_entry(node, url) for node in root) if e])


def _entry(node: etree._Element, base: str) -> SitemapEntry | None:
    loc = _child_text(node, "loc")
    url = absolute_http_url(loc, base) if loc else None
    if url is None:
        return None
    entry = SitemapEntry(url=url, lastmod=iso_day_or_time(_child_text(node, "lastmod")))
    news = _child(node, "news")
    if news is not None:
        entry.news_title = _child_text(news, "title")
        entry.news_published = iso_day_or_time(_child_text(news, "publication_date"))
        publication = _child(news, "publication")
        if publication is not None:
            language = _child_text(publication, "language")
            entry.news_language = primary_language(language)
        keywords = _child_text(news, "keywords") or ""
        entry.news_keywords = [k.strip() for k in keywords.split(",") if k.strip()]
    return entry


def _child(node: etree._Element, name: str) -> etree._Element | None:
    for child in node:
        if isinstance(child.tag, str) and etree.QName(child).localname.lower() == name:
            return child
    return None


def _child_text(node: etree._Element, name: str) -> str | None:
    child = _child(node, name)
    text = (child.text or "").strip() if child is not None else ""
    return text or None


def robots_sitemaps(body: bytes, base: str) -> list[str]:
    """The ``Sitemap:`` URLs of a robots.txt (any case, anywhere in the file)."""
    text = body[: 512 * 1024].decode("utf-8", errors="replace")
    urls = []
    for line in text.splitlines():
        name, _, value = line.partition(":")
        if name.strip().lower() == "sitemap":
            url = absolute_http_url(value.strip(), base)
            if url and url not in urls:
                urls.append(url)
    return urls
