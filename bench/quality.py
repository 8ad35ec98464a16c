"""Text quality on real pages: segment precision and recall on trafilatura's evaluation corpus.

The corpus (``../shared/trafilatura-eval``, see its README) annotates each of 990 real pages
with up to six text segments that a correct extraction must contain and six it must not
(menus, datelines, related links, footers). A ``with`` segment found is a true positive, one
missing a false negative; a ``without`` segment found is a false positive. Whitespace is
collapsed on both sides before the comparison.

    python -m bench.quality                  # the development half
    python -m bench.quality --part held-out  # the other half: score it only at the end
    python -m bench.quality --part all --worst 20  # worst pages listed: the dev half's

The halves are fixed by a hash of each page's URL, so that tuning on one half can be checked
on pages it never saw. Scored side by side in one run, with the CPU milliseconds a page of
each: plain ``trafilatura.extract`` (comments off, tables on: this crawler's choice), the same
with ``favor_precision``, the same with its metadata (the CPU a news crawler pays for
trafilatura's title, authors and date; nearly the same text), and this crawler's record text
(``extract_page`` then ``assemble_article``, as the crawl does it, metadata included).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "trafilatura-eval"
PARTS = ("dev", "held-out", "all")


@dataclass(frozen=True)
class Case:
    url: str
    path: Path
    with_: tuple[str, ...]
    without: tuple[str, ...]


def part_of(url: str) -> str:
    """The fixed half a page belongs to."""
    return "held-out" if hashlib.sha256(url.encode()).digest()[0] & 1 else "dev"


def load_cases(corpus: Path, part: str = "all") -> list[Case]:
    annotations = json.loads((corpus / "evaldata.json").read_text(encoding="utf-8"))
    cases = []
    for url, entry in sorted(annotations.items()):
        if part != "all" and part_of(url) != part:
            continue
        # 106 entries name a page of trafilatura's test cache, shared as ../pages
        path = corpus / "pages" / entry["file"]
        if not path.exists():
            path = corpus.parent / "pages" / entry["file"]
        cases.append(Case(url, path, tuple(entry["with"]), tuple(entry["without"])))
    return cases


def collapse(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Tally:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    cpu: float = 0.0
    pages: int = 0

    def add(self, other: Tally) -> None:
        for name in ("tp", "fn", "fp", "tn", "cpu", "pages"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.cpu / self.pages if self.pages else 0.0


@dataclass
class PageResult:
    url: str
    language: str
    tally: Tally
    missed: list[str] = field(default_factory=list)  # ``with`` segments not in the text
    kept: list[str] = field(default_factory=list)  # ``without`` segments in the text
    # where each kept segment stands: before the first ``with`` segment found, between, after
    # the last (or "alone": none found)
    kept_at: list[str] = field(default_factory=list)


Extractor = Callable[[bytes, str], tuple[str, str | None]]  # (text, language)


def plain(metadata: bool = False, **options: object) -> Extractor:
    """Plain trafilatura; ``metadata``: as a news crawler has to run it, with the title,
    authors, date and tags (``bare_extraction(with_metadata=True)``), which cost about half as
    much again as the text alone (its text differs by a few characters on a few pages, hence
    slightly other scores)."""

    def run(body: bytes, url: str) -> tuple[str, str | None]:
        import trafilatura

        from crawler.extraction.prefilter import unguarded

        with unguarded():  # trafilatura as it comes, not as this crawler runs it
            if metadata:
                document = trafilatura.bare_extraction(
                    body, url=url, include_comments=False, include_tables=True, with_metadata=True
                )
                text = document.text if document is not None else None
            else:
                text = trafilatura.extract(
                    body, url=url, include_comments=False, include_tables=True, **options
                )
        return text or "", None

    return run


def crawler_record(body: bytes, url: str) -> tuple[str, str | None]:
    from crawler.extraction.assemble import assemble_article
    from crawler.extraction.extract import extract_page
    from crawler.extraction.extracted import ExtractionOptions
    from crawler.items import Page

    found = extract_page(body, url, None, None, ExtractionOptions())
    if found is None:
        return "", None
    page = Page(
        url=url, body=body, content_type=None, content_language=None,
        source={"type": "feed", "url": url}, hints={}, fetched_at="2026-01-01T00:00:00+00:00",
    )  # fmt: skip
    article = assemble_article(page, found)
    return article.text, article.language


EXTRACTORS: dict[str, Extractor] = {
    "trafilatura": plain(),
    "trafilatura precision": plain(favor_precision=True),
    "trafilatura + metadata": plain(metadata=True),
    "crawler": crawler_record,
}


def score_page(case: Case, extractor: Extractor) -> tuple[PageResult, str | None]:
    body = case.path.read_bytes()
    started = time.process_time()
    text, language = extractor(body, case.url)
    cpu = time.process_time() - started
    text = collapse(text)
    result = PageResult(case.url, "", Tally(cpu=cpu, pages=1))
    found = []
    for segment in case.with_:
        if (at := text.find(collapse(segment))) >= 0:
            result.tally.tp += 1
            found.append(at)
        else:
            result.tally.fn += 1
            result.missed.append(segment)
    for segment in case.without:
        if (at := text.find(collapse(segment))) >= 0:
            result.tally.fp += 1
            result.kept.append(segment)
            result.kept_at.append(_where(at, found))
        else:
            result.tally.tn += 1
    return result, language


def _where(at: int, found: list[int]) -> str:
    """Where a kept unwanted segment stands against the wanted ones found in the text."""
    if not found:
        return "alone"
    if at < min(found):
        return "before"
    return "after" if at > max(found) else "between"


def _score_chunk(args: tuple[list[Case], list[str]]) -> dict[str, list[PageResult]]:
    cases, names = args
    results: dict[str, list[PageResult]] = {name: [] for name in names}
    for case in cases:
        languages = set()
        for name in names:
            result, language = score_page(case, EXTRACTORS[name])
            results[name].append(result)
            languages.add(language)
        # one language for every extractor's result on a page: the crawler's reading of it
        language = next((lang for lang in languages if lang), "")
        for name in names:
            results[name][-1].language = language
    return results


def score(cases: list[Case], names: Iterable[str], jobs: int = 1) -> dict[str, list[PageResult]]:
    """Each extractor's result on each page, in the order of ``cases``."""
    names = list(names)
    chunks = [cases[start::jobs] for start in range(jobs)]
    merged: dict[str, list[PageResult]] = {name: [] for name in names}
    if jobs == 1:
        parts = [_score_chunk((cases, names))]
    else:
        with ProcessPoolExecutor(jobs) as pool:
            parts = list(pool.map(_score_chunk, [(chunk, names) for chunk in chunks]))
    for part in parts:
        for name in names:
            merged[name].extend(part[name])
    return merged


def total(results: Iterable[PageResult]) -> Tally:
    tally = Tally()
    for result in results:
        tally.add(result.tally)
    return tally


def by_language(results: Iterable[PageResult]) -> dict[str, Tally]:
    tallies: dict[str, Tally] = defaultdict(Tally)
    for result in results:
        tallies[result.language or "?"].add(result.tally)
    return tallies


def report(results: dict[str, list[PageResult]], worst: int, shown: str = "dev") -> None:
    pages = len(next(iter(results.values())))
    print(f"{pages} pages")
    print(f"{'extractor':24} {'precision':>9} {'recall':>7} {'F1':>7} {'CPU ms/page':>12}")
    for name, found in results.items():
        t = total(found)
        print(f"{name:24} {t.precision:9.4f} {t.recall:7.4f} {t.f1:7.4f} {t.ms_per_page:12.1f}")
    languages = by_language(next(iter(results.values())))
    common = sorted(languages, key=lambda code: -languages[code].pages)[:8]
    print("\nF1 per language (language as the crawler reads it; pages)")
    print(
        f"{'extractor':24} " + " ".join(f"{c + ' ' + str(languages[c].pages):>10}" for c in common)
    )
    for name, found in results.items():
        tallies = by_language(found)
        print(f"{name:24} " + " ".join(f"{tallies[c].f1:10.4f}" for c in common))
    if "crawler" in results:
        kept = [r for r in results["crawler"] if r.kept]
        where = Counter(at for r in kept for at in r.kept_at)
        many = Counter(min(len(r.kept), 3) for r in kept)
        print(
            f"\nunwanted segments the crawler kept: {sum(where.values())} on {len(kept)} pages"
            f" ({many[1]} with one, {many[2]} with two, {many[3]} with three or more); before"
            f" the first wanted segment found {where['before']}, between {where['between']},"
            f" after the last {where['after']}, on pages without one {where['alone']}"
        )
    if worst and "crawler" in results:
        # the held-out half's lines are shown only when it is asked for by name: reading them
        # while tuning would make it one more development set
        print(
            f"\nworst {worst} pages of the {shown} half for the crawler"
            " (missed: must be in; kept: must not be)"
        )
        mine = [r for r in results["crawler"] if part_of(r.url) == shown]
        ranked = sorted(mine, key=lambda r: -(r.tally.fn + r.tally.fp))
        for result in ranked[:worst]:
            print(f"- {result.url}")
            for segment in result.missed:
                print(f"    missed: {segment[:100]!r}")
            for segment in result.kept:
                print(f"    kept:   {segment[:100]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--part", choices=PARTS, default="dev")
    parser.add_argument("--only", nargs="*", choices=list(EXTRACTORS), default=list(EXTRACTORS))
    parser.add_argument("--worst", type=int, default=10, help="list the N worst pages")
    parser.add_argument("--jobs", type=int, default=1, help="processes (CPU figures stay per page)")
    args = parser.parse_args()
    if not (args.corpus / "evaldata.json").exists():
        raise SystemExit(f"no corpus at {args.corpus} (see its README)")
    cases = load_cases(args.corpus, args.part)
    print(f"part: {args.part}")
    shown = "held-out" if args.part == "held-out" else "dev"
    report(score(cases, args.only, args.jobs), args.worst, shown)


if __name__ == "__main__":
    main()
