"""Choose trafilatura's options by measurement: token F1 of each option set on labelled pages.

Two corpora:
- real pages: the pages in ``../shared/pages`` (or ``--pages DIR``) whose publisher embedded the
  full text as schema.org ``articleBody`` (JSON-LD, at least 400 characters): the reference is
  the publisher's own text;
- the sample site (``crawler.demo``), whose reference texts are known exactly.

    python -m bench.extraction_options [--pages DIR]

Prints mean precision, recall and F1 per option set and corpus; "plain" is
``trafilatura.extract(html)`` with trafilatura's defaults, the baseline to beat.
"""

from __future__ import annotations

import argparse
import statistics
from collections.abc import Callable
from pathlib import Path

import trafilatura
from lxml import html as lxml_html

from bench.textscore import token_f1
from crawler.demo.site import article_page, legacy_stories
from crawler.demo.stories import make_stories
from crawler.extraction.assemble import without_headline
from crawler.extraction.extract import ArticleExtractor
from crawler.extraction.extracted import ExtractionOptions
from crawler.utils import jsonld

DEFAULT_PAGES = Path(__file__).resolve().parents[2] / "shared" / "pages"

Case = tuple[str, bytes, str]  # name, page bytes, reference text


def real_cases(folder: Path) -> list[Case]:
    cases = []
    for path in sorted(folder.glob("*.html")):
        body = path.read_bytes()
        reference = _article_body(body)
        if reference and len(reference) >= 400:
            cases.append((path.name, body, reference))
    return cases


def _article_body(body: bytes) -> str | None:
    tree = lxml_html.fromstring(body)
    for node in jsonld.nodes(tree.xpath('//script[@type="application/ld+json"]/text()')):
        text = node.get("articleBody")
        if isinstance(text, str):
            return lxml_html.fromstring(f"<div>{text}</div>").text_content()
    return None


def sample_cases() -> list[Case]:
    stories = [*make_stories(20, seed=11), *legacy_stories()]
    return [(s.slug, article_page(s).encode(), s.text) for s in stories]


def ours(**options: object) -> Callable[[bytes, str], str]:
    extractor = ArticleExtractor(ExtractionOptions(**options))  # type: ignore[arg-type]

    def run(body: bytes, url: str) -> str:
        found = extractor(body, url)
        return without_headline(found.text, found.title) if found else ""

    return run


def plain(body: bytes, url: str) -> str:
    return trafilatura.extract(body, url=url) or ""


CANDIDATES: dict[str, Callable[[bytes, str], str]] = {
    "plain trafilatura": plain,
    "ours balanced": ours(favor="balanced"),
    "ours precision": ours(favor="precision"),
    "ours recall": ours(favor="recall"),
    "ours balanced, no tables": ours(favor="balanced", tables=False),
}


def main() -> None:
    parser = argparse.ArgumentParser(description="Score trafilatura option sets.")
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    args = parser.parse_args()
    corpora = {"sample site": sample_cases()}
    if args.pages.is_dir():
        corpora["real pages (articleBody)"] = real_cases(args.pages)
    for corpus, cases in corpora.items():
        print(f"\n{corpus}: {len(cases)} pages")
        print(f"{'option set':28} {'precision':>9} {'recall':>7} {'F1':>7}")
        for label, run in CANDIDATES.items():
            scores = [
                token_f1(run(body, f"https://example.org/{name}"), ref) for name, body, ref in cases
            ]
            p, r, f = (statistics.mean(s[i] for s in scores) for i in range(3))
            print(f"{label:28} {p:9.4f} {r:7.4f} {f:7.4f}")


if __name__ == "__main__":
    main()
