"""What the boilerplate pass removes from trafilatura's result, block by block, on real pages.

    python -m bench.removals                      # every removed block of the 990 pages, by kind
    python -m bench.removals --kind credit error   # only these kinds
    python -m bench.removals --lead-cost          # what the lead search costs a page
    python -m bench.removals --verdict-cost       # what judging the blocks costs a page
    python -m bench.removals --long-page          # a page of 1,000 to 8,000 template paragraphs

A new rule of ``crawler/extraction/boilerplate.py`` is checked here on what it removes, read
by eye, not on the corpus's annotations (``bench.quality`` scores those): run this before and
after the change and compare the lists. ``--lead-cost`` times ``named_leads`` on the pages of
``../shared/pages`` and on a page without ``<h1>`` holding many blocks named "teaser", the case
where the search looks at the whole page.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from bench.quality import DEFAULT_CORPUS, PARTS, crawler_record, load_cases
from bench.throughput import DEFAULT_TEMPLATES


def removed_blocks(corpus: Path, part: str, kinds: set[str]) -> list[tuple[str, str, str]]:
    """(page URL, kind, block text) for each block the boilerplate pass removes."""
    from crawler.extraction import boilerplate

    count = boilerplate._count
    found: list[tuple[str, str, str]] = []
    url = ""

    def spy(removed: dict[str, int], kind: str, text: str) -> None:
        count(removed, kind, text)
        if not kinds or kind in kinds:
            found.append((url, kind, text))

    boilerplate._count = spy  # type: ignore[assignment]
    try:
        for case in load_cases(corpus, part):
            url = case.url
            crawler_record(case.path.read_bytes(), case.url)
    finally:
        boilerplate._count = count  # type: ignore[assignment]
    return found


def lead_cost(pages: Path) -> None:
    from lxml.html import fromstring

    from crawler.extraction.encoding import decode_html
    from crawler.extraction.evidence import HeadTags
    from crawler.extraction.htmltree import parse_html
    from crawler.extraction.lead import named_leads

    trees = [parse_html(decode_html(path.read_bytes(), None)[0]) for path in pages.glob("*.html")]
    trees = [tree for tree in trees if tree is not None]
    if trees:
        started = time.process_time()
        for _ in range(3):
            for tree in trees:
                named_leads(tree, HeadTags(tree))
        each = (time.process_time() - started) / (3 * len(trees)) * 1000
        print(f"named_leads: {each:.2f} ms a page over the {len(trees)} pages of {pages}")
    teaser = (
        "<div class='teaser'><p>Another story about the harbour and its plans for the coming "
        "decade, told at length.</p></div>"
    )
    for count in (200, 400, 2000):
        tree = fromstring(
            "<html><body>" + "<div><span>x</span></div>" * 5000 + teaser * count + "</body></html>"
        )
        started = time.process_time()
        named_leads(tree, HeadTags(tree))
        spent = (time.process_time() - started) * 1000
        print(f"named_leads: {spent:.0f} ms, a page without <h1>: 5,000 elements, {count} teasers")


def verdict_cost(corpus: Path, part: str) -> None:
    """The CPU that ``verdict`` costs a page: the blocks it is asked about on the corpus's
    pages, judged again (three times over), without the rest of the extraction."""
    from crawler.extraction import boilerplate

    judged = boilerplate.verdict
    asked: list[tuple[str, boilerplate.Links, str, bool]] = []

    def spy(text: str, links: boilerplate.Links, tag: str = "p", margin: bool = True) -> str | None:
        asked.append((text, links, tag, margin))
        return judged(text, links, tag, margin)

    cases = load_cases(corpus, part)
    boilerplate.verdict = spy  # type: ignore[assignment]
    try:
        for case in cases:
            crawler_record(case.path.read_bytes(), case.url)
    finally:
        boilerplate.verdict = judged  # type: ignore[assignment]
    started = time.process_time()
    for _ in range(3):
        for arguments in asked:
            judged(*arguments)
    each = (time.process_time() - started) / (3 * len(cases)) * 1000
    print(f"verdict: {each:.2f} ms a page, {len(asked) / len(cases):.0f} blocks a page, "
          f"over the {len(cases)} pages of {corpus.name} ({part})")  # fmt: skip


def long_page_cost() -> None:
    """Extraction of one page of N paragraphs cut from one template (a list of records, a
    log, a book's chapter), N doubling: what grows faster than the page is quadratic."""
    from crawler.extraction.extract import extract_page
    from crawler.extraction.extracted import ExtractionOptions

    line = (
        "Paragraph {} tells how the harbour council met again on a Monday evening to weigh "
        "the plan for the new ferry terminal at great length."
    )
    for count in (1000, 2000, 4000, 8000):
        boxes = "".join(
            f"<div class='g{i}'><div class='k'><p>{line.format(2 * i)}</p></div>"
            f"<div class='k'><p>{line.format(2 * i + 1)}</p></div></div>"
            for i in range(count // 2)
        )
        page = f"<html><body>{boxes}</body></html>".encode()
        started = time.process_time()
        extract_page(page, "http://127.0.0.1/a.html", "text/html", None, ExtractionOptions())
        seconds = time.process_time() - started
        print(f"{count:5} paragraphs: {seconds:6.2f} s, {seconds / count * 1000:.2f} ms each")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--part", choices=PARTS, default="all")
    parser.add_argument("--kind", nargs="*", default=[], help="only these kinds")
    parser.add_argument("--lead-cost", action="store_true")
    parser.add_argument("--verdict-cost", action="store_true", help="what judging a block costs")
    parser.add_argument("--long-page", action="store_true", help="cost on a page of N paragraphs")
    args = parser.parse_args()
    if args.long_page:
        long_page_cost()
        return
    if args.lead_cost:
        lead_cost(DEFAULT_TEMPLATES)
        return
    if not (args.corpus / "evaldata.json").exists():
        raise SystemExit(f"no corpus at {args.corpus} (see bench/quality.py)")
    if args.verdict_cost:
        verdict_cost(args.corpus, args.part)
        return
    found = removed_blocks(args.corpus, args.part, set(args.kind))
    for url, kind, text in found:
        print(f"{kind:10} {text[:160]!r}  ({url[:70]})")
    counts = Counter(kind for _, kind, _ in found)
    print(
        f"\n{len(found)} blocks removed: " + ", ".join(f"{k} {n}" for k, n in counts.most_common())
    )


if __name__ == "__main__":
    main()
