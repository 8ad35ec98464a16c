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

import json
from pathlib import Path
from urllib.parse import urlsplit

from bench.fundus import Page, run


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
    run(__doc__, "scrapinghub/article-extraction-benchmark", load_pages, Path("ground-truth.json"))


if __name__ == "__main__":
    main()
