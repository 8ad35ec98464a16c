"""Text quality against whole article bodies: Fundus's publisher test pages.

Fundus (github.com/flairNLP/fundus, MIT) tests its hand-written parser of each news publisher
it supports on a page saved from that publisher, with the body the parser must find: the
summary, the subheadings and the paragraphs. Those bodies are a second gold standard beside
``bench.quality``'s segments, of whole texts from some 180 publishers in 40 countries. A
page's text is scored by its words (bag-of-words precision and recall against the body,
averaged over pages, as the ScrapingHub article-extraction benchmark scores) and by its lines:
a line of the text that is not in the body is boilerplate, or something the parser leaves
out on purpose (captions, fact boxes, embedded posts), so ``--lines`` lists them to be read.

    git clone https://github.com/flairNLP/fundus ../fundus
    python -m bench.fundus --repo ../fundus --jobs 2
    python -m bench.fundus --repo ../fundus --only crawler --lines > lines.txt

Nothing of Fundus is copied here: the pages and bodies are read from the clone given.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from bench.quality import EXTRACTORS, collapse
from bench.textscore import shingle_scores

TEST_DATA = Path("tests/resources/parser/test_data")
_WORD = re.compile(r"\w+")
_DECLARED = re.compile(rb"charset=[\"']?[\w-]*", re.IGNORECASE)
_MARKUP = re.compile(r"^[-*] |^#+ | ?\| ?|\|?-{3,}\|?")  # a list item's, heading's, table's marks


@dataclass(frozen=True)
class Page:
    publisher: str
    url: str
    path: Path
    body: tuple[str, ...]  # the summary, subheadings and paragraphs, in order
    # how a text is scored against the body: by its words, or by its runs of four words
    # (``bench.articlebody``'s corpus, as that benchmark scores)
    measure: str = "words"
    # text that is neither wanted nor unwanted (``bench.googlenews``'s headlines and captions):
    # its words do not count against a text that has them, nor its lines as stray
    aside: tuple[str, ...] = ()
    # the page's bytes were re-encoded to UTF-8 after it was saved, whatever it declares
    utf8: bool = False


def load_pages(repo: Path) -> list[Page]:
    """Each test page with the body of the parser version it tests. A publisher's versions
    (V1, V1_1, V2...) and its pages (named by crawl date) pair up in order; when they are not
    as many, its latest page goes with its latest version."""
    pages = []
    for meta in sorted((repo / TEST_DATA).glob("*/meta.info")):
        by_publisher: dict[str, list[tuple[str, str, str]]] = {}
        for name, info in json.loads(meta.read_text(encoding="utf-8")).items():
            if not (meta.parent / name).exists():  # meta.info still names some removed pages
                continue
            by_publisher.setdefault(name.split("_")[0], []).append(
                (info.get("crawl_date", ""), name, info["url"])
            )
        for publisher, saved in sorted(by_publisher.items()):
            expected = meta.parent / f"{publisher}.json"
            if not expected.exists():
                continue
            versions = json.loads(expected.read_text(encoding="utf-8"))
            saved.sort()
            names = sorted(versions)
            pairs = (
                zip(saved, names, strict=True)
                if len(saved) == len(names)
                else [(saved[-1], names[-1])]
            )
            for (_, name, url), version in pairs:
                body = versions[version].get("body")
                if body:
                    pages.append(Page(publisher, url, meta.parent / name, _paragraphs(body)))
    return pages


def _paragraphs(body: dict) -> tuple[str, ...]:
    found = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        found += [*(section.get("headline") or []), *(section.get("paragraphs") or [])]
    return tuple(found)


@dataclass
class Result:
    precision: float
    recall: float
    cpu: float
    lines: int
    stray: list[str]  # lines of the text that are not in the body


def score_page(page: Page, name: str) -> Result:
    html = page.path.read_bytes()
    if page.path.suffix == ".gz":
        html = gzip.decompress(html)
    if page.utf8:
        html = _DECLARED.sub(b"charset=utf-8", html)
    started = time.process_time()
    text, _ = EXTRACTORS[name](html, page.url)
    cpu = time.process_time() - started
    gold = collapse(" ".join(page.body))
    if page.measure == "shingles":
        precision, recall = shingle_scores(text, gold)
    else:
        expected, found = Counter(_WORD.findall(gold.lower())), Counter(_WORD.findall(text.lower()))
        found -= (found - expected) & Counter(_WORD.findall(" ".join(page.aside).lower()))
        common = sum((expected & found).values())
        precision = common / max(1, sum(found.values()))
        recall = common / max(1, sum(expected.values()))
    lines = [collapse(line) for line in text.splitlines() if line.strip()]
    aside = collapse(" ".join(page.aside))
    stray = [line for line in lines if not (_in_body(line, gold) or _in_body(line, aside))]
    return Result(precision, recall, cpu, len(lines), stray)


def _in_body(line: str, gold: str) -> bool:
    """Whether a line of the text is in the body, its list and table markup aside."""
    line = _MARKUP.sub(" ", line).strip()
    return not line or line[:60] in gold or line[-60:] in gold


def _score_chunk(args: tuple[list[Page], list[str]]) -> dict[str, list[Result]]:
    pages, names = args
    for name in names if pages else []:  # the first call builds what each extractor
        score_page(pages[0], name)  # builds once (its stop lists): not timed
    return {name: [score_page(page, name) for page in pages] for name in names}


def score(pages: list[Page], names: list[str], jobs: int) -> dict[str, list[Result]]:
    """Each extractor's result on each page, in the order of ``pages``."""
    if jobs == 1:
        return _score_chunk((pages, names))
    chunks = [pages[start::jobs] for start in range(jobs)]
    with ProcessPoolExecutor(jobs) as pool:
        parts = list(pool.map(_score_chunk, [(chunk, names) for chunk in chunks]))
    merged: dict[str, list[Result]] = {name: [None] * len(pages) for name in names}  # type: ignore[list-item]
    for start, part in enumerate(parts):
        for name in names:
            merged[name][start::jobs] = part[name]
    return merged


def report(pages: list[Page], results: dict[str, list[Result]], lines: bool) -> None:
    print(f"{len(pages)} pages of {len({page.publisher for page in pages})} sites")
    print(
        f"{'extractor':24} {'precision':>9} {'recall':>7} {'F1':>7} "
        f"{'lines not in body':>18} {'CPU ms/page':>12}"
    )
    for name, found in results.items():
        p = sum(r.precision for r in found) / len(found)
        r = sum(r.recall for r in found) / len(found)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        stray = sum(len(result.stray) for result in found)
        total = sum(result.lines for result in found)
        ms = 1000 * sum(result.cpu for result in found) / len(found)
        print(f"{name:24} {p:9.4f} {r:7.4f} {f1:7.4f} {f'{stray} of {total}':>18} {ms:12.1f}")
    if lines:
        for name, found in results.items():
            print(f"\nlines of {name}'s text not in the body")
            for page, result in zip(pages, found, strict=True):
                for line in result.stray:
                    print(f"{page.publisher[:18]:19} {len(line):5} {line[:150]!r}")


def run(doc: str, clone: str, load: Callable[[Path], list[Page]], marker: Path) -> None:
    """The command line of a benchmark of article bodies read from a clone of ``clone``:
    ``marker`` is what the clone must hold."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, required=True, help=f"a clone of {clone}")
    parser.add_argument("--only", nargs="*", choices=list(EXTRACTORS), default=None)
    parser.add_argument("--lines", action="store_true", help="list the lines not in the body")
    parser.add_argument("--jobs", type=int, default=1, help="processes (CPU figures stay per page)")
    args = parser.parse_args()
    if not (args.repo / marker).exists():
        raise SystemExit(f"no {marker} in {args.repo}")
    pages = load(args.repo)
    report(pages, score(pages, args.only or list(EXTRACTORS), args.jobs), args.lines)


def main() -> None:
    run(__doc__, "flairNLP/fundus", load_pages, TEST_DATA)


if __name__ == "__main__":
    main()
