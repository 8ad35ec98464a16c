"""Article text and metadata from a page's bytes: decoding, one HTML parse, trafilatura.

A pure function of (bytes, headers, URL, options), so that it can run in worker processes.
trafilatura is used as a library only: Scrapy downloads, and feeds and sitemaps are read by
the spiders. Its options were chosen by measurement (``bench/extraction_options.py``).
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterable
from datetime import datetime

from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import Extractor
from trafilatura.utils import load_html

from crawler.arguments import parse_date
from crawler.encoding import decode_html
from crawler.extracted import Extracted, ExtractionOptions
from crawler.neardup import sketch
from crawler.urls import absolute_http_url

logger = logging.getLogger(__name__)

_PUBLISHED_TIME = (
    'string((//head/meta[@property="article:published_time"]/@content'
    ' | //meta[@itemprop="datePublished"]/@content)[1])'
)

# Sales pitches and sign-up boxes that sit inside article bodies, where trafilatura keeps them.
# Only small elements go: some sites wrap the whole (premium) article in a "paywall" element.
_PITCH_TOKENS = (
    "paywall",
    "subscribe",
    "subscription",
    "newsletter",
    "signup",
    "sign-up",
    "promo",
    "donate",
    "membership",
    "whatsapp",
    "advert",
    "sponsor",
)
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER = f"translate(concat(@class, ' ', @id), '{_UPPER}', '{_UPPER.lower()}')"
PITCHES = XPath(
    "//body//*[self::div or self::aside or self::section or self::p or self::form]"
    f"[{' or '.join(f'contains({_LOWER}, {token!r})' for token in _PITCH_TOKENS)}]"
    "[string-length(normalize-space(.)) < 400]"
)


def trafilatura_options(options: ExtractionOptions) -> Extractor:
    """A trafilatura options object, built once and copied per page."""
    return Extractor(
        output_format="python",
        precision=options.favor == "precision",
        recall=options.favor == "recall",
        comments=False,  # reader comments are not the article
        tables=options.tables,
        images=False,
        links=False,
        dedup=False,  # trafilatura's dedup is a process-global cache, not ours to rely on
        with_metadata=True,
    )


class ArticleExtractor:
    """Extracts articles with one set of options; build once, call per page."""

    def __init__(self, options: ExtractionOptions | None = None) -> None:
        self.options = options or ExtractionOptions()
        self._template = trafilatura_options(self.options)

    def __call__(
        self,
        body: bytes,
        url: str,
        content_type: str | None = None,
        content_language: str | None = None,
    ) -> Extracted | None:
        """Extract the article on a page, or None when there is no article text at all."""
        html, encoding = decode_html(body, content_type)
        if not html.strip():
            return None
        tree = load_html(html)
        if tree is None:
            return None
        language = _declared_language(tree) or _primary_language(content_language)
        canonical = _canonical_url(tree, url)
        og_type = tree.xpath('string(//head/meta[@property="og:type"]/@content)')
        stamp = parse_date(tree.xpath(_PUBLISHED_TIME).strip() or None)
        for element in PITCHES(tree):
            element.drop_tree()
        options = copy.copy(self._template)
        options.url = options.source = url
        document = bare_extraction(tree, url=url, options=options)
        text = (document.text or "").strip() if document is not None else ""
        if document is None or not text:
            return None
        return Extracted(
            text=text,
            encoding=encoding,
            title=_clean(document.title),
            authors=_split_authors(document.author),
            date=_precise(document.date or None, stamp),
            language=language,
            sitename=_clean(document.sitename),
            description=_clean(document.description),
            tags=_unique([*(document.categories or []), *(document.tags or [])]),
            image=document.image or None,
            canonical_url=canonical,
            declared_article=og_type.strip().lower() == "article",
            sketch=sketch(text),
        )


def _precise(date: str | None, stamp: datetime | None) -> str | None:
    """trafilatura's date (a day), made precise by the page's own timestamp of that day.

    trafilatura finds the right day more often than a single meta tag; the tag has the time.
    """
    if stamp is None or (date and stamp.date().isoformat() != date):
        return date
    if stamp.hour or stamp.minute or stamp.second:
        return stamp.isoformat()
    return date or stamp.date().isoformat()


def _canonical_url(tree: HtmlElement, url: str) -> str | None:
    for xpath in (
        '//head/link[@rel="canonical"]/@href',
        '//head/meta[@property="og:url"]/@content',
    ):
        for value in tree.xpath(xpath):
            absolute = absolute_http_url(str(value), url)
            if absolute:
                return absolute
    return None


def _declared_language(tree: HtmlElement) -> str | None:
    candidates = [
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        *tree.xpath(
            '//head/meta[translate(@http-equiv, "CONTENTLANGUAGE", '
            '"contentlanguage")="content-language"]/@content'
        ),
        *tree.xpath('//head/meta[@property="og:locale"]/@content'),
    ]
    for candidate in candidates:
        language = _primary_language(candidate)
        if language:
            return language
    return None


def _primary_language(value: str | None) -> str | None:
    """``de-DE``, ``de_DE`` and ``de`` all give ``de``; anything else gives None."""
    if not value:
        return None
    primary = value.split(",")[0].strip().replace("_", "-").split("-")[0].lower()
    return primary if 2 <= len(primary) <= 3 and primary.isalpha() else None


def _split_authors(value: str | None) -> list[str]:
    if not value:
        return []
    return _unique(part.strip() for part in value.split(";"))


def _unique(values: Iterable[str]) -> list[str]:
    """Non-empty values with whitespace folded, first spelling kept, case-insensitively unique."""
    kept: list[str] = []
    folded: set[str] = set()
    for value in values:
        text = " ".join(str(value).split())
        if text and text.casefold() not in folded:
            folded.add(text.casefold())
            kept.append(text)
    return kept


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    return " ".join(value.split()) or None


_EXTRACTORS: dict[ExtractionOptions, ArticleExtractor] = {}


def extract_page(
    body: bytes,
    url: str,
    content_type: str | None,
    content_language: str | None,
    options: ExtractionOptions,
) -> Extracted | None:
    """``ArticleExtractor`` as a plain function, for worker processes: one extractor per
    process and set of options, built on first use."""
    extractor = _EXTRACTORS.get(options)
    if extractor is None:
        extractor = _EXTRACTORS[options] = ArticleExtractor(options)
    return extractor(body, url, content_type, content_language)
