"""Read news feeds into entries: RSS 0.9x/1.0/2.0 and Atom through feedparser, JSON Feed here.

feedparser copes with feeds that are not well-formed (unclosed tags, bad entities, HTML served
as a feed); it flags them ``bozo`` and still returns what it could read. JSON Feed
(https://jsonfeed.org) is plain JSON and needs only a small reader.
"""

from __future__ import annotations

import calendar
import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import feedparser

from crawler.items import Hints
from crawler.utils.dates import isoformat
from crawler.utils.text import html_to_text, primary_language
from crawler.utils.urls import absolute_http_url

logger = logging.getLogger(__name__)


@dataclass(kw_only=True)
class FeedEntry:
    """One feed entry: the article URL and what the feed said about it."""

    url: str
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    summary: str | None = None
    content: str | None = None  # the full text the feed carries (content:encoded), as text
    tags: list[str] = field(default_factory=list)
    language: str | None = None  # the primary language code the feed gives (its own or the entry's)

    def hints(self) -> Hints:
        """The entry's metadata as hints for the article, leaving out what is unknown."""
        hints: Hints = {}
        if self.title:
            hints["title"] = self.title
        if self.published:
            hints["published"] = self.published
        if self.authors:
            hints["authors"] = list(self.authors)
        if self.summary:
            hints["summary"] = self.summary
        if self.content:
            hints["content"] = self.content
        if self.tags:
            hints["tags"] = list(self.tags)
        if self.language:
            hints["language"] = self.language
        return hints


@dataclass(kw_only=True)
class Feed:
    """A parsed feed. ``problem`` says why it could not be read at all, else None."""

    entries: list[FeedEntry]
    problem: str | None = None
    malformed: bool = False


def is_json_feed(body: bytes, content_type: str | None) -> bool:
    """True when the body looks like a JSON Feed rather than XML."""
    ctype = (content_type or "").lower()
    if "json" in ctype:
        return True
    return body.lstrip()[:1] == b"{"


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> Feed:
    """Parse a feed's bytes; relative links are resolved against ``url`` (or ``xml:base``)."""
    if is_json_feed(body, content_type):
        return parse_json_feed(body, url)
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(
        body, response_headers=headers, resolve_relative_uris=True, sanitize_html=False
    )
    language = primary_language(parsed.feed.get("language"))
    entries = []
    for raw in parsed.entries:
        if (entry := _rss_entry(raw, url)) is not None:
            entry.language = _entry_language(raw) or language
            entries.append(entry)
    malformed = bool(parsed.get("bozo"))
    if not entries and not parsed.get("version"):
        reason = str(parsed.get("bozo_exception") or "no feed found in the document")
        return Feed(entries=[], problem=reason, malformed=malformed)
    return Feed(entries=entries, malformed=malformed)


def _entry_language(raw: Any) -> str | None:
    """An Atom entry's ``xml:lang``, which feedparser keeps on its text constructs."""
    detail = raw.get("title_detail") or {}
    return primary_language(detail.get("language"))


def _rss_entry(raw: Any, base: str) -> FeedEntry | None:
    link = raw.get("link") or _alternate_link(raw)
    if not link and str(raw.get("id", "")).startswith(("http://", "https://")):
        link = raw["id"]  # Atom feeds sometimes carry the URL only as the entry id
    url = absolute_http_url(link, base) if link else None
    if url is None:
        return None
    authors = [a.get("name", "").strip() for a in raw.get("authors", []) if a.get("name")]
    if not authors and raw.get("author"):
        authors = [raw["author"].strip()]
    tags = [t.get("term", "").strip() for t in raw.get("tags", []) if t.get("term")]
    # dict.get: feedparser warns when "updated_parsed" is read through its alias mapping
    parsed_date = dict.get(raw, "published_parsed") or dict.get(raw, "updated_parsed")
    return FeedEntry(
        url=url,
        title=_clean(raw.get("title")),
        published=_iso_from_struct(parsed_date) if parsed_date else None,
        authors=[a for a in authors if a],
        summary=_clean(raw.get("summary")),
        content=_content(raw.get("content")),
        tags=[t for t in tags if t],
    )


def _content(values: Any) -> str | None:
    """The longest of an entry's content elements (RSS content:encoded, Atom content)."""
    texts = [
        html_to_text(str(value.get("value", "")))
        for value in values or []
        if isinstance(value, dict)
    ]
    return max((t for t in texts if t), key=len, default=None)


def _alternate_link(raw: Any) -> str | None:
    for link in raw.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"])
    return None


def parse_json_feed(body: bytes, url: str) -> Feed:
    """Read a JSON Feed (versions 1 and 1.1)."""
    try:
        data = json.loads(body.decode("utf-8-sig", errors="replace"))
    except ValueError as exc:
        return Feed(entries=[], problem=f"invalid JSON: {exc}")
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        return Feed(entries=[], problem="JSON document without an 'items' list")
    entries = []
    for item in data["items"]:
        if not isinstance(item, dict):
            continue
        link = item.get("url") or item.get("external_url") or item.get("id")
        entry_url = absolute_http_url(str(link), url) if link else None
        if entry_url is None:
            continue
        authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
        names = [str(a["name"]).strip() for a in authors if isinstance(a, dict) and a.get("name")]
        tags = [str(t).strip() for t in item.get("tags") or [] if str(t).strip()]
        entries.append(
            FeedEntry(
                url=entry_url,
                title=_clean(item.get("title")),
                published=_iso_from_text(item.get("date_published") or item.get("date_modified")),
                authors=names,
                summary=_clean(item.get("summary") or item.get("content_text")),
                content=html_to_text(item.get("content_html") or item.get("content_text")),
                tags=tags,
            )
        )
    return Feed(entries=entries)


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _iso_from_struct(value: Any) -> str | None:
    """feedparser's dates are UTC ``time.struct_time``; impossible ones are already None."""
    try:
        stamp = calendar.timegm(value)
        return datetime.fromtimestamp(stamp, tz=UTC).isoformat()
    except (TypeError, ValueError, OverflowError):
        return None


def _iso_from_text(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    if iso := isoformat(value):
        return iso
    # feedparser's date reader knows RFC 822 and the other forms that feeds use.
    struct = feedparser.datetimes._parse_date(value)
    return _iso_from_struct(struct) if struct else None
