"""What a page says about its article in machine-readable form: schema.org JSON-LD and meta tags.

Publishers fill these for search engines, so they are often better witnesses than heuristics:
``articleBody`` is the article's text as the newsroom's system holds it, ``datePublished``
carries the time and the zone. They can also be wrong (a template's JSON-LD of another story,
a teaser for a body, a date of 1970), so ``crawler.extraction.reconcile`` cross-checks them
before use.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from lxml.html import HtmlElement

from crawler.utils import jsonld
from crawler.utils.text import html_to_text, words

_OUTSIDE_STORY = ("aside", "nav", "footer", "li")  # a <time> or byline there is another story's
_PUBLISHED = (("property", "article:published_time"), ("itemprop", "datePublished"),
              ("name", "pubdate"), ("name", "publishdate"), ("name", "date"))  # fmt: skip
_MODIFIED = (("property", "article:modified_time"), ("itemprop", "dateModified"))


class HeadTags:
    """The head's ``<meta>`` contents by attribute and value, its ``<link>`` hrefs by ``rel``
    and its title, in one pass over the head's children (every head's: libxml2 keeps a stray
    second one). A page-wide XPath such as
    ``//head/meta[...]`` walks the whole page each time (0.15-0.2 ms on a news page, a dozen
    times a page); the head holds a few dozen elements."""

    def __init__(self, tree: HtmlElement) -> None:
        self.meta: dict[tuple[str, str], list[str]] = {}
        self.links: dict[str, list[str]] = {}
        self.titles: list[str] = []
        for element in (child for head in tree.iterfind("head") for child in head):
            if element.tag == "meta":
                content = element.get("content")
                for attribute in ("property", "name", "itemprop", "http-equiv"):
                    value = element.get(attribute)
                    if value is not None and content is not None:
                        key = value.lower() if attribute == "http-equiv" else value
                        self.meta.setdefault((attribute, key), []).append(content)
            elif element.tag == "link" and element.get("href") is not None:
                self.links.setdefault(element.get("rel") or "", []).append(element.get("href"))
            elif element.tag == "title" and element.text:
                self.titles.append(element.text)

    def values(self, *keys: tuple[str, str]) -> list[str]:
        """The contents of the metas named by (attribute, value) keys, in the keys' order."""
        return [value for key in keys for value in self.meta.get(key, ())]

    def first(self, *keys: tuple[str, str]) -> str | None:
        return next((v.strip() for v in self.values(*keys) if v.strip()), None)


@dataclass
class _BodyMarks:
    """What one walk over the page's scripts, metas, times and links finds."""

    jsonld: list[str] = field(default_factory=list)
    itemprops: dict[str, str] = field(default_factory=dict)  # first datePublished, dateModified
    time: str | None = None
    byline: list[str] = field(default_factory=list)


def _body_marks(tree: HtmlElement) -> _BodyMarks:
    """One walk instead of an XPath per kind: JSON-LD scripts, microdata date metas anywhere,
    and the story's first ``<time datetime>`` and ``rel=author`` names (in the body, not in
    an aside, navigation, footer or list)."""
    marks = _BodyMarks()
    for element in tree.iter("script", "meta", "time", "a"):
        tag = element.tag
        if tag == "script":
            if element.get("type") == "application/ld+json" and element.text:
                marks.jsonld.append(element.text)
        elif tag == "meta":
            prop, content = element.get("itemprop"), (element.get("content") or "").strip()
            if prop in ("datePublished", "dateModified") and content:
                marks.itemprops.setdefault(prop, content)
        elif tag == "time":
            stamp = (element.get("datetime") or "").strip()
            if stamp and marks.time is None and _in_story(element):
                marks.time = stamp
        elif element.get("rel") == "author" and _in_story(element):
            marks.byline.extend(" ".join(text.split()) for text in element.itertext())
    return marks


def _in_story(element: HtmlElement) -> bool:
    ancestors = [a.tag for a in element.iterancestors()]
    return "body" in ancestors and not any(tag in ancestors for tag in _OUTSIDE_STORY)


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
    # Whether the page says its text is free to read: JSON-LD ``isAccessibleForFree`` (the
    # markup Google asks of paywalled news), else the ``article:content_tier`` meta.
    free: bool | None = None


def page_evidence(tree: HtmlElement, head: HeadTags | None = None) -> PageEvidence:
    head = head or HeadTags(tree)
    marks = _body_marks(tree)

    def dated(keys: tuple[tuple[str, str], ...]) -> str | None:
        for key in keys:  # the head's tags in this order; microdata wherever it is
            found = marks.itemprops.get(key[1]) if key[0] == "itemprop" else head.first(key)
            if found:
                return found
        return None

    tier = (head.first(("property", "article:content_tier")) or "").lower()
    page_only = PageEvidence(
        meta_published=dated(_PUBLISHED),
        meta_modified=dated(_MODIFIED),
        time_published=marks.time,
        byline=_unique(name for name in marks.byline),
        free={"free": True, "locked": False, "metered": False}.get(tier),
    )
    node = _article_node(marks.jsonld)
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
        free=_flag(node.get("isAccessibleForFree"), page_only.free),
    )


def headline_agrees(headline: str, tree: HtmlElement, head: HeadTags | None = None) -> bool:
    """Whether a headline is this page's: it matches the page's title, og:title or first h1
    (a related story's headline may well be elsewhere on the page)."""
    head = head or HeadTags(tree)
    first_h1 = next(tree.iter("h1"), None)
    h1 = list(first_h1.itertext()) if first_h1 is not None else []  # each of its texts
    return _says_most(headline, [*head.titles, *head.values(("property", "og:title")), *h1])


def title_says(headline: str, head: HeadTags) -> bool:
    """Whether the page's title or og:title says most of a headline's words."""
    return _says_most(headline, [*head.titles, *head.values(("property", "og:title"))])


def _says_most(headline: str, titles: list[str]) -> bool:
    wanted = set(words(headline))
    return bool(wanted) and any(
        len(wanted & set(words(str(title)))) >= 0.8 * len(wanted) for title in titles
    )


def without_node(evidence: PageEvidence) -> PageEvidence:
    """The evidence of the page alone, the JSON-LD node set aside (its paywall flag kept:
    the node describes this page even when its other fields are another story's)."""
    return PageEvidence(
        meta_published=evidence.meta_published,
        meta_modified=evidence.meta_modified,
        time_published=evidence.time_published,
        byline=evidence.byline,
        free=evidence.free,
    )


def _article_node(scripts: list[str]) -> dict | None:
    candidates = [node for node in jsonld.nodes(scripts) if jsonld.is_article(node)]
    # The node with a body first: some pages carry a second, bare node for a related story.
    candidates.sort(key=lambda node: not node.get("articleBody"))
    return candidates[0] if candidates else None


def _flag(value: object, default: bool | None) -> bool | None:
    """A schema.org boolean, which pages write as true, "True", "false", "False"..."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return default


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
