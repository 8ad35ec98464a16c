"""Scheduled runs on real pages: incremental runs, then crawls killed with SIGKILL.

    python -m bench.scheduled [--pages DIR] [--kills 10] [--seed 1]

Serves the pages (default ``../shared/pages``) through one RSS feed on 127.0.0.1, with
ETag/Last-Modified and 304 answers, and prints:

1. run 1, with the 20 newest entries not yet published; run 2, after they are; run 3, with
   nothing new: articles written, article pages downloaded, feeds answered 304, exit status;
2. on fresh state, ``--kills`` crawls each killed with SIGKILL at a random moment, then one
   crawl to the end: articles present once / more than once / missing across every ``*.jsonl``
   under the output folder, invalid lines, leftover ``.part`` files, the last exit status.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bench.realsite import DEFAULT_PAGES, PROJECT, load_pages
from crawler.demo.site import HOST_PLACEHOLDER, Resource, Site, write_site


def build(pages: dict[str, bytes], unpublished: int) -> Site:
    names = sorted(pages)
    newest = datetime(2026, 11, 20, 12, tzinfo=UTC)
    dated = [(n, newest - timedelta(hours=i)) for i, n in enumerate(names)][unpublished:]
    items = "".join(
        f"<item><title>{n}</title><link>{HOST_PLACEHOLDER}/articles/{n}.html</link>"
        f"<pubDate>{format_datetime(d)}</pubDate></item>"
        for n, d in dated
    )
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{items}</channel></rss>'
    )
    res = {f"/articles/{n}.html": Resource(pages[n], "text/html") for n in names}
    res["/feed.xml"] = Resource(feed.encode(), "application/rss+xml")
    res["/robots.txt"] = Resource(b"User-agent: *\nAllow: /\n", "text/plain")
    return Site(resources=res, stories=[])


def command(url: str, work: Path) -> list[str]:
    return [
        sys.executable, "-m", "scrapy", "crawl", "feeds", "-a", f"feeds={url}/feed.xml",
        "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0.01", "-L", "WARNING",
        "-s", f"NEWS_OUTPUT_PATH={work}/output/{{spider}}/{{start}}.jsonl",
        "-s", f"NEWS_REPORT_PATH={work}/output/{{spider}}/{{start}}.report.json",
        "-s", f"NEWS_STATE_PATH={work}/state.sqlite3", "-s", "NEWS_PROGRESS=off",
    ]  # fmt: skip


def run(url: str, work: Path) -> tuple[int, dict]:
    status = subprocess.call(command(url, work), cwd=PROJECT, stderr=subprocess.DEVNULL)
    reports = sorted((work / "output").rglob("*.report.json"), key=os.path.getmtime)
    return status, json.loads(reports[-1].read_text()) if reports else {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    pages = load_pages(args.pages, None)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_site(build(pages, 20), folder)
        server = subprocess.Popen(
            [sys.executable, "-m", "crawler.demo.server", str(folder)],
            cwd=PROJECT,
            stdout=subprocess.PIPE,
            text=True,
        )
        url = server.stdout.readline().strip()  # type: ignore[union-attr]
        try:
            print(f"{len(pages)} pages; the 20 newest unpublished in run 1")
            work = folder / "incremental"
            for label in ("run 1", "run 2", "run 3"):
                if label == "run 2":
                    time.sleep(0.01)
                    write_site(build(pages, 0), folder)
                status, report = run(url, work)
                stats = report.get("stats", {})
                print(
                    f"{label}: exit {status}, articles written {stats.get('output/articles', 0)}, "
                    f"article pages downloaded {stats.get('articles/fetched', 0)}, "
                    f"feed 304s {stats.get('feeds/not_modified', 0)}"
                )
            work = folder / "killed"
            started = time.monotonic()
            subprocess.call(command(url, folder / "timing"), cwd=PROJECT, stderr=subprocess.DEVNULL)
            full = time.monotonic() - started
            for _ in range(args.kills):
                process = subprocess.Popen(
                    command(url, work), cwd=PROJECT, stderr=subprocess.DEVNULL
                )
                time.sleep(rng.uniform(0.1, full))
                process.send_signal(signal.SIGKILL)
                process.wait()
            status, _ = run(url, work)
        finally:
            server.terminate()
            server.wait()
        urls: Counter[str] = Counter()
        invalid = 0
        for path in (work / "output").rglob("*.jsonl"):
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    urls[unquote(urlsplit(json.loads(line)["url"]).path)] += 1
                except (ValueError, KeyError):
                    invalid += 1
        expected = {f"/articles/{n}.html" for n in pages}
        print(
            f"{args.kills} crawls killed with SIGKILL (a full crawl takes {full:.1f} s), then one to the end: "
            f"exit {status}; articles once {sum(1 for u in expected if urls[u] == 1)}/{len(expected)}, "
            f"more than once {sum(1 for c in urls.values() if c > 1)}, missing {len(expected - set(urls))}, "
            f"invalid lines {invalid}, .part files left {len(list((work / 'output').rglob('*.part')))}, "
            f"files {len(list((work / 'output').rglob('*.jsonl')))}"
        )


if __name__ == "__main__":
    main()
