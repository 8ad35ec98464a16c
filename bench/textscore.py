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
