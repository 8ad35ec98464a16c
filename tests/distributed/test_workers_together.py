"""Distributed crawls: several `scrapy crawl` workers share one crawl through a real Redis
server on 127.0.0.1 (REDIS_URL); each article is written exactly once across their outputs, a
later round writes only what is new, and the site sees one download delay, not one per worker.
Workers that fail: ``test_failures``."""

from __future__ import annotations

import itertools
import json
import random
import subprocess
import sys
import time
from pathlib import Path

from crawler.demo.site import build_site, write_site
from crawler.neardup import NearDuplicates, sketch
from crawler.state.redis import RedisStateStore
from tests.conftest import PROJECT, Served, crawl_env, run_crawl, serve
from tests.distributed.conftest import expected_paths, requested, start_worker, wait_all, written
from tests.pipelines.test_dedupe import template_report


def test_three_workers_keep_one_download_delay_between_them_and_take_turns(
    tmp_path: Path, redis_url: str
) -> None:
    small = serve(build_site(story_count=8), tmp_path / "site", server="tests.end_to_end.hostile")
    try:
        workers = [
            start_worker(
                f"w{n}",
                small,
                tmp_path,
                redis_url,
                "r1",
                measured=False,
                DOWNLOAD_DELAY="0.5",
                CONCURRENT_REQUESTS="1",
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
    # each worker holds one request at a time: the others take the rest, in turn
    assert sum(1 for n in range(3) if lines_written(tmp_path / f"w{n}")) >= 2


def lines_written(folder: Path) -> int:
    return sum(len(path.read_bytes().splitlines()) for path in folder.glob("feeds/*.jsonl"))


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
    texts = [template_report(n, rng) for n in range(1000)]
    store = RedisStateStore(redis_url, max_age_days=1)
    near = NearDuplicates(store, batch=500, candidates=8, bucket_size=32)
    for number, text in enumerate(texts):
        near.add(sketch(text), f"r{number}")
    near.flush()
    sizes = [store.db.scard(key) for key in store.db.scan_iter(match="news:state:band:*")]
    assert max(sizes) == 32
    probe = texts[734].replace("outlook", "forecast")
    match = near.find(sketch(probe), "new", probe)
    assert near.verified <= 8
    assert match is not None and match[0] == "r734"


def test_feeds_not_due_are_left_for_a_later_round_through_the_redis_state(
    small_site: Served, tmp_path: Path, redis_url: str
) -> None:
    adaptive = {"NEWS_POLL": "adaptive"}
    # Three workers: a feed is read, and its poll recorded, by whichever worker takes it.
    first_round = [
        start_worker(f"w{n}", small_site, tmp_path, redis_url, "r1", False, **adaptive)
        for n in range(3)
    ]
    wait_all(first_round, tmp_path)
    reports = [json.loads(p.read_text()) for p in tmp_path.glob("w*/feeds/*.report.json")]
    assert sum(report["stats"].get("feeds/fetched", 0) for report in reports) == 3
    worker = start_worker("w9", small_site, tmp_path, redis_url, "r2", False, **adaptive)
    wait_all([worker], tmp_path)
    (second,) = (tmp_path / "w9" / "feeds").glob("*.report.json")
    later = json.loads(second.read_text())
    assert later["stats"]["feeds/not_due"] == 3 and "feeds/fetched" not in later["stats"]
    assert {poll["outcome"] for poll in later["polling"].values()} == {"not_due"}


def test_a_fleet_reads_an_archive_back_and_writes_each_record_once(
    small_site: Served, tmp_path: Path, redis_url: str
) -> None:
    feeds = ",".join(f"{small_site.url}{p}" for p in ("/feed.xml", "/atom.xml", "/feed.json"))
    live = run_crawl("feeds", {"feeds": feeds, "warc": "on"}, tmp_path / "live")
    assert live.returncode == 0 and live.items, live.log[-3000:]
    small_site.process.terminate()  # the archive is all there is
    files = ",".join(str(path) for path in sorted(live.output_dir.glob("feeds/*.warc.gz")))
    workers = [
        start_worker(
            f"w{n}",
            small_site,
            tmp_path,
            redis_url,
            "r1",
            measured=n == 0,
            spider_args={"spider": "warc", "files": files},
        )
        for n in range(2)
    ]
    wait_all(workers, tmp_path)
    items = [
        json.loads(line)
        for path in tmp_path.glob("w*/warc/*.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert sorted(item["id"] for item in items) == sorted(item["id"] for item in live.items)
    assert {i["id"]: i["text"] for i in items} == {i["id"]: i["text"] for i in live.items}
    logs = "".join((tmp_path / f"w{n}.log").read_text() for n in range(2))
    assert "is seeded by another worker" in logs and "Traceback" not in logs
