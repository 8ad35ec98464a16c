"""Refusal detection on real pages: how many real articles it would take for walls (each one
an article lost), and what it costs a page.

``python -m bench.refusals`` reads every HTML file of ``../shared/pages`` and
``../shared/trafilatura-eval/pages`` (real pages in many languages, all of them articles or
pages with main text), runs ``crawler.refusals.detect.refusal_of`` on each as a 200 answer, and
prints the pages it calls refusals, with the kind and reason, and the microseconds a page.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from scrapy import Request
from scrapy.http import HtmlResponse

from crawler.refusals.detect import refusal_of

PROJECT = Path(__file__).resolve().parents[1]
DEFAULT_FOLDERS = [
    PROJECT.parent / "shared" / "pages",
    PROJECT.parent / "shared" / "trafilatura-eval" / "pages",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=DEFAULT_FOLDERS)
    args = parser.parse_args()
    pages = [p for folder in args.folders if folder.is_dir() for p in sorted(folder.iterdir())
             if p.suffix in (".html", ".htm")]  # fmt: skip
    if not pages:
        raise SystemExit(f"no pages in {', '.join(map(str, args.folders))}")
    flagged, spent = [], 0.0
    for page in pages:
        url = f"https://news.example/{page.name}"
        request = Request(url)
        response = HtmlResponse(url, body=page.read_bytes(), request=request,
                                headers={"Content-Type": "text/html"})  # fmt: skip
        started = time.perf_counter()
        refusal = refusal_of(request, response)
        spent += time.perf_counter() - started
        if refusal is not None:
            flagged.append((page.name, refusal.kind, refusal.reason))
    print(f"{len(pages)} real pages; taken for refusals: {len(flagged)}")
    for name, kind, reason in flagged:
        print(f"  {name}: {kind} ({reason})")
    print(f"detection: {spent / len(pages) * 1e6:.0f} µs a page")


if __name__ == "__main__":
    main()
