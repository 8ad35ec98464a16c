"""Several workers, one crawl, a real Redis: real pages written exactly once.

    python -m bench.distributed [--pages DIR] [--workers 3]

Needs ``redis-server`` on the PATH (started here on free ports of 127.0.0.1, with the
append-only file, as production runs it). The pages of ``../shared/pages`` (the sample stories
when that folder is missing) are served through one RSS feed, each page followed by a
syndicated copy under another URL (no canonical link: the same text), the newest 20 held back.
Then, each on a fresh Redis:

1. ``--workers`` workers (``scrapy crawl feeds`` with ``REDIS_URL``) start together;
2. the same, with one worker killed with SIGKILL once it has written something and started
   again under a new name (host and process id, as a supervisor restarts it); then the 20
   held-back pages appear in the feed and round 2 runs on that Redis;
3. the same, with Redis restarted (SIGTERM, as an operator does) in the middle of the crawl;
4. ``DOWNLOAD_DELAY=0.5`` for every worker: the smallest interval between two requests in
   the server's log.

Printed for each: articles written over all workers' files, pages written more than once
(either copy), pages missing, the most times one article page was requested, the workers'
exit statuses and the seconds taken; for step 2 its time against step 1's.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bench.realsite import DEFAULT_PAGES, PROJECT, load_pages
from crawler.demo.site import HOST_PLACEHOLDER, Resource, Site, write_site

_CANONICAL = re.compile(
    rb"<link[^>]+rel=[\"']?canonical[^>]*>|<meta[^>]+property=[\"']?og:url[^>]*>", re.IGNORECASE
)


def feed_site(pages: dict[str, bytes], listed: list[str]) -> Site:
    resources = {f"/articles/{n}.html": Resource(body, "text/html") for n, body in pages.items()}
    for name, body in pages.items():  # a syndicated copy: the same text under another URL
        resources[f"/copies/{name}.html"] = Resource(_CANONICAL.sub(b"", body), "text/html")
    items = "".join(
        f"<item><title>{n}</title><link>{HOST_PLACEHOLDER}/{folder}/{n}.html</link></item>"
        for n in listed
        for folder in ("articles", "copies")
    )
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{items}</channel></rss>'
    )
    resources["/feed.xml"] = Resource(feed.encode(), "application/rss+xml")
    resources["/robots.txt"] = Resource(b"User-agent: *\nAllow: /\n", "text/plain")
    return Site(resources=resources, stories=[])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Run:
    def __init__(self, folder: Path, url: str, redis_url: str) -> None:
        self.folder, self.url, self.redis_url = folder, url, redis_url

    def worker(self, name: str, round_id: str, **extra: str) -> subprocess.Popen:
        out = self.folder / name
        settings = {
            "REDIS_URL": self.redis_url, "NEWS_REDIS_WORKER": name,
            "NEWS_REDIS_IDLE_SECONDS": "3",
            "NEWS_OUTPUT_PATH": f"{out}/{{spider}}/{{start}}.jsonl",
            "NEWS_REPORT_PATH": f"{out}/{{spider}}/{{start}}.report.json",
            "NEWS_OUTPUT_SYNC_SECONDS": "0.2", "NEWS_PROGRESS": "off",
            "DOWNLOAD_DELAY": "0.05", "AUTOTHROTTLE_ENABLED": "False",
            "NEWS_POLL": "all",  # round 2 comes minutes after round 1: its feed is not due
            **extra,
        }  # fmt: skip
        command = [sys.executable, "-m", "scrapy", "crawl", "feeds",
                   "-a", f"feeds={self.url}/feed.xml", "-a", f"round={round_id}"]  # fmt: skip
        for key, value in settings.items():
            command += ["-s", f"{key}={value}"]
        return subprocess.Popen(
            command, cwd=PROJECT, env={**os.environ, "PYTHONPATH": str(PROJECT)},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip

    def written(self, exclude: set[Path] = frozenset()) -> Counter[str]:  # type: ignore[assignment]
        names: Counter[str] = Counter()
        for path in set(self.folder.glob("w*/feeds/*.jsonl")) - exclude:
            for line in path.read_text(encoding="utf-8").splitlines():
                path_part = unquote(urlsplit(json.loads(line)["url"]).path)
                names[path_part.split("/")[-1].removesuffix(".html")] += 1
        return names


def requests_per_page(log: Path) -> Counter[str]:
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return Counter(line.split(" ", 1)[1] for line in lines if "/articles/" in line)


def smallest_interval(log: Path) -> float:
    times = sorted(float(line.split(" ", 1)[0]) for line in log.read_text().splitlines())
    return min((b - a for a, b in itertools.pairwise(times)), default=0.0)


def report(
    label: str,
    names: Counter[str],
    expected: set[str],
    fetched: Counter[str],
    statuses: list[int],
    seconds: float,
) -> None:
    twice = sum(1 for c in names.values() if c > 1)
    missing = len(expected - set(names))
    most = max(fetched.values(), default=0)
    print(
        f"{label:40} written {sum(names.values()):4} (distinct {len(names):4} of {len(expected)})"
        f"  twice {twice}  missing {missing}  most requests of one page {most}"
        f"  exit {','.join(map(str, statuses))}  {seconds:6.1f} s"
    )


class Redis:
    """A redis-server on a free port, with the append-only file."""

    def __init__(self, folder: Path) -> None:
        self.port, self.folder = free_port(), folder
        folder.mkdir(parents=True, exist_ok=True)
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.start()

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "yes", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(0.5)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait()


def wait_for_output(folder: Path) -> None:
    """Until some worker in ``folder`` has written an article: the crawl is under way."""
    while not any(p.stat().st_size for p in folder.glob("w*/feeds/*.part")):
        time.sleep(0.05)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    pages = load_pages(args.pages, None)
    names = sorted(pages)
    held, first = set(names[:20]), [n for n in names[20:]]
    print(f"{len(pages)} pages and a copy of each, {args.workers} workers, 20 held back")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        site_dir = root / "site"
        site_dir.mkdir()
        write_site(feed_site(pages, first), site_dir)
        server = subprocess.Popen(
            [sys.executable, "-m", "tests.end_to_end.hostile", str(site_dir)],  # logs requests
            cwd=PROJECT, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        url = server.stdout.readline().strip()  # type: ignore[union-attr]
        log = site_dir / "requests.log"
        seconds: dict[str, float] = {}
        try:
            for step in ("together", "killed", "redis restarted", "delay 0.5"):
                write_site(feed_site(pages, first), site_dir)
                redis = Redis(root / step / "redis")
                run = Run(root / step, url, redis.url)
                log.unlink(missing_ok=True)
                started = time.monotonic()
                extra = {"DOWNLOAD_DELAY": "0.5"} if step == "delay 0.5" else {}
                workers = [run.worker(f"w{n}", "r1", **extra) for n in range(args.workers)]
                if step == "killed":
                    wait_for_output(root / step)
                    workers[1].send_signal(signal.SIGKILL)
                    workers[1].wait()
                    workers[1] = run.worker("w9", "r1", NEWS_REDIS_WORKER="")
                elif step == "redis restarted":
                    wait_for_output(root / step)
                    redis.stop()
                    time.sleep(1.0)
                    redis.start()
                statuses = [worker.wait() for worker in workers]
                seconds[step] = time.monotonic() - started
                label = f"round 1, {args.workers} workers, {step}"
                report(label, run.written(), set(first), requests_per_page(log), statuses,
                       seconds[step])  # fmt: skip
                if step == "killed":
                    print(
                        f"{'':40} killed crawl / crawl: {seconds[step] / seconds['together']:.2f}"
                    )
                    before = set(run.folder.glob("w*/feeds/*.jsonl"))
                    time.sleep(0.01)
                    write_site(feed_site(pages, names), site_dir)
                    log.unlink(missing_ok=True)
                    started = time.monotonic()
                    workers = [run.worker(f"w{n}", "r2") for n in range(args.workers)]
                    statuses = [worker.wait() for worker in workers]
                    report("round 2, after 20 new pages", run.written(before), held,
                           requests_per_page(log), statuses, time.monotonic() - started)  # fmt: skip
                if step == "delay 0.5":
                    print(f"{'':40} smallest interval between requests: "
                          f"{smallest_interval(log):.3f} s")  # fmt: skip
                redis.stop()
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
