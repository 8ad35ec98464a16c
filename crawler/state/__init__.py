"""The persistent state of scheduled crawls, behind one small interface.

What it keeps: the articles already emitted (URL keys → record id, first seen), the exact-text
digests and near-duplicate sketches (MinHash signatures under LSH band keys) of emitted
articles, and per feed or sitemap the HTTP validators (ETag, Last-Modified), the newest entry
date seen, and when it was last fetched with its polling interval
(``crawler.discovery.polling``); per site, the line keys of its last articles
(``crawler.repeats``). Entries expire after a configurable time, so the store cannot
grow forever. ``crawler.state.sqlite`` is the embedded default; a Redis back end implements the
same protocol.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from crawler.discovery.polling import Poll


@dataclass(frozen=True, kw_only=True)
class Validators:
    """What a feed or sitemap answered last time, for a conditional request."""

    etag: str | None = None
    last_modified: str | None = None
    newest_entry: str | None = None


class StateStore(Protocol):
    def seen_urls(self, keys: list[str]) -> set[str]:
        """Which of these URL keys belong to articles already emitted."""

    def record_for(self, keys: list[str]) -> str | None:
        """The record id written under one of these URL keys, if any."""

    def seen_text(self, digest: str) -> str | None:
        """The record id of an emitted article with this text digest, if any."""

    def mark_emitted(self, records: list[tuple[str, list[str], str]]) -> None:
        """Remember emitted articles: (record id, URL keys, text digest) each; committed."""

    def claim(self, record_id: str, keys: list[str], digest: str, adopt: str = "") -> str | None:
        """Claim these URL keys and text digest for an article about to be written, before
        it is emitted; return the record id that has them already (emitted, or claimed by a
        live writer other than ``adopt``, a dead one whose file is being recovered), if any.
        Only several writers at once (distributed workers) need it."""

    def release(self, records: list[tuple[str, list[str], str]]) -> None:
        """Give up this writer's claims on articles it will not write after all."""

    def exclusive(self) -> AbstractContextManager[bool | None]:
        """Held while one article is checked for duplicates and claimed: no other writer
        checks meanwhile, so two copies handled at the same moment are not both new. Gives
        False if the wait for it ran out (the check goes on: claims are still atomic)."""

    def near_candidates(
        self, band_keys: list[int], limit: int
    ) -> list[tuple[str, bytes, str, str, int]]:
        """(record id, shingle sample, numbers, paragraph digests, bands shared) of at most
        ``limit`` sketched articles that share the most of these bands, most first."""

    def add_sketches(
        self, sketches: list[tuple[str, bytes, str, str, list[int]]], bucket_size: int
    ) -> None:
        """Index near-duplicate sketches (record id, sample, numbers, paragraph digests, band
        keys) in one transaction; a band already holding ``bucket_size`` ids takes no more."""

    def validators(self, url: str) -> Validators | None:
        """The validators stored for a feed or sitemap URL."""

    def polls(self, urls: list[str]) -> dict[str, Poll]:
        """When these feeds or sitemaps were last fetched, and their polling intervals."""

    def store_polls(self, entries: dict[str, Poll]) -> None:
        """Remember when feeds or sitemaps were fetched and their next intervals (committed)."""

    def store_validators(self, entries: dict[str, Validators]) -> None:
        """Remember validators (committed); called when a run has finished its work."""

    def site_lines(self, site: str) -> list[list[int]]:
        """The line keys of a site's last articles, oldest first (``crawler.repeats``)."""

    def add_site_lines(self, entries: dict[str, list[list[int]]], window: int) -> None:
        """Append sites' new articles' line keys (committed), keeping each site's last
        ``window`` articles."""

    def expire(self, max_age_days: float) -> int:
        """Forget what is older than ``max_age_days``; return how many entries went."""

    def reset(self) -> None:
        """Forget everything."""

    def counts(self) -> dict[str, int]:
        """How many entries of each kind are stored."""

    def close(self) -> None: ...
