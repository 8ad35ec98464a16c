"""Duplicate detection: precision and recall on a labelled corpus, and the cost per article.

    python -m bench.duplicates [--pages DIR] [--sizes 1000,10000,100000]

Corpus (``crawler.demo.duplicates``): originals with syndicated variants (new headline, 1-10%
of words edited, paragraphs reordered, last paragraph dropped, byline, another template, all at
once, the same text under another URL) and hard negatives (follow-ups quoting a third, stories
under one long disclaimer, short briefs, template-made reports with other facts). The
originals are the texts of real pages (``../shared/pages``, extracted by the crawler) when the
folder is there, and made-up stories otherwise. Every document goes through the same checks as
in a crawl (exact text, then near duplicates in a real SQLite state store).

Cost: the time to check and index one new article with 1k, 10k and 100k articles indexed.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections import Counter
from pathlib import Path

from crawler.demo.duplicates import (
    Doc,
    build_corpus,
    detect,
    evaluate,
    prose_story,
    sample_originals,
)
from crawler.extraction.extract import ArticleExtractor
from crawler.neardup import NearDuplicates, sketch
from crawler.state.sqlite import SqliteStateStore

DEFAULT_PAGES = Path(__file__).resolve().parents[2] / "shared" / "pages"


def real_stories(folder: Path) -> list[tuple[str, list[str]]]:
    extract = ArticleExtractor()
    stories = []
    for path in sorted(folder.glob("*.html")):
        found = extract(path.read_bytes(), f"https://example.org/{path.name}")
        if found and len(found.text) >= 800:
            paragraphs = [p for p in found.text.split("\n") if p.strip()]
            if len(paragraphs) >= 3:
                stories.append((found.title or path.stem, paragraphs))
    return stories


def run_detection(docs: list[Doc], threshold: float, folder: Path) -> dict[str, str | None]:
    store = SqliteStateStore(folder / f"eval-{threshold}.sqlite3")
    try:
        return detect(docs, store, threshold)
    finally:
        store.close()


def cost(size: int, folder: Path, probes: int = 300) -> float:
    """Microseconds to check and index one article with ``size`` articles indexed."""
    store = SqliteStateStore(folder / f"cost-{size}.sqlite3")
    near = NearDuplicates(store)
    rng = random.Random(size)
    pool = [" ".join(prose_story(rng)[1]) for _ in range(500)]
    for number in range(size):
        words = pool[number % len(pool)].split()
        rng.shuffle(words)  # a distinct text per article, with realistic length and vocabulary
        near.add(sketch(" ".join(words)), f"r{number}")
    started = time.perf_counter()
    for number in range(probes):
        text = " ".join(prose_story(rng)[1])
        found = sketch(text)
        near.find(found, f"p{number}", text)
        near.add(found, f"p{number}")
    elapsed = (time.perf_counter() - started) / probes * 1e6
    store.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    stories = real_stories(args.pages) if args.pages.is_dir() else []
    if len(stories) >= 30:
        originals, others = stories[: len(stories) // 3], stories[len(stories) // 3 :]
        others += sample_originals(max(0, 2 * len(originals) - len(others)), seed=99)
        source = f"{len(originals)} real texts from {args.pages}"
    else:
        originals, others = sample_originals(30), sample_originals(60, seed=99)
        source = "30 made-up stories"
    docs = build_corpus(originals, others)
    kinds = Counter(d.kind for d in docs)
    print(
        f"corpus: {len(docs)} documents from {source}: "
        + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for threshold in (0.4, 0.5, 0.6):
            verdicts = run_detection(docs, threshold, folder)
            score = evaluate(docs, verdicts)
            missed = Counter(next(d.kind for d in docs if d.id == m) for m in score.missed)
            print(
                f"threshold {threshold}: precision {score.precision:.4f}, recall {score.recall:.4f}, "
                f"false merges {len(score.false_merges)}, missed {len(score.missed)} {dict(missed)}, "
                f"stories lost {len(score.lost_clusters)}"
            )
            for doc_id, match in score.false_merges[:5]:
                print(f"    false merge: {doc_id} taken for a copy of {match}")
        sizes = [int(s) for s in args.sizes.split(",")]
        costs = {size: cost(size, folder) for size in sizes}
        for size, micro in costs.items():
            print(f"cost per article with {size:>7,} indexed: {micro:8.0f} µs")
        if len(sizes) > 1:
            print(f"ratio {sizes[-1]:,} / {sizes[0]:,}: {costs[sizes[-1]] / costs[sizes[0]]:.2f}")


if __name__ == "__main__":
    main()
