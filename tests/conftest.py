"""Test harness: sample news sites served on 127.0.0.1, and real ``scrapy crawl`` runs.

A site is built in memory (``crawler.demo.site``), written to a folder and served by
``crawler.demo.server`` in a subprocess that prints its URL. Crawls run as subprocesses of
``scrapy crawl`` in the project folder, exactly as a user runs them.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psutil
import pytest

from crawler.demo.site import Site, build_site, write_site

PROJECT = Path(__file__).resolve().parent.parent

# No test may reach the network (CI has none): every process the tests start inherits these,
# so a request for any host but 127.0.0.1 goes to a closed local port and fails at once.
os.environ.update(
    http_proxy="http://127.0.0.1:9",
    https_proxy="http://127.0.0.1:9",
    no_proxy="127.0.0.1,localhost",
)

# Fast settings for the local server; one test runs with the real defaults. Extraction runs in
# the crawl process: a crawl of a few pages would spend most of its time starting workers.
# The worker pool has its own tests (tests/extraction/test_workers.py), which set it.
# Tests run crawls again at once, to see what a later run does: every feed is due then.
# Adaptive polling has its own tests (tests/end_to_end/test_polling.py).
FAST = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "False", "NEWS_EXTRACT_WORKERS": "0",
        "NEWS_POLL": "all"}  # fmt: skip


@dataclass
class Served:
    url: str
    site: Site
    process: subprocess.Popen[str]


def serve(site: Site, folder: Path, server: str = "crawler.demo.server") -> Served:
    """Write ``site`` into ``folder`` and serve it; the caller stops the process."""
    folder.mkdir(parents=True, exist_ok=True)
    write_site(site, folder)
    process = subprocess.Popen(
        [sys.executable, "-m", server, str(folder)],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    url = process.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:"), url
    return Served(url, site, process)


@pytest.fixture(scope="session")
def news_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The sample news site: three overlapping feeds, legacy charsets, a video page."""
    served = serve(build_site(), tmp_path_factory.mktemp("site"))
    yield served
    served.process.terminate()
    served.process.wait()


@pytest.fixture(scope="session")
def sitemap_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """No feeds: robots.txt names a sitemap index of gzipped children and a news sitemap;
    robots.txt forbids the sport section."""
    site = build_site(feeds=False, sitemaps=True, disallow="/news/sport/")
    served = serve(site, tmp_path_factory.mktemp("sitemap-site"))
    yield served
    served.process.terminate()
    served.process.wait()


@pytest.fixture(scope="session")
def linked_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """Neither feeds nor sitemaps: a home page, paged sections, tag, author, about and
    contact pages, and links to another host; robots.txt forbids the sport section."""
    site = build_site(feeds=False, listings=True, disallow="/news/sport/")
    served = serve(site, tmp_path_factory.mktemp("linked-site"))
    yield served
    served.process.terminate()
    served.process.wait()


@dataclass
class CrawlResult:
    returncode: int
    log: str
    items: list[dict[str, Any]]
    report: dict[str, Any]
    output_dir: Path
    peak_memory: int = 0  # bytes, the process tree's RSS at its peak (with watch_memory)

    @property
    def stats(self) -> dict[str, Any]:
        return self.report.get("stats", {})

    def story_paths(self, site: Site) -> dict[str, dict[str, Any]]:
        """Items keyed by the path of the story they are (a mirror counts as its original)."""
        keyed: dict[str, dict[str, Any]] = {}
        for item in self.items:
            path = urlsplit(item["url"]).path
            keyed[site.aliases.get(path, path)] = item
        return keyed

    def paths(self) -> list[str]:
        """The paths of the items' URLs, sorted, repeats kept."""
        return sorted(urlsplit(item["url"]).path for item in self.items)

    def by_path(self) -> dict[str, dict[str, Any]]:
        """Items keyed by the path of their URL."""
        return {urlsplit(item["url"]).path: item for item in self.items}


def run_crawl(
    spider: str,
    args: dict[str, str],
    workdir: Path,
    settings: dict[str, str] | None = None,
    extra: list[str] | None = None,
    timeout: float = 180,
    watch_memory: bool = False,
    measured: bool = True,
) -> CrawlResult:
    """Run ``scrapy crawl`` with output and report under ``workdir``; collect the files it
    wrote (not those of earlier runs in the same folder), its report, and with
    ``watch_memory`` the peak memory of its process tree, workers included.

    ``measured=False`` keeps line coverage out of the crawl: for runs at scale or against the
    clock, which tracing slows twofold and whose lines smaller runs cover."""
    output_dir = workdir / "output"
    merged = {
        "NEWS_OUTPUT_PATH": str(output_dir / "{spider}" / "{start}.jsonl"),
        "NEWS_REPORT_PATH": str(output_dir / "{spider}" / "{start}.report.json"),
        "NEWS_WARC_PATH": str(output_dir / "{spider}" / "{start}.warc.gz"),
        "NEWS_STATE_PATH": str(workdir / "state" / "news.sqlite3"),
        **FAST,
        **(settings or {}),
    }
    command = [sys.executable, "-m", "scrapy", "crawl", spider]
    for name, value in args.items():
        command += ["-a", f"{name}={value}"]
    for name, value in merged.items():
        command += ["-s", f"{name}={value}"]
    command += extra or []
    env = crawl_env(measured)
    before, before_reports = _files(output_dir), _files(output_dir, "*/*.report.json")
    with subprocess.Popen(
        command, cwd=PROJECT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        watcher = TreeMemory(process.pid) if watch_memory else None
        try:
            _, stderr = process.communicate(timeout=timeout)
        finally:
            process.kill()
            if watcher is not None:
                watcher.stop()
    items = [
        json.loads(line)
        for path in sorted(_files(output_dir).items() - before.items())
        for line in path[0].read_text(encoding="utf-8").splitlines()
    ]
    reports = sorted(_files(output_dir, "*/*.report.json").items() - before_reports.items())
    report = json.loads(reports[-1][0].read_text(encoding="utf-8")) if reports else {}
    peak = watcher.peak if watcher is not None else 0
    return CrawlResult(process.returncode, stderr, items, report, output_dir, peak)


def crawl_env(measured: bool = True) -> dict[str, str]:
    """The environment of a crawl subprocess: the project importable, and line coverage on
    unless ``measured`` is False (a process that will be SIGKILLed never saves its data)."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    if not measured:
        env.pop("COVERAGE_PROCESS_CONFIG", None)  # set by coverage's ``patch = subprocess``
    return env


def _files(output_dir: Path, pattern: str = "*/*.jsonl") -> dict[Path, int]:
    """The files under ``output_dir`` that ``pattern`` matches, with the time each was last
    written."""
    return {path: path.stat().st_mtime_ns for path in output_dir.glob(pattern)}


class TreeMemory(threading.Thread):
    """Samples the summed RSS of a process and all its descendants: an upper bound on the
    memory they take, as pages they share are counted in each."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.peak = 0
        self.done = threading.Event()
        self.start()

    def run(self) -> None:
        while not self.done.wait(0.1):
            total = 0
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            for process in processes:
                with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                    total += process.memory_info().rss
            self.peak = max(self.peak, total)

    def stop(self) -> None:
        self.done.set()
        self.join()


@pytest.fixture
def crawl(tmp_path: Path) -> Callable[..., CrawlResult]:
    """``crawl(spider, args, settings=None, extra=None)`` in a fresh folder per test."""

    def _crawl(
        spider: str,
        args: dict[str, str],
        settings: dict[str, str] | None = None,
        extra: list[str] | None = None,
    ) -> CrawlResult:
        return run_crawl(spider, args, tmp_path, settings, extra)

    return _crawl


# The modules that take longest, first: with --dist loadscope a module runs whole in one
# process, and one started last would finish the suite alone.
LONGEST_FIRST = (
    "tests/end_to_end/test_polling.py",
    "tests/distributed/test_failures.py",
    "tests/distributed/test_workers_together.py",
    "tests/end_to_end/test_hostile.py",
    "tests/end_to_end/test_health.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        path = item.nodeid.split("::", 1)[0]
        return LONGEST_FIRST.index(path) if path in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)
