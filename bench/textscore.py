"""Token-level precision, recall and F1 of an extracted text against a reference text."""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.casefold()))


def token_f1(extracted: str, reference: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of the tokens of ``extracted`` against ``reference``."""
    got, want = tokens(extracted), tokens(reference)
    overlap = sum((got & want).values())
    if not got or not want or not overlap:
        return 0.0, 0.0, 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def shingle_scores(extracted: str, reference: str, n: int = 4) -> tuple[float, float]:
    """(precision, recall) of the runs of ``n`` words of ``extracted`` against ``reference``,
    each run counted as often as it occurs (the scoring of Zyte's article-extraction
    benchmark: a word in the wrong place, or said twice, costs too). Case is kept."""
    got, want = _shingles(extracted, n), _shingles(reference, n)
    if not got and not want:
        return 1.0, 1.0
    common = sum((got & want).values())
    return (
        common / sum(got.values()) if got else 0.0,
        common / sum(want.values()) if want else 0.0,
    )


def _shingles(text: str, n: int) -> Counter[tuple[str, ...]]:
    words = _TOKEN.findall(text)
    return Counter(tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1)) if words)
