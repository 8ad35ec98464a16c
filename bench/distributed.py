"""Three workers, one crawl, a real Redis: real pages written exactly once.

    python -m bench.distributed [--pages DIR] [--workers 3]

Needs ``redis-server`` on the PATH (started here on a free port of 127.0.0.1). The pages of
``../shared/pages`` (the sample stories when that folder is missing) are served through one
RSS feed, the newest 20 held back; then:

1. ``--workers`` workers (``scrapy crawl feeds`` with ``REDIS_URL``) start together on round 1;
2. the same again on a fresh Redis and output, with one worker killed with SIGKILL once it
   has written something, and started again under its name;
3. the 20 held-back pages appear in the feed; round 2 on the Redis of step 2.

Printed for each: articles written over all workers' files, pages written more than once,
pages missing, the most times one article page was requested, and the seconds taken.
"""

from __future__ import annotations

import argparse
import json
import os
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


def feed_site(pages: dict[str, bytes], listed: list[str]) -> Site:
    resources = {f"/articles/{n}.html": Resource(body, "text/html") for n, body in pages.items()}
    items = "".join(
        f"<item><title>{n}</title><link>{HOST_PLACEHOLDER}/articles/{n}.html</link></item>"
        for n in listed
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

    def worker(self, name: str, round_id: str) -> subprocess.Popen:
        out = self.folder / name
        settings = {
            "REDIS_URL": self.redis_url, "NEWS_REDIS_WORKER": name,
            "NEWS_REDIS_IDLE_SECONDS": "3", "NEWS_REDIS_LEASE_SECONDS": "60",
            "NEWS_OUTPUT_PATH": f"{out}/{{spider}}/{{start}}.jsonl",
            "NEWS_REPORT_PATH": f"{out}/{{spider}}/{{start}}.report.json",
            "NEWS_OUTPUT_SYNC_SECONDS": "0.2", "NEWS_PROGRESS": "off",
            "DOWNLOAD_DELAY": "0.05", "AUTOTHROTTLE_ENABLED": "False",
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
                names[path_part.removeprefix("/articles/").removesuffix(".html")] += 1
        return names


def requests_per_page(log: Path) -> Counter[str]:
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return Counter(line.split(" ", 1)[1] for line in lines if "/articles/" in line)


def report(
    label: str, names: Counter[str], expected: set[str], fetched: Counter[str], seconds: float
) -> None:
    twice = sum(1 for c in names.values() if c > 1)
    missing = len(expected - set(names))
    most = max(fetched.values(), default=0)
    print(
        f"{label:44} written {sum(names.values()):4} (distinct {len(names):4} of {len(expected)})  "
        f"twice {twice}  missing {missing}  most requests of one page {most}  {seconds:6.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    pages = load_pages(args.pages, None)
    names = sorted(pages)
    held, first = set(names[:20]), [n for n in names[20:]]
    print(f"{len(pages)} pages, {args.workers} workers, 20 held back for round 2")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        site_dir = root / "site"
        site_dir.mkdir()
        write_site(feed_site(pages, first), site_dir)
        server = subprocess.Popen(
            [sys.executable, "-m", "tests.hostile", str(site_dir)],  # logs every request
            cwd=PROJECT, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        url = server.stdout.readline().strip()  # type: ignore[union-attr]
        try:
            for step in ("together", "killed"):
                port = free_port()
                redis = subprocess.Popen(
                    ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                     "--appendonly", "no", "--dir", tmp],
                    stdout=subprocess.DEVNULL,
                )  # fmt: skip
                time.sleep(0.5)
                run = Run(root / step, url, f"redis://127.0.0.1:{port}/0")
                log = site_dir / "requests.log"
                log.unlink(missing_ok=True)
                started = time.monotonic()
                workers = [run.worker(f"w{n}", "r1") for n in range(args.workers)]
                if step == "killed":
                    while not any(
                        p.stat().st_size for p in (root / step / "w1").glob("feeds/*.part")
                    ):
                        time.sleep(0.05)
                    workers[1].send_signal(signal.SIGKILL)
                    workers[1].wait()
                    workers[1] = run.worker("w1", "r1")
                for worker in workers:
                    worker.wait()
                label = f"round 1, {args.workers} workers" + (
                    ", one SIGKILLed" if step == "killed" else ""
                )
                report(
                    label,
                    run.written(),
                    set(first),
                    requests_per_page(log),
                    time.monotonic() - started,
                )
                if step == "killed":
                    before = set(run.folder.glob("w*/feeds/*.jsonl"))
                    time.sleep(0.01)
                    write_site(feed_site(pages, names), site_dir)
                    log.unlink(missing_ok=True)
                    started = time.monotonic()
                    for worker in [run.worker(f"w{n}", "r2") for n in range(args.workers)]:
                        worker.wait()
                    report("round 2, after 20 new pages", run.written(before), held,
                           requests_per_page(log), time.monotonic() - started)  # fmt: skip
                redis.terminate()
                redis.wait()
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
