"""Crawl a local site made of real-world pages, three ways, and print what was found.

    python -m bench.realsite [--pages DIR] [--limit N]

The pages (default ``../shared/pages``; the generated sample stories when that folder is
missing) are served on 127.0.0.1 as ``/articles/<name>.html`` in three site variants:

- ``feed``: one RSS feed listing every page; ``scrapy crawl feeds``;
- ``links``: only a home page, paged section pages (ten a page) and tag pages;
  ``scrapy crawl site`` from the home page;
- ``news-sitemap``: only a Google News sitemap index of gzipped children named in robots.txt;
  ``scrapy crawl sitemap`` on the robots.txt URL, and ``scrapy crawl site`` from the home page.

For each crawl: articles found (share of the pages), pages emitted that are no article, pages
written twice, seconds; for the feed crawl also the mean token F1 of the crawler's text against
plain ``trafilatura.extract`` on the same bytes (agreement, not quality).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

import trafilatura

from bench.textscore import token_f1
from crawler.demo.site import (
    HOST_PLACEHOLDER,
    Resource,
    Site,
    article_page,
    write_site,
)
from crawler.demo.stories import make_stories

PROJECT = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = PROJECT.parent / "shared" / "pages"
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "NEWS_REPORT_PATH="]


def load_pages(folder: Path, limit: int | None) -> dict[str, bytes]:
    if folder.is_dir():
        pages = {p.stem.replace(".", "-"): p.read_bytes() for p in sorted(folder.glob("*.html"))}
    else:
        pages = {s.slug: article_page(s).encode() for s in make_stories(110, seed=3)}
    return dict(list(pages.items())[:limit]) if limit else pages


def build(pages: dict[str, bytes], variant: str) -> Site:
    base = HOST_PLACEHOLDER
    names = sorted(pages)
    dates = {
        n: datetime(2026, 11, 20, tzinfo=UTC) - timedelta(hours=i) for i, n in enumerate(names)
    }
    res = {f"/articles/{n}.html": Resource(body, "text/html") for n, body in pages.items()}
    robots = ["User-agent: *", "Disallow: /private/"]
    home_links = ""
    if variant == "feed":
        items = "".join(
            f"<item><title>{n}</title><link>{base}/articles/{n}.html</link></item>" for n in names
        )
        feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{items}</channel></rss>'
        res["/feed.xml"] = Resource(feed.encode(), "application/rss+xml")
    elif variant == "links":
        sections = ["world", "business", "culture", "science"]
        tags = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]
        for s_index, section in enumerate(sections):
            members = names[s_index :: len(sections)]
            chunks = [members[i : i + 10] for i in range(0, len(members), 10)]
            for number, chunk in enumerate(chunks, start=1):
                path = f"/section/{section}/" + (f"page/{number}/" if number > 1 else "")
                nxt = (
                    f'<a href="/section/{section}/page/{number + 1}/">Next</a>'
                    if number < len(chunks)
                    else ""
                )
                res[path] = Resource(
                    _listing(section, chunk, nxt).encode(), "text/html; charset=utf-8"
                )
        for t_index, tag in enumerate(tags):
            tagged = [
                n
                for i, n in enumerate(names)
                if i % len(tags) in (t_index, (t_index + 1) % len(tags))
            ]
            res[f"/tag/{tag}/"] = Resource(
                _listing(f"Tag {tag}", tagged, "").encode(), "text/html; charset=utf-8"
            )
        home_links = "".join(f'<a href="/section/{s}/">{s}</a> ' for s in sections)
        home_links += "".join(f'<a href="/tag/{t}/">#{t}</a> ' for t in tags)
    elif variant == "news-sitemap":
        chunks = [names[i : i + 25] for i in range(0, len(names), 25)]
        for number, chunk in enumerate(chunks):
            urls = "".join(
                f"<url><loc>{base}/articles/{n}.html</loc><news:news><news:publication>"
                f"<news:name>Real</news:name><news:language>en</news:language></news:publication>"
                f"<news:publication_date>{dates[n].isoformat()}</news:publication_date>"
                f"<news:title>{n}</news:title></news:news></url>"
                for n in chunk
            )
            xml = (
                '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + urls + "</urlset>"
            )
            res[f"/sitemaps/news-{number}.xml.gz"] = Resource(
                xml.encode(), "application/gzip", gzipped=True
            )
        index = "".join(
            f"<sitemap><loc>{base}/sitemaps/news-{i}.xml.gz</loc></sitemap>"
            for i in range(len(chunks))
        )
        res["/sitemap-index.xml"] = Resource(
            f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{index}</sitemapindex>'.encode(),
            "application/xml",
        )
        robots.append(f"Sitemap: {base}/sitemap-index.xml")
    res["/robots.txt"] = Resource(("\n".join(robots) + "\n").encode(), "text/plain")
    home = f"<html><head><title>Real news</title></head><body><nav>{home_links}</nav><p>Welcome.</p></body></html>"
    res["/"] = Resource(home.encode(), "text/html; charset=utf-8")
    return Site(resources=res, stories=[])


def _listing(heading: str, names: list[str], extra: str) -> str:
    items = "".join(
        f'<li><a href="/articles/{n}.html">{n.replace("-", " ")}</a></li>' for n in names
    )
    return f'<html><head><title>{heading}</title></head><body><h1>{heading}</h1><ul>{items}</ul>{extra}<a href="/">Home</a></body></html>'


def crawl(site: Site, spider: str, arg: str, folder: Path) -> tuple[list[dict], float]:
    site_dir = folder / "site"
    site_dir.mkdir(exist_ok=True)
    write_site(site, site_dir)
    server = subprocess.Popen(
        [sys.executable, "-m", "crawler.demo.server", str(site_dir)],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        url = server.stdout.readline().strip()  # type: ignore[union-attr]
        out = folder / f"{spider}.jsonl"
        out.unlink(missing_ok=True)
        started = time.monotonic()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "scrapy",
                "crawl",
                spider,
                "-a",
                arg.replace(HOST_PLACEHOLDER, url),
                "-O",
                str(out),
                "-L",
                "WARNING",
                *FAST,
            ],
            cwd=PROJECT,
            check=True,
            stderr=subprocess.DEVNULL,
        )
        seconds = time.monotonic() - started
    finally:
        server.terminate()
        server.wait()
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()], seconds


def report(label: str, items: list[dict], names: set[str], seconds: float) -> None:
    paths = Counter(unquote(urlsplit(i["url"]).path) for i in items)
    found = {p for p in paths if p.startswith("/articles/")} & {
        f"/articles/{n}.html" for n in names
    }
    not_articles = [p for p in paths if p not in {f"/articles/{n}.html" for n in names}]
    twice = sum(1 for c in paths.values() if c > 1)
    print(
        f"{label:34} found {len(found):4}/{len(names)} ({len(found) / len(names):6.1%})  "
        f"non-articles emitted {len(not_articles):3}  written twice {twice:3}  {seconds:6.1f} s"
    )
    missing = sorted({f"/articles/{n}.html" for n in names} - found)
    repeated = sorted(p for p, c in paths.items() if c > 1)
    for label, paths_ in (("missing", missing), ("twice", repeated), ("non-article", not_articles)):
        if paths_:
            print(f"{'':34} {label}: {', '.join(paths_[:8])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    pages = load_pages(args.pages, args.limit)
    names = set(pages)
    print(
        f"{len(pages)} pages from {args.pages if args.pages.is_dir() else 'the sample generator'}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        items, seconds = crawl(
            build(pages, "feed"), "feeds", f"feeds={HOST_PLACEHOLDER}/feed.xml", folder
        )
        report("feed: scrapy crawl feeds", items, names, seconds)
        scores = []
        for item in items:
            name = (
                unquote(urlsplit(item["url"]).path).removeprefix("/articles/").removesuffix(".html")
            )
            plain = trafilatura.extract(pages[name]) or ""
            scores.append(token_f1(item["text"], plain)[2])
        if scores:
            print(
                f"{'':34} text agreement with plain trafilatura: mean token F1 {statistics.mean(scores):.4f}"
            )
        items, seconds = crawl(build(pages, "links"), "site", f"url={HOST_PLACEHOLDER}/", folder)
        report("links only: scrapy crawl site", items, names, seconds)
        sitemap_site = build(pages, "news-sitemap")
        items, seconds = crawl(
            sitemap_site, "sitemap", f"sitemaps={HOST_PLACEHOLDER}/robots.txt", folder
        )
        report("news sitemap: scrapy crawl sitemap", items, names, seconds)
        items, seconds = crawl(sitemap_site, "site", f"url={HOST_PLACEHOLDER}/", folder)
        report("news sitemap: scrapy crawl site", items, names, seconds)


if __name__ == "__main__":
    main()
