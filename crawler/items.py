"""The items that travel through the pipelines.

``Page`` is what a spider hands over: a fetched article page and what the feed or sitemap said
about it. The extraction pipeline turns it into an ``Article``, the one output record: its fields
are the output schema (``crawler/schema/article.schema.json``, documented in docs/output.md).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from typing import Any, Literal, NotRequired, TypedDict

SourceType = Literal["feed", "sitemap", "site", "warc"]


class Source(TypedDict):
    """How an article was found: through a feed, a sitemap, a link on a site page, or in a
    WARC file (``url``: the file's path)."""

    type: SourceType
    url: str
    name: NotRequired[str]  # the source's name in a sources file


class Hints(TypedDict, total=False):
    """What a feed entry or sitemap record said about an article before it was fetched."""

    title: str
    published: str
    authors: list[str]
    summary: str
    content: str  # the article's text as the feed gives it (content:encoded), for extraction
    tags: list[str]
    language: str


@dataclass(kw_only=True)
class Page:
    """A fetched page waiting for extraction. Never written out."""

    url: str
    body: bytes
    content_type: str | None
    content_language: str | None
    source: Source
    hints: Hints
    fetched_at: str
    # Articles whose extracted date is older are dropped (from -a since / the sources file).
    since: str | None = None
    # Articles in another language are dropped (from -a languages / the sources file).
    languages: list[str] = field(default_factory=list)
    # The URL as requested, before redirects: remembered so the next run need not fetch it.
    requested_url: str | None = None
    lease: str | None = None  # distributed mode: the lease of the request (crawler.distributed)
    warc: dict[str, Any] | None = None  # where the response is archived (crawler.warc)


@dataclass(kw_only=True)
class Article:
    """One news article: the record written to JSON Lines."""

    id: str
    url: str
    canonical_url: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    language: str | None = None
    sitename: str | None = None
    description: str | None = None
    tags: list[str] = field(default_factory=list)
    image: str | None = None
    text: str
    content: str | None = None  # with NEWS_CONTENT_FORMAT: the text as Markdown or HTML
    provenance: dict[str, str] = field(default_factory=dict)
    source: Source
    fetched_at: str
    duplicate_of: str | None = None  # with NEWS_DUPLICATES = "mark": the kept record's id
    access: str = "unknown"  # "free", "subscriber" (behind a paywall) or "unknown"
    truncated: bool = False  # a subscriber article whose text is evidently cut short
    warc: dict[str, Any] | None = None  # the WARC record of its response: file, offset, length
    # Not written out (see OUTPUT_FIELDS): the URL as requested, before redirects, the
    # near-duplicate sketch of the text, if the extractor made one, and the rest below.
    requested_url: str | None = None
    sketch: Any = None
    lease: str | None = None  # distributed mode: the request's lease, acknowledged when written
    template: Any = None  # what it showed of its site's template (crawler.repeats.Seen)
    # The exact-text digest of the text as extraction gave it, before any template line went:
    # the duplicate checks and the state store know a text by it, whatever was taken out.
    digest: str | None = None
    # id() of the Page it was made from: Scrapy signals a drop with the item that entered the
    # pipelines, the Page, so what a pipeline keeps for an article until written is keyed so
    page_id: int = 0


# The output schema's fields, in order: what the writer and -o/-O write.
OUTPUT_FIELDS = [
    f.name
    for f in fields(Article)
    if f.name not in ("requested_url", "sketch", "lease", "template", "page_id", "digest")
]


def record_id(canonical_url: str) -> str:
    """A stable id for an article: the first 16 hex digits of SHA-1 of its canonical URL."""
    return hashlib.sha1(canonical_url.encode("utf-8")).hexdigest()[:16]
