"""The extraction quality gate: score the crawler on the golden corpus against pinned floors.

    python -m tests.golden.gate          # prints the scores; exit status 1 below a floor

Each case goes through what the crawler does with a fetched page: the extraction function the
workers run (with the feed entry's content, as the pipeline passes it) and the assembly of the
record (with the feed entry's hints). Scores: token F1 of the text (mean and worst case), and
exact match of title, authors (the same names in the same order), published (the same instant,
and a zone whenever the expected value has one) and language. Plain ``trafilatura.extract``
on the same pages is scored beside it for comparison. When ``../shared/trafilatura-eval`` is
present, the crawler's segment precision, recall and F1 on its development half of real pages
(``bench.quality``) have floors too; without it, a line says they were skipped. The floors are
in ``floors.json``; raise them when extraction gets better, never lower them to let a change
through.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.textscore import token_f1
from crawler.extraction.assemble import assemble_article
from crawler.extraction.extract import extract_page
from crawler.extraction.extracted import ExtractionOptions
from crawler.items import Article, Hints, Page
from crawler.utils.dates import parse_date
from crawler.utils.text import html_to_text

HERE = Path(__file__).parent
FIELDS = ("title", "authors", "published", "language")


def f1(got: str, expected: str) -> float:
    return token_f1(got, expected)[2]


def same_instant(got: str | None, expected: str) -> bool:
    parsed_got, parsed_expected = parse_date(got), parse_date(expected)
    has_zone = got is not None and (got.endswith("Z") or got[-6] in "+-")
    return parsed_got == parsed_expected and (has_zone or len(expected) <= 10)


def record(name: str) -> tuple[Article | None, dict[str, Any]]:
    spec = json.loads((HERE / "cases" / f"{name}.json").read_text(encoding="utf-8"))
    body = (HERE / "cases" / f"{name}.html").read_bytes()
    source = spec["input"]
    feed = source.get("feed") or {}
    hints: Hints = {k: feed[k] for k in ("title", "published") if feed.get(k)}  # type: ignore[misc]
    feed_text = html_to_text(feed.get("content"))
    found = extract_page(
        body, source["url"], source["content_type"], None, ExtractionOptions(), feed_text
    )
    if found is None:
        return None, spec
    page = Page(
        url=source["url"],
        body=body,
        content_type=source["content_type"],
        content_language=None,
        source={"type": "feed", "url": "https://gazette.example/feed.xml"},
        hints=hints,
        fetched_at="2026-11-27T00:00:00+00:00",
    )
    return assemble_article(page, found), spec


@dataclass
class Scores:
    f1: list[float] = field(default_factory=list)
    plain_f1: list[float] = field(default_factory=list)
    matches: dict[str, list[bool]] = field(default_factory=lambda: {f: [] for f in FIELDS})
    failures: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        result = {
            "text_f1_mean": sum(self.f1) / len(self.f1),
            "text_f1_min": min(self.f1),
            "plain_trafilatura_f1_mean": sum(self.plain_f1) / len(self.plain_f1),
            # cases where plain trafilatura does better by more than rounding
            "cases_not_worse_than_plain": sum(
                ours >= plain - 0.005 for ours, plain in zip(self.f1, self.plain_f1, strict=True)
            )
            / len(self.f1),
        }
        for name, hits in self.matches.items():
            result[f"{name}_exact"] = sum(hits) / len(hits)
        return result


def score() -> Scores:
    import trafilatura

    scores = Scores()
    for path in sorted((HERE / "cases").glob("*.json")):
        name = path.stem
        article, spec = record(name)
        expected = spec["expected"]
        html = (HERE / "cases" / f"{name}.html").read_text(encoding="utf-8")
        scores.plain_f1.append(f1(trafilatura.extract(html) or "", expected["text"]))
        if article is None:
            scores.f1.append(0.0)
            for hits in scores.matches.values():
                hits.append(False)
            scores.failures.append(f"{name}: no article")
            continue
        scores.f1.append(f1(article.text, expected["text"]))
        checks = {
            "title": article.title == expected["title"],
            "authors": article.authors == expected["authors"],
            "published": same_instant(article.published, expected["published"]),
            "language": article.language == expected["language"],
        }
        for field_name, ok in checks.items():
            scores.matches[field_name].append(ok)
            if not ok:
                got = getattr(article, field_name)
                scores.failures.append(f"{name}: {field_name} {got!r} != {expected[field_name]!r}")
        if scores.f1[-1] < 0.95:
            scores.failures.append(f"{name}: text F1 {scores.f1[-1]:.3f}")
    return scores


def below_floors(summary: dict[str, float]) -> list[str]:
    floors = json.loads((HERE / "floors.json").read_text(encoding="utf-8"))
    return [
        f"{name} {summary[name]:.4f} < floor {floor}"
        for name, floor in floors.items()
        if name in summary and summary[name] < floor  # real-page scores: when the corpus is there
    ]


def real_page_scores() -> dict[str, float] | None:
    """Segment precision, recall and F1 of the crawler's text on the development half of
    ``../shared/trafilatura-eval`` (``bench.quality``), or None when the corpus is absent."""
    from bench import quality

    if not (quality.DEFAULT_CORPUS / "evaldata.json").exists():
        return None
    cases = quality.load_cases(quality.DEFAULT_CORPUS, "dev")
    tally = quality.total(quality.score(cases, ["crawler"], jobs=2)["crawler"])
    return {"real_pages_precision": tally.precision, "real_pages_recall": tally.recall,
            "real_pages_f1": tally.f1}  # fmt: skip


def main() -> int:
    scores = score()
    summary = scores.summary()
    real = real_page_scores()
    if real is None:
        print("real-page floors skipped: no ../shared/trafilatura-eval (see bench/quality.py)")
    else:
        summary.update(real)
    print(f"{len(scores.f1)} golden cases")
    for name, value in summary.items():
        print(f"  {name:28} {value:.4f}")
    for failure in scores.failures:
        print(f"  - {failure}")
    problems = below_floors(summary)
    for problem in problems:
        print(f"BELOW FLOOR: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
