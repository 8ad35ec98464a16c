"""Assemble the output record from what the page says and what the feed or sitemap said.

The page is the better witness for its own text and metadata; the feed fills the gaps. A feed
timestamp refines a page date of the same day (pages often give only the day).
"""

from __future__ import annotations

from crawler.extracted import Extracted
from crawler.items import Article, Page, record_id
from crawler.urls import absolute_http_url


def assemble_article(page: Page, found: Extracted) -> Article:
    """Merge a page's extraction with its hints into the Article record."""
    hints = page.hints
    canonical = found.canonical_url or page.url
    return Article(
        id=record_id(canonical),
        url=page.url,
        canonical_url=canonical,
        title=found.title or hints.get("title"),
        authors=found.authors or list(hints.get("authors", [])),
        published=published_date(found.date, hints.get("published")),
        language=found.language or hints.get("language"),
        sitename=found.sitename,
        description=found.description or hints.get("summary"),
        tags=_merge(found.tags, hints.get("tags", [])),
        image=absolute_http_url(found.image, page.url) if found.image else None,
        text=without_headline(found.text, found.title or hints.get("title")),
        source=page.source,
        fetched_at=page.fetched_at,
        requested_url=page.requested_url,
        sketch=found.sketch,
    )


def published_date(page_date: str | None, feed_date: str | None) -> str | None:
    """The page's date, made precise by the feed's timestamp when both name the same day."""
    if page_date and feed_date and feed_date.startswith(page_date[:10]):
        return feed_date
    return page_date or feed_date


def without_headline(text: str, title: str | None) -> str:
    """The text without a first line that repeats the headline (trafilatura keeps the h1)."""
    first, _, rest = text.partition("\n")
    if title and rest.strip() and _fold(first) == _fold(title):
        return rest.strip()
    return text


def _fold(value: str) -> str:
    return " ".join(value.split()).casefold()


def _merge(first: list[str], second: list[str]) -> list[str]:
    seen = {tag.casefold() for tag in first}
    return [*first, *(tag for tag in second if tag.casefold() not in seen)]
