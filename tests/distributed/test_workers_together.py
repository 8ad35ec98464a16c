"""Distributed crawls: several `scrapy crawl` workers share one crawl through a real Redis
server on 127.0.0.1 (REDIS_URL); each article is written exactly once across their outputs,
a worker killed with SIGKILL loses nothing, and a later round writes only what is new."""

from __future__ import annotations

import itertools
import json
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler import exitcodes
from crawler.demo.site import build_site, write_site
from crawler.neardup import NearDuplicates, sketch
from crawler.state.redis import RedisStateStore
from tests.conftest import FAST, PROJECT, Served, crawl_env, serve
from tests.distributed.conftest import RedisServer
from tests.pipelines.test_dedupe import template_report


def start_worker(
    name: str,
    served: Served,
    workdir: Path,
    redis_url: str,
    round_id: str,
    measured: bool = True,
    **settings: str,
) -> subprocess.Popen:
    output = workdir / name
    merged = {
        **FAST,
        "REDIS_URL": redis_url,
        "NEWS_REDIS_WORKER": name,
        "NEWS_REDIS_IDLE_SECONDS": "1.5",
        "NEWS_REDIS_HEARTBEAT_SECONDS": "2",
        "NEWS_OUTPUT_PATH": str(output / "{spider}" / "{start}.jsonl"),
        "NEWS_REPORT_PATH": str(output / "{spider}" / "{start}.report.json"),
        "NEWS_OUTPUT_SYNC_SECONDS": "0.2",
        "NEWS_PROGRESS": "off",
        **settings,
    }
    feeds = ",".join(f"{served.url}{p}" for p in ("/feed.xml", "/atom.xml", "/feed.json"))
    command = [sys.executable, "-m", "scrapy", "crawl", "feeds",
               "-a", f"feeds={feeds}", "-a", f"round={round_id}"]  # fmt: skip
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


def expected_paths(served: Served) -> set[str]:
    return set(served.site.feed_paths)


def test_a_killed_worker_restarted_under_a_new_name_loses_and_repeats_nothing(
    site: Served, tmp_path: Path, redis_url: str
) -> None:
    # The lease is the default ten minutes: the killed worker's requests come back because
    # its heartbeat lapses, and the replacement (host:pid, as a supervisor restarts it) has
    # another name.
    slow = {"DOWNLOAD_DELAY": "0.15", "CONCURRENT_REQUESTS_PER_DOMAIN": "2",
            "NEWS_EXTRACT_WORKERS": "1"}  # fmt: skip
    # Unmeasured: one is SIGKILLed (its coverage data would be lost), and the three-worker
    # test measures the same code.
    workers = [
        start_worker(f"w{n}", site, tmp_path, redis_url, "r1", measured=False, **slow)
        for n in range(3)
    ]
    victim = workers[1]
    for _ in range(200):  # kill it once it has written something, mid-crawl
        if any(p.stat().st_size for p in (tmp_path / "w1").glob("feeds/*.part")):
            break
        time.sleep(0.05)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    started = time.monotonic()
    workers[1] = start_worker(
        "w1", site, tmp_path, redis_url, "r1", measured=False, NEWS_REDIS_WORKER="", **slow
    )
    wait_all(workers, tmp_path)
    assert time.monotonic() - started < 60
    paths = written(tmp_path, site)
    assert set(paths) == expected_paths(site)
    assert max(paths.values()) == 1
    assert not list(tmp_path.glob("w*/feeds/*.part"))


def test_workers_wait_through_a_restart_of_redis_and_finish_the_crawl(
    site: Served, tmp_path: Path, durable_redis: RedisServer
) -> None:
    slow = {"DOWNLOAD_DELAY": "0.1", "CONCURRENT_REQUESTS_PER_DOMAIN": "2"}
    workers = [
        start_worker(f"w{n}", site, tmp_path, durable_redis.url, "r1", measured=False, **slow)
        for n in range(2)
    ]
    for _ in range(200):  # restart it once something is written, mid-crawl
        if any(p.stat().st_size for p in tmp_path.glob("w*/feeds/*.part")):
            break
        time.sleep(0.05)
    durable_redis.stop()
    time.sleep(1.0)
    durable_redis.start()
    wait_all(workers, tmp_path)
    paths = written(tmp_path, site)
    assert set(paths) == expected_paths(site)
    assert max(paths.values()) == 1
    logs = "".join((tmp_path / f"w{n}.log").read_text() for n in range(2))
    assert "Redis is unreachable" in logs and "Redis is back" in logs


def test_a_worker_without_redis_too_long_exits_9_and_the_next_run_recovers_its_file(
    site: Served, tmp_path: Path, durable_redis: RedisServer
) -> None:
    slow = {"DOWNLOAD_DELAY": "0.1", "CONCURRENT_REQUESTS_PER_DOMAIN": "1",
            "NEWS_REDIS_OUTAGE_SECONDS": "2"}  # fmt: skip
    worker = start_worker("w0", site, tmp_path, durable_redis.url, "r1", measured=False, **slow)
    for _ in range(200):
        if any(p.stat().st_size for p in tmp_path.glob("w0/feeds/*.part")):
            break
        time.sleep(0.05)
    durable_redis.stop()
    assert worker.wait(timeout=60) == exitcodes.REDIS_UNAVAILABLE
    assert list(tmp_path.glob("w0/feeds/*.part"))
    assert "exiting with status 9" in (tmp_path / "w0.log").read_text()
    durable_redis.start()
    wait_all(
        [start_worker("w0", site, tmp_path, durable_redis.url, "r1", measured=False)], tmp_path
    )
    paths = written(tmp_path, site)
    assert set(paths) == expected_paths(site)
    assert max(paths.values()) == 1
    assert not list(tmp_path.glob("w*/feeds/*.part"))


def test_three_workers_keep_one_download_delay_between_them(tmp_path: Path, redis_url: str) -> None:
    small = serve(build_site(story_count=8), tmp_path / "site", server="tests.end_to_end.hostile")
    try:
        workers = [
            start_worker(
                f"w{n}", small, tmp_path, redis_url, "r1", measured=False, DOWNLOAD_DELAY="0.5"
            )
            for n in range(3)
        ]
        wait_all(workers, tmp_path)
    finally:
        small.process.terminate()
        small.process.wait()
    assert set(written(tmp_path, small)) == expected_paths(small)
    lines = (tmp_path / "site" / "requests.log").read_text(encoding="utf-8").splitlines()
    times = sorted(float(line.split(" ", 1)[0]) for line in lines)
    assert len(times) > 8
    assert min(b - a for a, b in itertools.pairwise(times)) >= 0.45


def test_three_workers_write_every_article_once_and_a_later_round_only_the_new_ones(
    site: Served, tmp_path: Path, redis_url: str
) -> None:
    # One worker of each round is measured: the others run the same code, and tracing doubles
    # the CPU a crawl takes.
    workers = [
        start_worker(f"w{n}", site, tmp_path, redis_url, "r1", measured=n == 0) for n in range(3)
    ]
    wait_all(workers, tmp_path)
    first = written(tmp_path, site)
    assert set(first) == expected_paths(site)
    assert max(first.values()) == 1
    fetched = requested(tmp_path / "site")
    assert all(fetched[path] == 1 for path in first)  # each article page requested once
    assert fetched["/feed.xml"] == 1  # seeded by one worker for all
    logs = "".join((tmp_path / f"w{n}.log").read_text() for n in range(3))
    assert "Deprecation" not in logs and "Traceback" not in logs
    assert sum(1 for n in range(3) if (tmp_path / f"w{n}").glob("feeds/*.jsonl")) >= 2

    fleet = subprocess.run(
        [sys.executable, "-m", "scrapy", "fleet", "-s", f"REDIS_URL={redis_url}"],
        cwd=PROJECT, env=crawl_env(False), capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "feeds: queued 0  leased 0  dead letters 0" in fleet
    assert "round r1: " in fleet and "workers: 0" in fleet  # they finished: none beats

    first_files = set(tmp_path.glob("w*/feeds/*.jsonl"))
    time.sleep(0.01)
    site.site = build_site(story_count=60)  # the 20 newest stories appear
    write_site(site.site, tmp_path / "site")
    wait_all(
        [start_worker(f"w{n}", site, tmp_path, redis_url, "r2", measured=n == 0) for n in range(2)],
        tmp_path,
    )
    second = written(tmp_path, site, exclude=first_files)
    assert len(second) == 20
    assert set(second) == expected_paths(site) - set(first)
    assert max(second.values()) == 1


def test_the_redis_store_verifies_a_bounded_number_of_near_candidates(redis_url: str) -> None:
    rng = random.Random(5)
    texts = [template_report(n, rng) for n in range(2000)]
    store = RedisStateStore(redis_url, max_age_days=1)
    near = NearDuplicates(store, batch=500, candidates=8, bucket_size=32)
    for number, text in enumerate(texts):
        near.add(sketch(text), f"r{number}")
    near.flush()
    sizes = [store.db.scard(key) for key in store.db.scan_iter(match="news:state:band:*")]
    assert max(sizes) == 32
    probe = texts[1234].replace("outlook", "forecast")
    match = near.find(sketch(probe), "new", probe)
    assert near.verified <= 8
    assert match is not None and match[0] == "r1234"
