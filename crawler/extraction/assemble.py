"""Assemble the output record from every witness, and note where each field came from.

The witnesses: trafilatura's reading of the page, the page's JSON-LD and meta tags (checked
against the page in the worker, ``crawler.extraction.extract``), and what the feed entry or
sitemap record said (``Page.hints``). ``crawler.extraction.reconcile`` has the rules; ``provenance``
in the record names the witness of its text, title, authors, published and modified.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from crawler.extraction.extracted import Extracted
from crawler.extraction.reconcile import best_date
from crawler.items import Article, Page, record_id
from crawler.utils.dates import parse_date
from crawler.utils.text import primary_language
from crawler.utils.urls import absolute_http_url

CUT_SHORT_WORDS = 150  # a paywalled text shorter than this is the teaser the wall leaves


def assemble_article(page: Page, found: Extracted) -> Article:
    """Merge a page's extraction with its hints into the Article record."""
    hints = page.hints
    evidence = found.evidence
    listed_by = page.source["type"] if page.source["type"] in ("feed", "sitemap") else "feed"
    canonical = found.canonical_url or page.url
    provenance = {"text": found.text_source}
    title, provenance["title"] = first(
        ("jsonld", evidence.headline), ("trafilatura", found.title), (listed_by, hints.get("title"))
    )
    authors, provenance["authors"] = first(
        ("jsonld", evidence.authors),
        ("byline", evidence.byline if _extends(evidence.byline, found.authors) else None),
        ("trafilatura", found.authors),
        (listed_by, hints.get("authors")),
    )
    published, provenance["published"] = best_date(
        [
            ("jsonld", evidence.published),
            ("meta", evidence.meta_published),
            ("trafilatura", found.date),
            ("page", evidence.time_published),
            (listed_by, hints.get("published")),
        ]
    )
    modified, provenance["modified"] = best_date(
        [("jsonld", evidence.modified), ("meta", evidence.meta_modified)]
    )
    if modified and published and parse_date(modified) < parse_date(published):  # type: ignore[operator]
        modified, provenance["modified"] = None, None
    language, provenance["language"] = first(
        ("page", found.language),
        ("jsonld", primary_language(evidence.language)),
        (listed_by, hints.get("language")),
    )
    text = without_headline(found.text, title, found.title)
    access = {True: "free", False: "subscriber"}.get(evidence.free, "unknown")  # type: ignore[arg-type]
    if access == "unknown" and found.paywall_box and cut_short(text):
        access = "subscriber"  # the page does not say so, but shows a teaser and a wall
    return Article(
        id=record_id(canonical),
        url=page.url,
        canonical_url=canonical,
        title=title,
        authors=list(authors or []),
        published=published,
        modified=modified,
        language=language,
        sitename=found.sitename,
        description=found.description or hints.get("summary"),
        tags=_merge(found.tags, hints.get("tags", [])),
        image=absolute_http_url(found.image, page.url) if found.image else None,
        text=text,
        content=found.content,
        provenance={field: source for field, source in provenance.items() if source},
        source=page.source,
        fetched_at=page.fetched_at,
        requested_url=page.requested_url,
        sketch=found.sketch,
        lease=page.lease,
        access=access,
        truncated=access == "subscriber" and cut_short(text),
        warc=page.warc,
        page_id=id(page),
    )


def cut_short(text: str) -> bool:
    """Whether a text stops where a paywall would cut it: a few paragraphs at most, or a last
    line that trails off."""
    last = text.rstrip()[-3:]
    return len(text.split()) < CUT_SHORT_WORDS or last.endswith(("…", "...")) or last[-1:] == ","


def first(*witnesses: tuple[str, object]) -> tuple[Any, str | None]:
    """The first witness with a value: ``(value, its name)``, or ``(None, None)``."""
    for source, value in witnesses:
        if value:
            return value, source
    return None, None


def _extends(byline: list[str], authors: list[str]) -> bool:
    """Whether the story's rel=author links name more people than trafilatura found, and all
    of those (trafilatura stops at the first of several bylines)."""
    folded = {name.casefold() for name in byline}
    return len(byline) > len(authors) and all(a.casefold() in folded for a in authors)


HEADER_LINES = 3  # lines at the text's top where the headline may be repeated
MIN_HEADLINE_WORDS = 4  # a headline long enough to be told apart from a line that ends alike
MAX_KICKER_WORDS = 8  # words before a headline that still make a kicker, not a sentence
# The h1 is worded apart from the title in the page's head ("Kollaps der SVB Fed räumt Fehler
# ein" and "SVB: Fed räumt Fehler ein"): a line at the top that shares this share of its words
# with a title, and of the title's with it, is the headline all the same.
HEADLINE_OVERLAP = 0.5
_SITE_SUFFIX = re.compile(r"\s*[|–—-]\s*[^|–—.!?]{1,40}")
_WORD = re.compile(r"\w+")
# what a headline in other words does not have: a full stop, or three words in lower case in a
# row ("We hope you enjoy Python 3.6" shares the title's words and is the story's)
_PROSE = re.compile(r"\.\W*$|\b[a-zß-ÿ]{2,} [a-zß-ÿ]{2,} [a-zß-ÿ]{2,}\b")


def without_headline(text: str, title: str | None, *others: str | None) -> str:
    """The text without the lines at its top that repeat the headline (trafilatura keeps the
    h1, and a lead set apart may come before it): the headline itself, the headline after its
    kicker ("Kicker Headline"), or the headline with the site's name ("Headline | Site"). Words
    are compared, not punctuation: the h1 and the title set a colon or a dash apart. ``others``:
    the page's other titles (its og:title, where ``title`` is its JSON-LD headline)."""
    titles = [value for value in (title, *others) if value]
    if not titles:
        return text
    lines = text.split("\n")
    top = [
        index
        for index, line in enumerate(lines[:HEADER_LINES])
        if any(_is_headline(line, value) for value in titles)
    ]
    if not top or not any(line.strip() for line in lines[top[-1] + 1 :]):
        return text
    return "\n".join(line for index, line in enumerate(lines) if index not in top).strip()


def _is_headline(line: str, title: str) -> bool:
    said, headline = _WORD.findall(line.casefold()), _WORD.findall(title.casefold())
    if said == headline:
        return bool(said)
    if len(headline) < MIN_HEADLINE_WORDS:  # "Ischgl" ends many a line
        return False
    kicker = len(said) - len(headline)
    if 0 < kicker <= MAX_KICKER_WORDS and said[kicker:] == headline:
        # a kicker and its headline end without a full stop: 'The mayor said: "We can do it."'
        # quotes the headline in a sentence of the story
        return not line.rstrip().rstrip("\"'“”„«»‘’").endswith(".")
    folded, folded_title = _fold(line), _fold(title)
    if folded.startswith(folded_title):  # the site's name after it
        return _SITE_SUFFIX.fullmatch(folded[len(folded_title) :]) is not None
    return _worded_apart(said, headline) and not _PROSE.search(line)


def _worded_apart(said: list[str], headline: list[str]) -> bool:
    """The same headline in other words: most words in common, both ways, and not much longer."""
    if len(said) > len(headline) + MAX_KICKER_WORDS:
        return False
    common = sum((Counter(said) & Counter(headline)).values())
    return common >= HEADLINE_OVERLAP * len(said) and common >= HEADLINE_OVERLAP * len(headline)


def _fold(value: str) -> str:
    return " ".join(value.split()).casefold()


def _merge(first: list[str], second: list[str]) -> list[str]:
    seen = {tag.casefold() for tag in first}
    return [*first, *(tag for tag in second if tag.casefold() not in seen)]
