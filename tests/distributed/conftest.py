"""A real redis-server for the tests of distributed crawls."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from crawler.demo.site import build_site
from tests.conftest import FAST, PROJECT, Served, crawl_env, serve


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if shutil.which("redis-server") is None and not os.environ.get("CI"):
        skip = pytest.mark.skip(
            reason="redis-server is not installed (.ci/run installs it; in CI these must run)"
        )
        for item in items:
            if "tests/distributed/" in str(item.path):
                item.add_marker(skip)


class RedisServer:
    """A private redis-server on a free port of 127.0.0.1 that a test can restart."""

    def __init__(self, folder: Path, appendonly: bool = False) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.folder = folder
        self.appendonly = appendonly
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "yes" if self.appendonly else "no", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(200):
            try:
                redis.Redis.from_url(self.url).ping()
                return
            except (redis.ConnectionError, redis.BusyLoadingError):
                time.sleep(0.05)

    def stop(self) -> None:
        """Shut down as an operator's restart does (SIGTERM: the append-only file is synced)."""
        if self.process is not None:
            self.process.terminate()
            self.process.wait()


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A private redis-server, no persistence."""
    server = RedisServer(tmp_path)
    server.start()
    yield server.url
    server.stop()


@pytest.fixture
def durable_redis(tmp_path: Path) -> Iterator[RedisServer]:
    """A private redis-server with the append-only file, as production runs it."""
    server = RedisServer(tmp_path, appendonly=True)
    server.start()
    yield server
    server.stop()


def start_worker(
    name: str,
    served: Served,
    workdir: Path,
    redis_url: str,
    round_id: str,
    measured: bool = True,
    spider_args: dict[str, str] | None = None,
    **settings: str,
) -> subprocess.Popen:
    """A worker of round ``round_id``: the feeds spider on ``served``'s feeds, or with
    ``spider_args`` (``spider`` among them) another spider."""
    output = workdir / name
    merged = {
        **FAST,
        "REDIS_URL": redis_url,
        "NEWS_REDIS_WORKER": name,
        "NEWS_REDIS_IDLE_SECONDS": "1.5",
        "NEWS_REDIS_HEARTBEAT_SECONDS": "5",  # a loaded test machine stalls for seconds
        "NEWS_OUTPUT_PATH": str(output / "{spider}" / "{start}.jsonl"),
        "NEWS_REPORT_PATH": str(output / "{spider}" / "{start}.report.json"),
        "NEWS_OUTPUT_SYNC_SECONDS": "0.2",
        "NEWS_PROGRESS": "off",
        **settings,
    }
    feeds = ",".join(f"{served.url}{p}" for p in ("/feed.xml", "/atom.xml", "/feed.json"))
    arguments = dict(spider_args or {"spider": "feeds", "feeds": feeds})
    command = [sys.executable, "-m", "scrapy", "crawl", arguments.pop("spider"),
               "-a", f"round={round_id}"]  # fmt: skip
    for key, value in arguments.items():
        command += ["-a", f"{key}={value}"]
    for key, value in merged.items():
        command += ["-s", f"{key}={value}"]
    log = (workdir / f"{name}.log").open("a")
    return subprocess.Popen(
        command, cwd=PROJECT, env=crawl_env(measured),
        stdout=subprocess.DEVNULL, stderr=log,
    )  # fmt: skip


def written(workdir: Path, served: Served, exclude: set[Path] = frozenset()) -> Counter[str]:  # type: ignore[assignment]
    """Stories written, over every worker's output files (each line must parse); a mirror
    page counts as its original."""
    paths: Counter[str] = Counter()
    for path in set(workdir.glob("w*/feeds/*.jsonl")) - exclude:
        for line in path.read_text(encoding="utf-8").splitlines():
            page = json.loads(line)["url"].removeprefix(served.url)
            paths[served.site.aliases.get(page, page)] += 1
    return paths


def requested(site_folder: Path) -> Counter[str]:
    lines = (site_folder / "requests.log").read_text(encoding="utf-8").splitlines()
    return Counter(line.split(" ", 1)[1] for line in lines)


def wait_all(workers: list[subprocess.Popen], workdir: Path) -> None:
    for number, worker in enumerate(workers):
        log = workdir / f"w{number}.log"
        assert worker.wait(timeout=240) == 0, log.read_text()[-3000:]


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Served]:
    """The sample site with 20 stories not published yet; requests are logged."""
    served = serve(
        build_site(story_count=60, unpublished=20),
        tmp_path / "site",
        server="tests.end_to_end.hostile",
    )
    yield served
    served.process.terminate()
    served.process.wait()


@pytest.fixture
def small_site(tmp_path: Path) -> Iterator[Served]:
    """The sample site with 20 stories, for crawls that only need to be under way."""
    served = serve(build_site(story_count=20), tmp_path / "site", server="tests.end_to_end.hostile")
    yield served
    served.process.terminate()
    served.process.wait()


def expected_paths(served: Served) -> set[str]:
    return set(served.site.feed_paths)
