"""Lines that a site repeats article after article: template text that extraction kept.

On one page, a disclaimer ("This post contains affiliate links"), an author's box, a pitch
for the newsletter or the agency's standards line look like the story: they are prose, they
sit inside the article's element, and no rule about one page can tell them from it. Across a
site's pages they give themselves away, because a story's own lines are not the same in the
next story. So each site's last ``window`` articles are remembered as the keys of their
lines, and a line that at least ``min_articles`` of them carried is taken out of the next
article's text.

A key is a stable 64-bit hash of the line, case and spacing aside, so that the memory can be
kept in the state store between runs: a scheduled crawl that emits five articles a run still
knows its sites' templates. The first articles seen of a site keep such lines: there is
nothing yet to compare them with.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, OrderedDict, deque
from collections.abc import Callable, Collection, Iterable
from functools import lru_cache
from urllib.parse import urlsplit

# Shorter lines repeat in stories of their own right: a heading ("Key points"), an
# ingredient ("1 tsp salt"), a result; the boilerplate this is for is sentences.
MIN_LINE_CHARS = 30
_BLANK_LINES = re.compile(r"\n{3,}")
# Sites whose memory is held at once; the least recently seen go to the store (when there is
# one) beyond that, so that a crawl of many sites holds a bounded memory.
MAX_SITES = 1000


@lru_cache(maxsize=4096)  # each line is keyed twice (remembered, then looked up)
def line_key(line: str) -> int:
    """A line's key: stable across processes and runs (Python's ``hash`` is not)."""
    folded = " ".join(line.split()).casefold().encode()
    return int.from_bytes(hashlib.blake2b(folded, digest_size=8).digest(), "big")


def site_of(url: str) -> str:
    """The site an article belongs to: its host, without a leading ``www.``."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


class SiteLines:
    """The line keys of a site's last articles, and how many of those carried each key."""

    def __init__(self, window: int, articles: Iterable[Iterable[int]] = ()) -> None:
        self.articles: deque[frozenset[int]] = deque(maxlen=window)
        self.counts: Counter[int] = Counter()
        for keys in articles:
            self.add(keys)

    def add(self, keys: Iterable[int]) -> None:
        """Remember an article's lines, forgetting the oldest article's once the window is full."""
        if self.articles.maxlen == 0:
            return
        if len(self.articles) == self.articles.maxlen:
            oldest = self.articles.popleft()
            self.counts.subtract(oldest)
            for key in oldest:
                if self.counts[key] <= 0:
                    del self.counts[key]
        article = frozenset(keys)
        self.articles.append(article)
        self.counts.update(article)

    def carried_by(self, key: int) -> int:
        return self.counts.get(key, 0)

    def stored(self) -> list[list[int]]:
        """The window as the state store keeps it, oldest article first."""
        return [sorted(article) for article in self.articles]


def without_repeats(
    text: str, lines: SiteLines, min_articles: int, min_chars: int
) -> tuple[str, list[int]]:
    """``text`` without the lines that at least ``min_articles`` of the site's last articles
    carried, and the keys of the lines that went. Nothing goes when less than ``min_chars``
    would stay: an article that is all template is for the duplicate checks and the limits
    to judge."""
    kept, gone = [], []
    for line in text.split("\n"):
        key = line_key(line) if len(line.strip()) >= MIN_LINE_CHARS else None
        if key is not None and lines.carried_by(key) >= min_articles:
            gone.append(key)
        else:
            kept.append(line)
    if not gone:
        return text, []
    cleaned = "\n".join(kept).strip()
    if len(cleaned) < min_chars:
        return text, []
    return cleaned, gone


def without_lines(text: str, keys: Collection[int]) -> str:
    """``text`` without the lines of these keys: the same lines out of the record's Markdown
    copy (a line with formatting of its own there stays)."""
    kept = [line for line in text.split("\n") if not line.strip() or line_key(line) not in keys]
    return _BLANK_LINES.sub("\n\n", "\n".join(kept))  # one blank line where a paragraph went


def keys_of(text: str) -> set[int]:
    """The keys of the lines of ``text`` that may be template lines."""
    return {line_key(line) for line in text.split("\n") if len(line.strip()) >= MIN_LINE_CHARS}


class SiteMemory:
    """Each site's ``SiteLines``, the least recently seen first out beyond ``max_sites``.

    ``load(site)`` gives a site's stored window (or nothing); ``save(entries)`` stores the
    windows of sites let go. Both are the state store's when there is one.
    """

    def __init__(
        self,
        window: int,
        load: Callable[[str], list[list[int]]] | None = None,
        save: Callable[[dict[str, list[list[int]]]], None] | None = None,
        max_sites: int = MAX_SITES,
    ) -> None:
        self.window = window
        self.load = load
        self.save = save
        self.max_sites = max_sites
        self.sites: OrderedDict[str, SiteLines] = OrderedDict()
        self.changed: set[str] = set()

    def __getitem__(self, site: str) -> SiteLines:
        lines = self.sites.get(site)
        if lines is not None:
            self.sites.move_to_end(site)
            return lines
        lines = SiteLines(self.window, self.load(site) if self.load else ())
        self.sites[site] = lines
        if len(self.sites) > self.max_sites:
            gone, oldest = self.sites.popitem(last=False)
            if self.save and gone in self.changed:
                self.save({gone: oldest.stored()})
            self.changed.discard(gone)
        return lines

    def add(self, site: str, keys: Iterable[int]) -> None:
        self[site].add(keys)
        self.changed.add(site)

    def flush(self) -> None:
        """Store every site whose window changed since it was loaded."""
        if self.save and self.changed:
            self.save({site: self.sites[site].stored() for site in self.changed})
        self.changed.clear()
