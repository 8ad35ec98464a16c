"""Text quality against whole article bodies: Mozilla Readability's test pages.

Readability (github.com/mozilla/readability, Apache-2.0), Firefox's Reader View, tests itself
on some 130 pages saved from news sites, blogs and wikis (and a few made to test one rule),
each with the article its maintainers accept as the result (``expected.html``); the 2023
comparison of web content extractors by Bevendorff et al. counts them as one of its eight
datasets. That result is Readability's own idea of the article, so it keeps what a news
crawler leaves out on purpose (the headline, a standfirst, captions, a byline or an author's
box in the story's container): read the lines it lists (``--lines``) before calling a
difference a fault. Scored as ``bench.fundus`` scores: by words, precision and recall
averaged over the pages whose expected article has 50 words or more (the others test
metadata).

    git clone https://github.com/mozilla/readability ../readability
    python -m bench.readability --repo ../readability --jobs 2

Nothing of it is copied here: the pages and articles are read from the clone given.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html

from bench.fundus import Page, run

TEST_PAGES = Path("test/test-pages")
MIN_WORDS = 50
_BREAKS = (
    "p", "div", "li", "pre", "blockquote", "figcaption", "td", "th", "dt", "dd", "br",
    "h1", "h2", "h3", "h4", "h5", "h6", "section", "table", "tr",
)  # fmt: skip
# the address Readability's tests give every page, which its expected articles' links are
# made absolute against
URL = "http://fakehost/test/page.html"


def load_pages(repo: Path) -> list[Page]:
    pages = []
    for folder in sorted((repo / TEST_PAGES).iterdir()):
        source, expected = folder / "source.html", folder / "expected.html"
        if not (source.exists() and expected.exists()):
            continue
        # the expected article's text, all of it (blocks and the text between them)
        root = lxml.html.fromstring(expected.read_text(encoding="utf-8"))
        for element in root.iter(_BREAKS):
            element.tail = "\n" + (element.tail or "")  # blocks apart, inline text joined
        text = " ".join(root.text_content().split())
        if len(text.split()) >= MIN_WORDS:
            pages.append(Page(folder.name, URL, source, (text,)))
    return pages


def main() -> None:
    run(__doc__, "mozilla/readability", load_pages, TEST_PAGES)


if __name__ == "__main__":
    main()
