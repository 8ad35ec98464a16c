"""What extraction takes and gives: plain data that crosses to worker processes and back.

Kept apart from ``crawler.extraction.extract`` so that the crawl process does not load trafilatura
when the workers do the extracting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from crawler.extraction.evidence import PageEvidence

if TYPE_CHECKING:  # numpy stays out of the workers: the crawl process sketches the text
    from crawler.neardup import Sketch

Favor = Literal["balanced", "precision", "recall"]


@dataclass(frozen=True, kw_only=True)
class ExtractionOptions:
    """How trafilatura is asked to work; see docs/settings.md."""

    favor: Favor = "balanced"
    tables: bool = True
    content_format: Literal["", "markdown", "html"] = ""  # the structured copy of the text


@dataclass(kw_only=True)
class Extracted:
    """What was found on the page. ``text`` is never empty."""

    text: str
    encoding: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    language: str | None = None
    sitename: str | None = None
    description: str | None = None
    tags: list[str] = field(default_factory=list)
    image: str | None = None
    canonical_url: str | None = None
    declared_article: bool = False  # the page says og:type=article
    paywall_box: bool = False  # a small box in the story that says the rest is for subscribers
    # for near-duplicate search; a custom extractor may give it, else the dedupe pipeline
    # makes it (in the crawl process, which has numpy loaded anyway: ~11 MB less a worker)
    sketch: Sketch | None = None
    text_source: str = "trafilatura"  # or "jsonld", "feed": whose body the text is
    evidence: PageEvidence = field(default_factory=PageEvidence)  # checked against the page
    content: str | None = (
        None  # the text as Markdown or HTML, with ExtractionOptions.content_format
    )
