"""Text quality against whole article bodies: Zyte's article-extraction benchmark.

Zyte (ScrapingHub) published 181 English news and blog pages, saved with scripts off, each
with the article body a person marked on it (github.com/scrapinghub/article-extraction-benchmark,
MIT); its table compares some thirty extractors (trafilatura, readability, newspaper4k,
news-please, goose3...). A page's text is scored as that benchmark scores it: by its runs of
four words, each counted as often as it occurs, precision and recall averaged over pages; and,
as ``bench.fundus`` does, by its lines (``--lines`` lists those not in the body).

    git clone https://github.com/scrapinghub/article-extraction-benchmark ../article-extraction-benchmark
    python -m bench.articlebody --repo ../article-extraction-benchmark --jobs 2

Nothing of it is copied here: the pages and bodies are read from the clone given. A page
without text counts with precision 0 (the benchmark's own script leaves it out of the
precision mean).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from urllib.parse import urlsplit

from bench.fundus import Page, report, score
from bench.quality import EXTRACTORS


def load_pages(repo: Path) -> list[Page]:
    truth = json.loads((repo / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key, entry in sorted(truth.items()):
        path = repo / "html" / f"{key}.html.gz"
        if path.exists():
            url = entry.get("url") or ""
            body = tuple(part for part in entry.get("articleBody", "").split("\n") if part.strip())
            pages.append(Page(urlsplit(url).hostname or key, url, path, body, "shingles"))
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, required=True, help="a clone of the benchmark")
    parser.add_argument("--only", nargs="*", choices=list(EXTRACTORS), default=None)
    parser.add_argument("--lines", action="store_true", help="list the lines not in the body")
    parser.add_argument("--jobs", type=int, default=1, help="processes (CPU figures stay per page)")
    args = parser.parse_args()
    if not (args.repo / "ground-truth.json").exists():
        raise SystemExit(f"no ground-truth.json in {args.repo}")
    pages = load_pages(args.repo)
    report(pages, score(pages, args.only or list(EXTRACTORS), args.jobs), args.lines)


if __name__ == "__main__":
    main()
