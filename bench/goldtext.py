"""Text quality against the gold texts of the older benchmarks: Dragnet, CleanEval,
CleanPortalEval, and Utomo and Leu's news pages.

Three of the eight datasets of the 2023 comparison of web content extractors by Bevendorff
et al., each a set of pages saved from the web with the text a person took for the page's
main content: Dragnet's 1,381 news and blog pages of 2012 (Peters and Lecocq; its gold keeps
the headline, the dateline and the captions, and then the comments, which are left out here), CleanEval's pages of 2007 from every kind of
site (its gold keeps most of what a page says, headings and lists with it: a crawler of news
stories leaves much of that out, so read its recall with that in mind) and CleanPortalEval's
71 news portal pages of 2013. A page's text is scored as ``bench.fundus`` scores: by its
words against the gold, over the pages whose gold has 50 words or more; ``--lines`` lists
the lines that are not in it.

They are read from a clone of github.com/j-szulc/html-cleaning-dataset-merged, which mirrors
them in one layout (``<dataset>/input/<name>.html``, ``<dataset>/GoldStandard/<name>.txt``;
each dataset's own licence applies):

    git clone https://github.com/j-szulc/html-cleaning-dataset-merged ../html-cleaning
    python -m bench.goldtext --repo ../html-cleaning --dataset dragnet_data --jobs 2

Utomo and Leu's pages (github.com/MSVCode/ir-research-data, for research use) are news
stories saved in 2017 with the text a person took for the story, its headline first:
``chaos-all`` 360 pages of some 240 sites, ``big5-05`` to ``big5-17`` 90 pages each of nine
sites (Ars Technica, BBC, CNN, Forbes, Fox News, the LA Times, New York magazine, the New York
Post, Yahoo News) as they were in 2005, 2009, 2013 and 2017:

    git clone https://github.com/MSVCode/ir-research-data ../ir-research-data
    python -m bench.goldtext --repo ../ir-research-data --dataset chaos-all --jobs 2

Nothing of them is copied here.
"""

from __future__ import annotations

import argparse
import html
import re
from pathlib import Path
from urllib.parse import urlsplit

from bench.fundus import Page, report, score
from bench.quality import EXTRACTORS

DATASETS = ("dragnet_data", "CleanPortalEval-master", "cleaneval-final", "cleaneval-dev")
NEWS_DATASETS = ("chaos-all", "big5-05", "big5-09", "big5-13", "big5-17")  # Utomo and Leu's
MIN_WORDS = 50
_MARKS = re.compile(r"<[phl]>", re.IGNORECASE)  # CleanEval's paragraph, heading, list marks
# the address a page was saved from: CleanEval's gold says it on its first line, its page in
# a wrapper of its own; Dragnet's says none
_URL = re.compile(r"^\s*URL:\s*(\S+)")
_WRAPPER = re.compile(rb'^\s*<text id="([^"]+)"[^>]*>')
NO_URL = "http://dragnet.example/page.html"  # and Utomo and Leu's
# where Dragnet's gold goes on with the page's comments, which are not its content
_COMMENTS = re.compile(r"^!@.{0,12}COMMENTS\s*$", re.MULTILINE)


def load_pages(repo: Path, dataset: str) -> list[Page]:
    if dataset in NEWS_DATASETS:
        return load_news_pages(repo / "Extraction" / dataset)
    pages = []
    for gold in sorted((repo / dataset / "GoldStandard").glob("*.txt")):
        page = repo / dataset / "input" / f"{gold.stem}.html"
        if not page.exists():
            continue
        text = gold.read_text(encoding="utf-8", errors="replace")
        url = NO_URL
        if found := _URL.match(text):
            url, text = found.group(1), text[found.end() :]
        elif found := _WRAPPER.match(page.read_bytes()[:2000]):
            url = found.group(1).decode("utf-8", "replace")
        text = html.unescape(_MARKS.sub("\n", _COMMENTS.split(text, 1)[0]))
        body = tuple(" ".join(line.split()) for line in text.splitlines() if line.strip())
        if len(" ".join(body).split()) >= MIN_WORDS:
            pages.append(Page(gold.stem, url, page, body))
    return pages


def load_news_pages(folder: Path) -> list[Page]:
    """Utomo and Leu's pages: ``html/<name>.htm`` or ``.html`` beside ``gold/<name>.txt``, each
    read at the address its canonical link gives (the publisher is that address's host)."""
    pages = []
    for gold in sorted((folder / "gold").glob("*.txt")):
        found = [folder / "html" / f"{gold.stem}{suffix}" for suffix in (".htm", ".html")]
        page = next((path for path in found if path.exists()), None)
        text = gold.read_text(encoding="utf-8", errors="replace")
        body = tuple(" ".join(line.split()) for line in text.splitlines() if line.strip())
        if page is not None and len(" ".join(body).split()) >= MIN_WORDS:
            url = _canonical(page.read_bytes()[:300_000])
            pages.append(Page(urlsplit(url).hostname or gold.stem, url, page, body))
    return pages


_CANONICAL = (
    re.compile(rb"<link[^>]+rel=[\"']?canonical[\"']?[^>]+href=[\"']?(https?://[^\"'\s>]+)", re.I),
    re.compile(
        rb"<meta[^>]+property=[\"']?og:url[\"']?[^>]+content=[\"']?(https?://[^\"'\s>]+)", re.I
    ),
)


def _canonical(head: bytes) -> str:
    for pattern in _CANONICAL:
        if found := pattern.search(head):
            return html.unescape(found.group(1).decode("utf-8", "replace"))
    return NO_URL


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, required=True, help="a clone of the mirror")
    parser.add_argument("--dataset", choices=DATASETS + NEWS_DATASETS, default="dragnet_data")
    parser.add_argument("--only", nargs="*", choices=list(EXTRACTORS), default=None)
    parser.add_argument("--lines", action="store_true", help="list the lines not in the gold")
    parser.add_argument("--jobs", type=int, default=1, help="processes (CPU figures stay per page)")
    args = parser.parse_args()
    pages = load_pages(args.repo, args.dataset)
    if not pages:
        raise SystemExit(f"no pages of {args.dataset} in {args.repo}")
    report(pages, score(pages, args.only or list(EXTRACTORS), args.jobs), args.lines)


if __name__ == "__main__":
    main()
