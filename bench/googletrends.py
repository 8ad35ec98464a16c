"""Text quality against pages marked by people: Google-Trends-2017, BoilerNet's dataset.

Leonhardt et al. (ECIR 2020, "Boilerplate Removal using a Neural Sequence Labeling Model")
saved 180 pages found through Google Trends' topics of 2017 (news, blogs, shops, forums) and
marked each text of each page as main content or not; the 2023 comparison of web content
extractors by Bevendorff et al. counts it as one of its eight datasets. The marks are in a
copy of each page BoilerNet prepared (``prepared_html/gt_N.html``, every text in a ``<span
__boilernet_label="1|0">``, its head gone); the crawler reads the page as it was saved
(``raw_html/``), matched to its marked copy by the marked text it holds. Scored as
``bench.fundus`` scores: by words against the texts marked 1, over the pages with 50 words
or more of them.

BoilerNet's repository no longer holds its data; a fork kept it in its first commit:

    git clone https://github.com/sakata-yusuke-75/boilernet_japanese ../boilernet
    git -C ../boilernet archive 31de39a datasets | tar -x -C ../boilernet-data
    python -m bench.googletrends --repo ../boilernet-data --jobs 2

Nothing of it is copied here.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import lxml.html

from bench.fundus import Page, run

DATASET = Path("datasets/googletrends")
MIN_WORDS = 50
URL = "http://googletrends.example/page.html"  # the pages were saved without their address
_TAGS = re.compile(r"<[^>]+>")
_PROBES = 5  # marked texts of 40 characters or more that must be in the page it came from


def load_pages(repo: Path) -> list[Page]:
    folder = repo / DATASET
    raws = sorted((folder / "raw_html").glob("*.html"))
    texts = {raw: _plain(raw.read_bytes()) for raw in raws}
    pages = []
    for marked in sorted((folder / "prepared_html").glob("gt_*.html"), key=_number):
        body = _main_content(marked)
        if len(" ".join(body).split()) < MIN_WORDS:
            continue
        probes = [block for block in body if len(block) >= 40][:_PROBES]
        guess = raws[_number(marked) - 1] if _number(marked) <= len(raws) else None
        for raw in ([guess] if guess else []) + raws:
            if probes and sum(probe in texts[raw] for probe in probes) * 2 > len(probes):
                pages.append(Page(raw.stem, URL, raw, body))
                break
    return pages


def _number(path: Path) -> int:
    return int(path.stem.split("_")[1])


def _plain(page: bytes) -> str:
    return " ".join(html.unescape(_TAGS.sub(" ", page.decode("utf-8", "replace"))).split())


def _main_content(marked: Path) -> tuple[str, ...]:
    root = lxml.html.fromstring(marked.read_bytes())
    return tuple(
        text
        for span in root.iter("span")
        if span.get("__boilernet_label") == "1" and (text := " ".join(span.text_content().split()))
    )


def main() -> None:
    run(__doc__, "BoilerNet's data (a fork's first commit)", load_pages, DATASET / "raw_html")


if __name__ == "__main__":
    main()
