"""What a page says about its article in machine-readable form: schema.org JSON-LD and meta tags.

Publishers fill these for search engines, so they are often better witnesses than heuristics:
``articleBody`` is the article's text as the newsroom's system holds it, ``datePublished``
carries the time and the zone. They can also be wrong (a template's JSON-LD of another story,
a teaser for a body, a date of 1970), so ``crawler.reconcile`` cross-checks them before use.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from lxml.etree import XPath
from lxml.html import HtmlElement

from crawler.discovery import jsonld_nodes
from crawler.reconcile import words

ARTICLE_TYPES = frozenset(
    t.casefold()
    for t in (
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
        "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle",
        "AskPublicNewsArticle", "BlogPosting", "LiveBlogPosting", "Report", "TechArticle",
    )
)  # fmt: skip
_TAGS = re.compile(r"<[^>]+>")
# Compiled once: these run on every page.
_TITLES = XPath(
    '//head/title/text() | //head/meta[@property="og:title"]/@content | (//h1)[1]//text()'
)
_OUTSIDE = "not(ancestor::aside or ancestor::nav or ancestor::footer or ancestor::li)"
_FIRST_TIME = XPath(f"//body//time[@datetime][{_OUTSIDE}]/@datetime")
_BYLINE = XPath(f'//body//a[@rel="author"][{_OUTSIDE}]//text()')
_JSONLD = XPath('//script[@type="application/ld+json"]/text()')
_META = {
    "published": (
        XPath('//head/meta[@property="article:published_time"]/@content'),
        XPath('//meta[@itemprop="datePublished"]/@content'),
        XPath('//head/meta[@name="pubdate" or @name="publishdate" or @name="date"]/@content'),
    ),
    "modified": (
        XPath('//head/meta[@property="article:modified_time"]/@content'),
        XPath('//meta[@itemprop="dateModified"]/@content'),
    ),
}


@dataclass(frozen=True, kw_only=True)
class PageEvidence:
    """The article node of the page's JSON-LD, and its meta-tag dates; raw strings."""

    body: str | None = None
    headline: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    meta_published: str | None = None
    meta_modified: str | None = None
    time_published: str | None = None  # the first <time datetime> outside asides and lists
    byline: list[str] = field(default_factory=list)  # names in rel=author links of the story


def page_evidence(tree: HtmlElement) -> PageEvidence:
    node = _article_node(tree)
    meta = {key: _first(tree, paths) for key, paths in _META.items()}
    page_only = PageEvidence(
        meta_published=meta["published"],
        meta_modified=meta["modified"],
        time_published=_first(tree, (_FIRST_TIME,)),
        byline=_unique(" ".join(str(name).split()) for name in _BYLINE(tree)),
    )
    if node is None:
        return page_only
    return replace(
        page_only,
        body=html_to_text(_string(node.get("articleBody"))),
        headline=_clean(_string(node.get("headline")) or _string(node.get("name"))),
        published=_string(node.get("datePublished")),
        modified=_string(node.get("dateModified")),
        authors=list(_people(node.get("author"))),
        language=_string(node.get("inLanguage")),
    )


def headline_agrees(headline: str, tree: HtmlElement) -> bool:
    """Whether a headline is this page's: it matches the page's title, og:title or first h1
    (a related story's headline may well be elsewhere on the page)."""
    wanted = set(words(headline))
    for title in _TITLES(tree):
        have = set(words(str(title)))
        if wanted and len(wanted & have) >= 0.8 * len(wanted):
            return True
    return False


def without_node(evidence: PageEvidence) -> PageEvidence:
    """The evidence of the page alone, the JSON-LD node set aside."""
    return PageEvidence(
        meta_published=evidence.meta_published,
        meta_modified=evidence.meta_modified,
        time_published=evidence.time_published,
        byline=evidence.byline,
    )


def html_to_text(value: object) -> str | None:
    """Plain text from a body that may hold HTML or entities; paragraphs on their own lines."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = re.sub(r"(?i)<\s*(?:br|/p|/div|/h[1-6]|/li|/blockquote)\s*/?>", "\n", value)
    text = html.unescape(_TAGS.sub(" ", text))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line) or None


def _article_node(tree: HtmlElement) -> dict | None:
    scripts = _JSONLD(tree)
    candidates = [node for node in jsonld_nodes(scripts) if _is_article(node)]
    # The node with a body first: some pages carry a second, bare node for a related story.
    candidates.sort(key=lambda node: not node.get("articleBody"))
    return candidates[0] if candidates else None


def _is_article(node: dict) -> bool:
    types = node.get("@type")
    names = types if isinstance(types, list) else [types]
    return any(isinstance(name, str) and name.casefold() in ARTICLE_TYPES for name in names)


def _people(value: object) -> Iterator[str]:
    """Names of the people in an ``author`` value; organisations are not authors."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            name = _clean(item)
        elif isinstance(item, dict) and item.get("@type") not in (
            "Organization",
            "NewsMediaOrganization",
        ):
            name = _clean(_string(item.get("name")))
        else:
            name = None
        if name and not name.startswith(("http://", "https://")):
            yield name


def _string(value: object) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _clean(value: str | None) -> str | None:
    return " ".join(html.unescape(value).split()) or None if value else None


def _unique(names: Iterator[str]) -> list[str]:
    kept: list[str] = []
    for name in names:
        if name and name not in kept:
            kept.append(name)
    return kept


def _first(tree: HtmlElement, paths: tuple[XPath, ...]) -> str | None:
    for path in paths:
        for value in path(tree):
            if str(value).strip():
                return str(value).strip()
    return None
