"""Consensus with a second extraction signal: does it make the text cleaner? Measured.

    python -m bench.consensus [--part dev|held-out|all] [--jobs 2]

The idea (issue 19; Bevendorff et al., SIGIR 2023, on extractor ensembles): keep a block of
the crawler's text only when another method agrees that it belongs, at least on the doubtful
margins of the text. The other methods are the three that trafilatura bundles and runs as its
own fallbacks: trafilatura with ``favor_precision``, readability (trafilatura's port) and
jusText. A block counts as confirmed by a method when at least ``AGREEMENT`` of its words are
in that method's text (exact matching is stricter still: each method cuts and joins blocks
its own way). Scored on ``bench.quality``'s corpus and scorer, beside the crawler's own text,
with the CPU milliseconds a page that each variant costs (the other methods included):

- ``consensus: short blocks``: a block under ``SHORT_WORDS`` words stays only when at least
  one other method confirms it (the doubtful blocks: captions, labels, teasers, boxes);
- ``consensus: every block``: every block needs one other method;
- ``consensus: two of three``: a short block needs two of the three;
- ``margins: ...``: only the first and the last block need a method's vote (readability's,
  or any of the three).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from pathlib import Path

from bench import quality
from bench.quality import DEFAULT_CORPUS, PARTS, crawler_record, load_cases, report, score

AGREEMENT = 0.8
SHORT_WORDS = 25
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def witnesses(body: bytes, url: str) -> list[set[str]]:
    """The words of the text of each other method, in the order named above."""
    import trafilatura
    from lxml.etree import tostring
    from trafilatura.external import try_justext, try_readability

    texts = [
        trafilatura.extract(body, url=url, include_comments=False, include_tables=True,
                            favor_precision=True) or "",
    ]  # fmt: skip
    for method in (
        lambda tree: try_readability(tree),
        lambda tree: try_justext(tree, url, None),
    ):
        tree = trafilatura.load_html(body)
        found = method(tree) if tree is not None else None
        texts.append(
            tostring(found, method="text", encoding="unicode") if found is not None else ""
        )
    return [set(_words(text)) for text in texts]


def confirmed_by(block: str, others: list[set[str]]) -> int:
    said = _words(block)
    if not said:
        return len(others)
    return sum(sum(word in other for word in said) >= AGREEMENT * len(said) for other in others)


def consensus(needed: int, short_only: bool) -> quality.Extractor:
    def run(body: bytes, url: str) -> tuple[str, str | None]:
        text, language = crawler_record(body, url)
        if not text:
            return text, language
        others = witnesses(body, url)
        kept = [
            block
            for block in text.split("\n")
            if (short_only and len(block.split()) >= SHORT_WORDS)
            or confirmed_by(block, others) >= needed
        ]
        return "\n".join(kept), language

    return run


def margins(blocks: int, methods: tuple[int, ...]) -> quality.Extractor:
    """The first and last ``blocks`` blocks stay only when one of ``methods`` (indexes into
    ``witnesses``) confirms them: the doubtful margins, where teasers and bylines sit."""

    def run(body: bytes, url: str) -> tuple[str, str | None]:
        text, language = crawler_record(body, url)
        lines = text.split("\n")
        if len(lines) <= 2 * blocks:
            return text, language
        every = witnesses(body, url)
        others = [every[index] for index in methods]
        kept = [
            line
            for at, line in enumerate(lines)
            if blocks <= at < len(lines) - blocks or confirmed_by(line, others)
        ]
        return "\n".join(kept), language

    return run


VARIANTS: dict[str, Callable[[bytes, str], tuple[str, str | None]]] = {
    "consensus: short blocks": consensus(1, short_only=True),
    "consensus: every block": consensus(1, short_only=False),
    "consensus: two of three": consensus(2, short_only=True),
    # readability runs inside trafilatura on nearly every page: its vote could come for free
    "margins: readability": margins(1, (1,)),
    "margins: any method": margins(1, (0, 1, 2)),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--part", choices=PARTS, default="dev")
    parser.add_argument("--jobs", type=int, default=1, help="processes (CPU figures stay per page)")
    args = parser.parse_args()
    if not (args.corpus / "evaldata.json").exists():
        raise SystemExit(f"no corpus at {args.corpus} (see its README)")
    # bench.quality's workers look extractors up by name (forked: they see these too)
    quality.EXTRACTORS.update(VARIANTS)
    cases = load_cases(args.corpus, args.part)
    print(f"part: {args.part}")
    report(score(cases, ["crawler", *VARIANTS], args.jobs), worst=0)


if __name__ == "__main__":
    main()
