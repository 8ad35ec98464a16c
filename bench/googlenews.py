"""Text quality against news articles marked by people: the L3S-GN1 dataset of boilerpipe.

Kohlschütter et al. (WSDM 2010, "Boilerplate Detection using Shallow Text Features") sampled
621 English news articles of 408 sites from Google News in 2008 and had people mark each
page's blocks as headline, full text, supplemental (captions, datelines), user comments,
related content or boilerplate; the 2023 comparison of web content extractors by Bevendorff
et al. counts it as one of its eight datasets. A page's text is scored as ``bench.fundus``
scores: by its words against the full text, the headline and the supplemental blocks set
aside (neither wanted nor unwanted: a news crawler keeps its headline in ``title`` and
leaves captions out); ``--lines`` lists the lines that are in none of them.

The dataset is for research use only (see its Readme); a copy of its pages as separate
files, ``L3S-GN1-20100130203947-00001/{original,annotated}/``, is in
github.com/geodrome/page-signal:

    git clone https://github.com/geodrome/page-signal ../page-signal
    python -m bench.googlenews --repo ../page-signal --jobs 2

Nothing of it is copied here: the pages and their marks are read from the clone given.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html

from bench.fundus import Page, run

DATASET = Path("L3S-GN1-20100130203947-00001")
MIN_WORDS = 50
# the marks, by the class of the span around each block (the dataset's Readme, in order)
HEADLINE, FULL_TEXT, SUPPLEMENTAL = "x-nc-sel1", "x-nc-sel2", "x-nc-sel3"


def load_pages(repo: Path) -> list[Page]:
    folder = repo / DATASET
    urls = dict(
        line.split("\t", 1)
        for line in (folder / "url-mapping.txt").read_text(encoding="utf-8").splitlines()
        if "\t" in line
    )
    pages = []
    for annotated in sorted((folder / "annotated").glob("*.html")):
        original = folder / "original" / annotated.name
        if not original.exists():
            continue
        marked = _marked(annotated)
        body = tuple(block for block in marked[FULL_TEXT] if block)
        if len(" ".join(body).split()) < MIN_WORDS:
            continue
        url = urls.get(f"<urn:uuid:{annotated.stem}>", "").strip()
        aside = tuple(block for block in marked[HEADLINE] + marked[SUPPLEMENTAL] if block)
        pages.append(
            Page(
                url.split("/")[2] if url else annotated.stem,
                url,
                original,
                body,
                aside=aside,
                utf8=True,
            )
        )
    return pages


def _marked(annotated: Path) -> dict[str, list[str]]:
    """The texts of a page by their mark, in order. Marked spans nest (a table's cells inside
    the span of the table), so each text goes with the nearest mark around it."""
    marked: dict[str, list[str]] = {HEADLINE: [], FULL_TEXT: [], SUPPLEMENTAL: []}
    root = lxml.html.fromstring(annotated.read_text(encoding="utf-8", errors="replace"))
    marks: dict[lxml.html.HtmlElement, str | None] = {}
    for element in root.iter():
        parent = element.getparent()
        around = marks.get(parent) if parent is not None else None
        own = element.get("class") if element.tag == "span" else None
        marks[element] = own if own and own.startswith("x-nc-sel") else around
        if element.tag in ("script", "style") or not isinstance(element.tag, str):
            continue
        for mark, text in ((marks[element], element.text), (around, element.tail)):
            if mark in marked and text and text.strip():
                marked[mark].append(" ".join(text.split()))
    return marked


def main() -> None:
    run(__doc__, "geodrome/page-signal", load_pages, DATASET / "annotated")


if __name__ == "__main__":
    main()
