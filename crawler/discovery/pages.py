"""Reading a site's own pages: its feed links, and whether a page is an article or a listing.

Home, section, tag, author, pagination, about and contact pages are listings by their URL.
A page that says it is an article (``og:type=article``, schema.org ``*Article`` or
``BlogPosting`` in JSON-LD) is one. A page that is mostly headline links (ten or more, one
paragraph of prose at most, more than half its text in links) is a list of teasers. Every other page
is a candidate: the extraction pipeline keeps it only when it holds enough article text.
Listings are followed for links, never emitted. Real article pages often declare nothing and
carry big menus, so doubt goes to the candidate side.
"""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import urlsplit

from parsel import Selector

from crawler.utils import jsonld
from crawler.utils.urls import absolute_http_url

PageKind = Literal["article", "listing"]

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/json",
)
COMMON_FEEDS = ("/feed", "/rss", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml", "/feed.json")

LISTING_PATH = re.compile(
    r"/(tags?|topics?|themen|thema|categor(y|ies)|sections?|ressorts?|rubriken?|authors?|autor(en)?"
    r"|page|seite|archives?|archiv|search|suche|about(-us)?|contact|kontakt|impressum|imprint"
    r"|privacy|datenschutz|terms|login|register|subscribe|abo|newsletter|feeds?|rss|users?"
    r"|profile|shop|video|videos|podcasts?)(/|$)",
    re.IGNORECASE,
)
LISTING_QUERY = re.compile(r"(^|&)(page|seite|pg|tag|category|s|q)=", re.IGNORECASE)
_MIN_PROSE = 120  # characters of a paragraph that counts as prose


def feed_links(selector: Selector, base: str) -> list[str]:
    """Feeds a page announces with ``<link rel="alternate" type="...">``."""
    urls = []
    for link in selector.xpath('//link[contains(concat(" ", @rel, " "), " alternate ")]'):
        kind = (link.attrib.get("type") or "").split(";")[0].strip().lower()
        href = link.attrib.get("href")
        url = absolute_http_url(href, base) if href and kind in FEED_TYPES else None
        if url and url not in urls:
            urls.append(url)
    return urls


def is_listing_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.path in ("", "/") or bool(
        LISTING_PATH.search(parts.path) or LISTING_QUERY.search(parts.query)
    )


def page_kind(selector: Selector, url: str) -> PageKind:
    """Whether a page fetched by following links is an article or a listing."""
    if is_listing_url(url):
        return "listing"
    og_type = (selector.xpath('//meta[@property="og:type"]/@content').get() or "").lower()
    if og_type == "article" or _jsonld_says_article(selector):
        return "article"
    prose = 0
    for paragraph in selector.xpath("//body//p"):
        text = " ".join(" ".join(paragraph.xpath(".//text()").getall()).split())
        linked = len(" ".join(paragraph.xpath(".//a//text()").getall()))
        if len(text) >= _MIN_PROSE and linked < len(text) / 2:
            prose += 1
    headlines = {
        a.attrib.get("href")
        for a in selector.xpath("//body//a[@href]")
        if len(" ".join(" ".join(a.xpath(".//text()").getall()).split())) >= 25
    }
    text = " ".join(
        selector.xpath("//body//text()[not(ancestor::script or ancestor::style)]").getall()
    )
    linked = " ".join(selector.xpath("//body//a//text()").getall())
    if len(headlines) >= 10 and prose <= 1 and len(linked) > len(text) / 2:
        return "listing"  # headline links with, at most, short leads: a list of teasers
    return "article"


def _jsonld_says_article(selector: Selector) -> bool:
    scripts = selector.xpath('//script[@type="application/ld+json"]/text()').getall()
    return any(jsonld.is_article(node) for node in jsonld.nodes(scripts))
