"""Lines that a site repeats article after article: template text that extraction kept.

On one page, a disclaimer ("This post contains affiliate links"), an author's box, a pitch
for the newsletter or the agency's standards line look like the story: they are prose, they
sit inside the article's element, and no rule about one page can tell them from it. Across a
site's pages they give themselves away, because a story's own lines are not the same in the
next story. So each site's last ``window`` articles are remembered as the keys of their
lines, and a line that enough of them carried is taken out of the next article's text: at
the text's edges (the lines before its first line of its own, a line of ``MIN_LINE_CHARS``
or more that fewer than ``min_articles`` carried, and after its last), where templates put
their boxes, ``min_articles``; between, where a running story may repeat a background
paragraph or a quote, half the window (``min_articles`` at least). A text with no line of
its own is left as it is.

A key is a stable 64-bit hash of the line, case and spacing aside, so that the memory can be
kept in the state store between runs: a scheduled crawl that emits five articles a run still
knows its sites' templates. The first articles seen of a site keep such lines: there is
nothing yet to compare them with.
"""

from __future__ import annotations

import hashlib
import re
import sys
from array import array
from collections import Counter, OrderedDict, deque
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from crawler.utils.text import folded

# Shorter lines repeat in stories of their own right: a heading ("Key points"), an
# ingredient ("1 tsp salt"), a result; the boilerplate this is for is sentences.
MIN_LINE_CHARS = 30
# Sites whose memory is held at once: beyond that the least recently seen is let go (its new
# articles saved first, when there is a state store), so that a crawl of many sites holds a
# bounded memory.
MAX_SITES = 1000
# Web archives' replays (/web/20181206101316/https://site/page; Archive-It puts a collection
# number for "web"; a mode such as "id_" may follow the timestamp): each archived site's
# pages keep their own template.
_ARCHIVES = frozenset(("web.archive.org", "wayback.archive-it.org", "arquivo.pt"))
_REPLAY = re.compile(r"^/(?:web|wayback|\d+)/\d{4,14}(?:[a-z]{2}_)?/(.+)$")

Loader = Callable[[str], list[list[int]]]
Saver = Callable[[dict[str, list[list[int]]], int], None]


def line_key(line: str) -> int:
    """A line's key: stable across processes and runs (Python's ``hash`` is not)."""
    return int.from_bytes(hashlib.blake2b(folded(line).encode(), digest_size=8).digest(), "big")


Keyed = list[tuple[str, int | None]]


def keyed_lines(text: str) -> Keyed:
    """The lines of ``text``, each with its key, or None when it is too short to count."""
    return [
        (line, line_key(line) if len(line.strip()) >= MIN_LINE_CHARS else None)
        for line in text.split("\n")
    ]


def keys_of(text: str | Keyed) -> frozenset[int]:
    """The keys of the lines of a text that may be template lines."""
    keyed = keyed_lines(text) if isinstance(text, str) else text
    return frozenset(key for _, key in keyed if key is not None)


def site_of(url: str) -> str:
    """The site an article belongs to: its host, without a leading ``www.``; for a page of a
    web archive's replay (``/web/<timestamp>/<url>``), the archived page's host, as the
    archive serves every site's pages in their own templates."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    replayed = _REPLAY.match(parts.path) if host in _ARCHIVES else None
    if replayed:
        # "https:/site/page" as some URL normalisers leave it, or no scheme at all
        original = re.sub(r"^(https?):/*", r"\1://", replayed.group(1))
        if "://" not in original:
            original = f"http://{original}"
        try:
            archived = urlsplit(original).hostname or ""
        except ValueError:  # a broken IPv6 literal
            archived = ""
        if "." in archived:
            host = archived
    return host.removeprefix("www.")


def pack(keys: Iterable[int]) -> bytes:
    """An article's keys as the state store keeps them: 8 bytes each, little-endian (a
    store may move to another machine)."""
    packed = array("Q", sorted(keys))
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def unpack(data: bytes) -> list[int]:
    packed = array("Q", data)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tolist()


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


def without_repeats(
    text: Keyed, lines: SiteLines, min_articles: int, min_chars: int
) -> tuple[str | None, list[int]]:
    """A text (``keyed_lines``) without the lines the site's last articles carried (see the
    module's docstring), or None when none went; and the keys of the lines that went. Nothing
    goes when less than ``min_chars`` would stay: an article that is all template is for the
    duplicate checks and the limits to judge."""
    counts = lines.counts
    own = [
        at
        for at, (_, key) in enumerate(text)
        if key is not None and counts.get(key, 0) < min_articles
    ]
    if not own:  # all of it is what the site printed before: a republished story, a bulletin
        return None, []
    first, last = own[0], own[-1]
    middle = max(min_articles, (lines.articles.maxlen or 0) // 2)
    kept, gone = [], []
    for at, (line, key) in enumerate(text):
        needed = middle if first < at < last else min_articles
        if key is not None and counts.get(key, 0) >= needed:
            gone.append(key)
        else:
            kept.append(line)
    if not gone:
        return None, []
    cleaned = "\n".join(kept).strip()
    if len(cleaned) < min_chars:
        return None, []
    return cleaned, gone


def without_lines(markdown: str, gone: Collection[int], text: str) -> str:
    """The record's Markdown copy without the lines that went from its ``text`` wherever
    they were in it (a line that has formatting of its own there stays), and without the
    blank line that set each apart."""
    keys = set(gone) - keys_of(text)
    kept: list[str] = []
    for line in markdown.split("\n"):
        if line.strip() and line_key(line) in keys:
            if kept and not kept[-1].strip():
                kept.pop()  # the paragraph's blank line goes with it
            continue
        kept.append(line)
    return "\n".join(kept).strip("\n")


@dataclass(frozen=True)
class Seen:
    """What an article showed of its site's template, kept on it until it is written."""

    site: str
    keys: frozenset[int]  # its lines' keys, before any went
    removed: int  # lines that went


class SiteMemory:
    """Each site's ``SiteLines``, at most ``max_sites`` of them, the least recently seen let
    go first.

    ``load(site)`` gives a site's stored articles' keys, oldest first; ``save(new, window)``
    appends sites' new articles to the store, which keeps the last ``window`` of each. Both
    are the state store's when there is one: then each save also reads the sites again, so
    that the workers of a distributed crawl learn what the others saw.
    """

    def __init__(
        self,
        window: int,
        load: Loader | None = None,
        save: Saver | None = None,
        max_sites: int = MAX_SITES,
    ) -> None:
        self.window = window
        self.load = load
        self.save = save
        self.max_sites = max_sites
        self.sites: OrderedDict[str, SiteLines] = OrderedDict()
        self.unsaved: dict[str, list[list[int]]] = {}

    def __getitem__(self, site: str) -> SiteLines:
        lines = self.sites.get(site)
        if lines is not None:
            self.sites.move_to_end(site)
            return lines
        lines = self.sites[site] = SiteLines(self.window, self.load(site) if self.load else ())
        if len(self.sites) > self.max_sites:
            gone, _ = self.sites.popitem(last=False)
            new = self.unsaved.pop(gone, None)
            if self.save and new:
                self.save({gone: new}, self.window)
        return lines

    def add(self, site: str, keys: Iterable[int]) -> None:
        keys = sorted(keys)
        self[site].add(keys)
        if self.save:
            self.unsaved.setdefault(site, []).append(keys)

    def flush(self) -> None:
        """Save the sites' new articles, and read those sites again from the store."""
        if not (self.save and self.unsaved):
            return
        saved = self.unsaved
        self.save(saved, self.window)
        self.unsaved = {}
        if self.load:
            for site in saved:
                if site in self.sites:
                    self.sites[site] = SiteLines(self.window, self.load(site))
