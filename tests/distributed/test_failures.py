"""Workers that fail, and a Redis that goes away: a killed worker's requests come back within
seconds and its replacement, under a new name, loses and repeats nothing; workers wait through
a restart of Redis; one without Redis too long exits with its own status, and the next run
recovers its file."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import redis

from crawler import exitcodes, settings
from crawler.distributed.queue import _POP
from tests.conftest import Served
from tests.distributed.conftest import (
    RedisServer,
    expected_paths,
    start_worker,
    wait_all,
    written,
)


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


def test_a_lease_that_never_reached_its_worker_is_taken_back_and_the_crawl_ends(
    site: Served, tmp_path: Path, redis_url: str
) -> None:
    """A pop that Redis ran while its connection closed (a restart) is retried by the
    client: the first lease stays under the worker's name while its request never reached
    it. Made here by leasing a request under w0's name behind its back."""
    worker = start_worker("w0", site, tmp_path, redis_url, "r1", measured=False,
                          DOWNLOAD_DELAY="0.1", CONCURRENT_REQUESTS_PER_DOMAIN="1")  # fmt: skip
    server = redis.Redis.from_url(redis_url)
    key = f"{settings.NEWS_REDIS_PREFIX}feeds:requests"
    leased = None
    for _ in range(400):  # once articles are queued
        if server.zcard(key) > 3:
            leased = server.eval(_POP, 5, key, f"{key}:leases", f"{key}:leased",
                                 f"{key}:scores", f"{key}:owners", time.time() + 600, "w0")  # fmt: skip
            break
        time.sleep(0.05)
    assert leased is not None
    wait_all([worker], tmp_path)
    paths = written(tmp_path, site)
    assert set(paths) == expected_paths(site)
    assert max(paths.values()) == 1
    assert "Took back 1 requests" in (tmp_path / "w0.log").read_text()


def test_a_worker_without_redis_too_long_exits_9_and_the_next_run_recovers_its_file(
    small_site: Served, tmp_path: Path, durable_redis: RedisServer
) -> None:
    slow = {"DOWNLOAD_DELAY": "0.1", "CONCURRENT_REQUESTS_PER_DOMAIN": "1",
            "NEWS_REDIS_OUTAGE_SECONDS": "2"}  # fmt: skip
    worker = start_worker(
        "w0", small_site, tmp_path, durable_redis.url, "r1", measured=False, **slow
    )
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
        [start_worker("w0", small_site, tmp_path, durable_redis.url, "r1", measured=False)],
        tmp_path,
    )
    paths = written(tmp_path, small_site)
    assert set(paths) == expected_paths(small_site)
    assert max(paths.values()) == 1
    assert not list(tmp_path.glob("w*/feeds/*.part"))
