"""Near-duplicate text: MinHash sketches of word 3-shingles, found again through LSH bands.

A syndicated copy keeps most three-word runs of the original even with a new headline, a
byline, a few edited words, a dropped or moved paragraph; a different story shares few. Two
texts are near duplicates when the Jaccard similarity of their shingle sets reaches the
threshold (default 0.5: a copy with one word in ten edited scores about 0.57, a follow-up that
quotes a third of a story about 0.2) and their facts agree: when both carry numbers, at least
half of them must be shared, so that template-made reports (weather, results) with other
figures are never merged. Texts under ``min_words`` words are compared exactly only.

Shared boilerplate: two different stories under one long disclaimer (or one standard box) can
reach the threshold through that block alone. So when a candidate shares identical paragraphs
with the new text, those are set aside and what remains of the two must still be alike (one
mostly contained in the other): a syndicated copy passes (its edited paragraphs are still the
original's, its added byline is small), a different story under the same block does not.

MinHash here is the affine scheme of datasketch 2 ("affine32": ``a * h + b mod 2**32`` with
odd ``a``, a bijection) in a few lines of numpy: importing datasketch would load SciPy, 40 MB
in every extraction worker, for nothing this module needs.

Lookup is sublinear: the 128-value signature is cut into 42 bands of 3 values, and only
articles that share a band with the new one are compared (with 3 rows a band, a pair at
similarity 0.5 shares one with probability 0.996). Comparisons use a consistent half-sample of
each article's shingle hashes, kept beside its signature: exact on what is sampled, and
precise where a small part of a text is compared with a whole one.

Lookup cost is bounded whatever the store holds, so that a crawl's cost per page does not grow
with its size. A band bucket keeps only its first ``bucket_size`` articles: a band shared by
more (a template's boilerplate, a stock phrase) says nothing about any of them, and an article
that comes later is still found through its other bands. Of the articles sharing bands with a
new one, only the ``candidates`` that share the most are verified: a copy shares about
``42 * J**3`` bands with its original (21 at similarity 0.8), an unrelated text one or two.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from zlib import crc32

import numpy as np

from crawler import settings as defaults
from crawler.utils.text import folded

NUM_PERM = 128
ROWS = 3
BANDS = NUM_PERM // ROWS  # 42
SHINGLE = 3
_WORD = re.compile(r"\w+", re.UNICODE)
_DIGIT = re.compile(r"\d")
_MASK = np.uint64(2**32 - 1)
_K1, _K2 = np.uint64(0x9E3779B1), np.uint64(0x85EBCA77)  # odd: position-aware shingles
_EMPTY = 2**32 - 1
_SHIFT = 32 - 7  # NUM_PERM = 2**7 bins, by the top bits of a shingle's hash
assert NUM_PERM == 1 << (32 - _SHIFT)
_BIN_STARTS = (np.arange(NUM_PERM, dtype=np.uint64) << np.uint64(_SHIFT)).astype(np.uint32)
_ROTATION = np.uint64(0x9E3779B9)  # what an empty bin adds per bin it borrows across
# Band keys mix the band's values with these odd constants (one set per scheme: keys stored
# by a run with another sketch scheme never meet these, rather than mismatching).
_BAND_MIX = np.array(
    [0xD6E8FEB86659FD93, 0xA0761D6478BD642F, 0xE7037ED1A0B428DB, 0x8EBC6AF09C88C6E3],
    dtype=np.uint64,
)


def minhash(hashes: np.ndarray) -> np.ndarray:
    """The signature of a set of shingle hashes (sorted, unique, well mixed), by one permutation
    hashing (Li, Owen and Zhang, 2012): the hashes fall into NUM_PERM bins by their top bits
    and each bin keeps its smallest, so two texts agree on a bin about as often as their
    Jaccard similarity, as with NUM_PERM separate permutations but in one pass (sorted input:
    a binary search per bin). An empty bin borrows from the next filled one, plus a rotation
    per bin crossed (Shrivastava, 2017), so short texts still band like long ones."""
    if not len(hashes):
        return np.full(NUM_PERM, _EMPTY, dtype=np.uint32)
    first = np.minimum(np.searchsorted(hashes, _BIN_STARTS), len(hashes) - 1)
    values = hashes[first].astype(np.uint64)
    filled = np.flatnonzero((values >> np.uint64(_SHIFT)) == np.arange(NUM_PERM))
    bins = np.arange(NUM_PERM)
    donor = filled[np.searchsorted(filled, bins) % len(filled)]
    distance = ((donor - bins) % NUM_PERM).astype(np.uint64)
    return ((values[donor] + distance * _ROTATION) & _MASK).astype(np.uint32)


@dataclass(frozen=True)
class Sketch:
    """What is kept of a text for near-duplicate search."""

    signature: np.ndarray  # NUM_PERM uint32 MinHash values, for the LSH bands
    sample: np.ndarray  # sorted uint32 hashes of the shingles whose hash is even
    numbers: frozenset[str]
    words: int
    paragraphs: frozenset[str]  # digests of the paragraphs of 8 words or more

    @cached_property  # asked by the search and again when the sketch is stored
    def bands(self) -> list[int]:
        """One signed 63-bit key per band (band index and its values), for an SQL index."""
        rows = self.signature[: BANDS * ROWS].astype(np.uint64).reshape(BANDS, ROWS)
        keys = np.arange(BANDS, dtype=np.uint64) * _BAND_MIX[0]
        for row in range(ROWS):
            keys = (keys ^ rows[:, row]) * _BAND_MIX[row + 1]
        keys ^= keys >> np.uint64(33)  # MurmurHash3's 64-bit finaliser, in part
        keys *= _BAND_MIX[0]
        keys ^= keys >> np.uint64(33)
        return (keys >> np.uint64(1)).astype(np.int64).tolist()


def sketch(text: str, leave_out: frozenset[str] = frozenset()) -> Sketch:
    """The sketch of a text; paragraphs whose digest is in ``leave_out`` are skipped."""
    words: list[str] = []
    numbers: set[str] = set()
    digests = set()
    ends: list[int] = []  # where each paragraph's words end in ``words``
    short: list[str] = []  # paragraphs of fewer words than a shingle: one shingle each
    for paragraph in text.casefold().split("\n"):
        tokens = _WORD.findall(paragraph)
        digest = _digest(" ".join(tokens)) if len(tokens) >= 8 else None
        if digest in leave_out or not tokens:
            continue
        if digest:
            digests.add(digest)
        words.extend(tokens)
        if _DIGIT.search(paragraph):
            numbers.update(t for t in tokens if not t.isalpha() and _DIGIT.search(t))
        ends.append(len(words))
        if len(tokens) < SHINGLE:
            short.append(" ".join(tokens))
    hashes = _sorted_unique(_shingle_hashes(words, ends, short))
    return Sketch(
        minhash(hashes),
        hashes[hashes % 2 == 0],
        frozenset(numbers),
        len(words),
        frozenset(digests),
    )


def _shingle_hashes(words: list[str], ends: list[int], short: list[str]) -> np.ndarray:
    """32-bit hashes of the word 3-shingles, none across a paragraph end (moving or leaving
    out a paragraph adds none). Each word is hashed once (CRC-32, stable across runs and
    processes) and the shingles combined and mixed in numpy: a hash per shingle in Python
    took a tenth of a page's extraction time."""
    word_hashes = np.fromiter(map(crc32, map(str.encode, words)), np.uint64, len(words))
    combined = np.empty(0, dtype=np.uint64)
    if len(words) >= SHINGLE:
        valid = np.ones(len(words) - SHINGLE + 1, dtype=bool)
        for end in ends:  # a shingle starting in the last two words of a paragraph crosses it
            valid[max(0, end - SHINGLE + 1) : end] = False
        first, second, third = word_hashes[:-2], word_hashes[1:-1], word_hashes[2:]
        combined = (first * _K1 + second * _K2 + third)[valid]
    extra = np.array([crc32(text.encode()) for text in short], dtype=np.uint64)
    return _mix(np.concatenate((combined & _MASK, extra)))


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique`` for a flat array, five times faster (numpy 2 hashes before sorting)."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]


def _mix(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser: every input bit reaches every output bit."""
    h = values.astype(np.uint64)
    h ^= h >> np.uint64(16)
    h = (h * np.uint64(0x85EBCA6B)) & _MASK
    h ^= h >> np.uint64(13)
    h = (h * np.uint64(0xC2B2AE35)) & _MASK
    h ^= h >> np.uint64(16)
    return h.astype(np.uint32)


def exact_key(text: str) -> str:
    """A digest of the text with case and whitespace folded: exact duplicates share it. (The
    duplicate check hands it on in ``Article.digest``, for the writer's state marks.)"""
    return hashlib.sha1(folded(text).encode("utf-8")).hexdigest()


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def to_bytes(values: np.ndarray) -> bytes:
    return values.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)


def jaccard(first: np.ndarray, second: np.ndarray) -> float:
    """Jaccard similarity of two sorted samples."""
    shared = _shared(first, second)
    union = len(first) + len(second) - shared
    return shared / union if union else 0.0


def contained(part: np.ndarray, whole: np.ndarray) -> float:
    """The share of ``part`` found in ``whole`` (sorted samples)."""
    return _shared(part, whole) / len(part) if len(part) else 1.0


def _shared(first: np.ndarray, second: np.ndarray) -> int:
    """How many values two sorted, duplicate-free arrays have in common: a binary search of
    each of ``first`` in ``second`` (numpy's set functions sort both anew: ten times slower,
    and up to eight candidates are compared for each article)."""
    if not len(first) or not len(second):
        return 0
    where = np.searchsorted(second, first)
    where[where == len(second)] = 0
    return int(np.count_nonzero(second[where] == first))


def _without(values: np.ndarray, common: np.ndarray) -> np.ndarray:
    """The values of a sorted array that are not in the sorted ``common``."""
    if not len(values) or not len(common):
        return values
    where = np.searchsorted(common, values)
    where[where == len(common)] = 0
    return values[common[where] != values]


def same_facts(first: frozenset[str], second: frozenset[str]) -> bool:
    """False when both texts carry numbers and share fewer than half of them."""
    if len(first) < 2 or len(second) < 2:
        return True
    return len(first & second) / len(first | second) >= 0.5


Candidate = tuple[str, bytes, str, str]  # record id, sample, numbers, paragraph digests
Ranked = tuple[str, bytes, str, str, int]  # a candidate and the number of bands it shares


class NearDuplicates:
    """Near-duplicate search over a state store (``crawler.state.StateStore``).

    New sketches wait in memory (and are searched there) until ``flush`` writes them in one
    transaction, every ``batch`` sketches and at the end of the run. ``verified`` counts the
    candidates compared, for the stats.
    """

    def __init__(
        self,
        store: Any,
        threshold: float = defaults.NEWS_NEAR_DUPLICATE_THRESHOLD,
        min_words: int = defaults.NEWS_NEAR_DUPLICATE_MIN_WORDS,
        batch: int = 1,
        *,
        candidates: int = defaults.NEWS_NEAR_DUPLICATE_CANDIDATES,
        bucket_size: int = defaults.NEWS_NEAR_DUPLICATE_BUCKET_SIZE,
    ) -> None:
        self.store = store
        self.threshold = threshold
        self.min_words = min_words
        self.batch = batch
        self.limit = candidates
        self.bucket_size = bucket_size
        self.verified = 0
        self.pending: list[tuple[Candidate, list[int]]] = []
        self.pending_bands: dict[int, list[Candidate]] = {}

    def candidates(self, bands: list[int], record_id: str = "") -> list[Ranked]:
        """The articles, stored or pending, that share the most bands with ``bands``: at most
        ``candidates`` of them, most bands first, ``record_id`` itself left out."""
        # One more than the limit: the article's own sketch may be among them.
        ranked = {c[0]: c for c in self.store.near_candidates(bands, self.limit + 1)}
        shared: dict[str, int] = {}
        pending: dict[str, Candidate] = {}
        for band in bands:
            for candidate in self.pending_bands.get(band, ()):
                shared[candidate[0]] = shared.get(candidate[0], 0) + 1
                pending[candidate[0]] = candidate
        for other_id, count in shared.items():
            stored = ranked.get(other_id)
            if stored is None or count > stored[4]:
                ranked[other_id] = (*pending[other_id], count)
        ranked.pop(record_id, None)
        return sorted(ranked.values(), key=lambda c: (-c[4], c[0]))[: self.limit]

    def find(self, found: Sketch, record_id: str, text: str) -> tuple[str, float] | None:
        """The most similar earlier article (record id, similarity) at or above the threshold.

        An article never duplicates itself: a sketch stored by a run that died before writing
        its line must not hide that article when it comes again.
        """
        if found.words < self.min_words:
            return None
        best: tuple[str, float] | None = None
        for other_id, sample_data, numbers, paragraphs, _ in self.candidates(
            found.bands, record_id
        ):
            self.verified += 1
            sample = from_bytes(sample_data)
            score = jaccard(found.sample, sample)
            if score < self.threshold or (best is not None and score <= best[1]):
                continue
            if not same_facts(found.numbers, frozenset(numbers.split())):
                continue
            shared = found.paragraphs & frozenset(paragraphs.split())
            if shared and not self._alike_beyond(shared, text, found.sample, sample):
                continue  # alike only through identical blocks (a disclaimer, a box)
            best = (other_id, score)
        return best

    @staticmethod
    def _alike_beyond(
        shared: frozenset[str], text: str, sample: np.ndarray, other: np.ndarray
    ) -> bool:
        """Whether two texts are alike once their identical paragraphs are set aside."""
        kept = [
            p for p in text.split("\n") if _digest(" ".join(_WORD.findall(p.casefold()))) in shared
        ]
        common = sketch("\n".join(kept)).sample
        rest, other_rest = _without(sample, common), _without(other, common)
        if not len(rest) or not len(other_rest):
            return True  # one adds nothing to the shared paragraphs: a copy (maybe bylined)
        return max(contained(rest, other_rest), contained(other_rest, rest)) >= 0.5

    def add(self, found: Sketch, record_id: str) -> None:
        if found.words < self.min_words:
            return
        candidate = (
            record_id,
            to_bytes(found.sample),
            " ".join(sorted(found.numbers)),
            " ".join(sorted(found.paragraphs)),
        )
        bands = found.bands
        self.pending.append((candidate, bands))
        for band in bands:
            bucket = self.pending_bands.setdefault(band, [])
            if len(bucket) < self.bucket_size:
                bucket.append(candidate)
        if len(self.pending) >= self.batch:
            self.flush()

    def flush(self) -> None:
        """Write the sketches waiting in memory to the store, in one transaction."""
        if self.pending:
            self.store.add_sketches(
                [(*candidate, bands) for candidate, bands in self.pending], self.bucket_size
            )
        self.pending.clear()
        self.pending_bands.clear()


class MemorySketches:
    """The sketch store of a run without state (a one-off scrape, a WARC read): the two
    queries ``NearDuplicates`` asks of a state store, answered from dicts, as an in-memory
    SQLite database answered them at several times the cost."""

    def __init__(self) -> None:
        self.sketches: dict[str, Candidate] = {}
        # A band bucket is the one id in it, or a list once a second comes: most buckets
        # hold one article, and a list for each took 40% of the memory kept an article.
        self.bands: dict[int, str | list[str]] = {}

    def near_candidates(self, band_keys: list[int], limit: int) -> list[Ranked]:
        shared: dict[str, int] = {}
        for key in set(band_keys):
            bucket = self.bands.get(key, ())
            for record_id in (bucket,) if isinstance(bucket, str) else bucket:
                shared[record_id] = shared.get(record_id, 0) + 1
        top = sorted(shared.items(), key=lambda pair: (-pair[1], pair[0]))[:limit]
        return [(*self.sketches[record_id], count) for record_id, count in top]

    def add_sketches(
        self, sketches: list[tuple[str, bytes, str, str, list[int]]], bucket_size: int
    ) -> None:
        bands = self.bands
        for record_id, sample, numbers, paragraphs, keys in sketches:
            if record_id in self.sketches:
                continue
            self.sketches[record_id] = (record_id, sample, numbers, paragraphs)
            for key in keys:
                bucket = bands.get(key)
                if bucket is None:
                    if bucket_size > 0:
                        bands[key] = record_id
                elif isinstance(bucket, str):
                    if bucket_size > 1:
                        bands[key] = [bucket, record_id]
                elif len(bucket) < bucket_size:
                    bucket.append(record_id)
