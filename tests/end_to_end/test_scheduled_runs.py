"""Scheduled runs: only what is new, never twice at once, nothing lost or repeated when killed.

Every test runs real `scrapy crawl` processes against a sample site on 127.0.0.1 that a test
can republish between runs, with a real SQLite state file.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from crawler import exitcodes
from crawler.demo.site import build_site, write_site
from tests.conftest import FAST, PROJECT, CrawlResult, Served, crawl_env, run_crawl, serve


@pytest.fixture
def live_site(tmp_path: Path) -> Iterator[Served]:
    """A feed site whose two newest stories are not published yet (see ``publish``)."""
    served = serve(build_site(story_count=14, unpublished=2), tmp_path / "site")
    yield served
    served.process.terminate()
    served.process.wait()


def publish(served: Served, tmp_path: Path, **options: object) -> None:
    """Republish the site with every story; the server reloads it."""
    time.sleep(0.01)  # a new mtime for _routes.json
    served.site = build_site(story_count=14, **options)  # type: ignore[arg-type]
    write_site(served.site, tmp_path / "site")


def feeds_of(served: Served) -> dict[str, str]:
    return {"feeds": ",".join(f"{served.url}{p}" for p in ("/feed.xml", "/atom.xml", "/feed.json"))}


def all_lines(workdir: Path) -> list[dict]:
    """Every line of every *.jsonl under output/; fails on a line that does not parse."""
    lines = []
    for path in sorted((workdir / "output").rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            lines.append(json.loads(line))
    return lines


@dataclass
class History:
    """Runs of one cron job, in order, over one site and one state file."""

    site: Served
    workdir: Path
    first: CrawlResult
    unchanged: CrawlResult  # nothing was published since the first
    published: set[str]  # paths of the stories published after the unchanged run
    new_pages: set[str]  # pages that appeared with them (a mirror moves to a new URL)
    after_publishing: CrawlResult
    expired: CrawlResult  # NEWS_STATE_EXPIRE_DAYS=0
    reset: CrawlResult  # -a reset_state=true
    kept: CrawlResult  # a plain run after the reset


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Iterator[History]:
    workdir = tmp_path_factory.mktemp("history")
    served = serve(build_site(story_count=14, unpublished=2), workdir / "site")
    try:
        first = run_crawl("feeds", feeds_of(served), workdir)
        unchanged = run_crawl("feeds", feeds_of(served), workdir)
        stories = {s.path for s in served.site.stories}
        pages = set(served.site.feed_paths) | set(served.site.aliases)
        publish(served, workdir)
        published = {s.path for s in served.site.stories} - stories
        new_pages = (set(served.site.feed_paths) | set(served.site.aliases)) - pages
        after = run_crawl("feeds", feeds_of(served), workdir)
        # the last three repeat the first run's work (everything new again): not measured
        expired = run_crawl(
            "feeds", feeds_of(served), workdir, {"NEWS_STATE_EXPIRE_DAYS": "0"}, measured=False
        )
        reset = run_crawl(
            "feeds", {**feeds_of(served), "reset_state": "true"}, workdir, measured=False
        )
        kept = run_crawl("feeds", feeds_of(served), workdir, measured=False)
        yield History(
            served, workdir, first, unchanged, published, new_pages, after, expired, reset, kept
        )
    finally:
        served.process.terminate()
        served.process.wait()


def test_a_second_run_downloads_no_article_and_writes_nothing(history: History) -> None:
    first, second = history.first, history.unchanged
    assert first.returncode == 0, first.log[-2000:]
    assert first.stats["output/articles"] == len(first.items) > 0
    assert second.returncode == 0
    assert second.stats.get("articles/fetched", 0) == 0
    assert second.stats["feeds/not_modified"] == 3  # If-None-Match sent, 304 received
    assert second.report["sources"]["feeds"]["feeds/not_modified"] == 3
    assert second.report["exit_status"] == 0
    assert second.stats.get("output/articles", 0) == 0
    assert second.items == []  # no file for a run that found nothing
    assert "Summary: " in second.log


def test_only_new_articles_come_out_after_the_feed_changed(history: History) -> None:
    assert len(history.published) == 2
    second = history.after_publishing
    assert second.returncode == 0
    aliases = history.site.site.aliases  # a mirror page may stand for its story
    written = {
        aliases.get(p, p) for p in (i["url"].removeprefix(history.site.url) for i in second.items)
    }
    assert written == history.published
    # Only new pages were downloaded: the two stories (and the mirror page, which now
    # mirrors another story under a new URL).
    assert second.stats["articles/fetched"] == len(history.new_pages) == 3
    assert second.stats["state/seen_skipped"] >= len(history.first.items)
    ids = Counter(item["id"] for run in (history.first, second) for item in run.items)
    assert max(ids.values()) == 1


def test_expiry_and_reset_forget_what_was_emitted(history: History) -> None:
    every = (
        history.after_publishing.stats["output/articles"] + history.first.stats["output/articles"]
    )
    assert history.expired.stats["state/expired"] > 0
    assert history.expired.stats["output/articles"] == every
    assert history.reset.stats["state/reset"] is True
    assert history.reset.stats["output/articles"] == every
    assert history.kept.stats.get("output/articles", 0) == 0


def test_killed_runs_lose_nothing_and_repeat_nothing(tmp_path: Path) -> None:
    site = build_site(story_count=40)
    served = serve(site, tmp_path / "site")
    try:
        args = feeds_of(served)
        in_workers = {
            "DOWNLOAD_DELAY": "0.05",
            "NEWS_EXTRACT_WORKERS": "1",
        }  # a pool, as by default
        for delay in (0.4, 0.9, 1.5, 2.2, 3.0):
            process = start_crawl(args, tmp_path, in_workers, measured=False)  # to be killed
            time.sleep(delay)
            process.send_signal(signal.SIGKILL)
            process.wait()
        last = run_crawl("feeds", args, tmp_path)
    finally:
        served.process.terminate()
        served.process.wait()
    assert last.returncode == 0, last.log[-2000:]
    lines = all_lines(tmp_path)  # every line of every file parses
    paths = Counter(item["url"].removeprefix(served.url) for item in lines)
    stories = {s.path for s in site.stories}
    expected = set(site.feed_paths)
    # The mirror page repeats one story under another URL: one of the two is kept.
    assert {site.aliases.get(p, p) for p in paths} == expected
    assert max(paths.values()) == 1
    assert len(paths) == len(expected)
    assert stories >= expected
    assert not list((tmp_path / "output").rglob("*.part"))


def start_crawl(
    args: dict[str, str], workdir: Path, settings: dict[str, str], measured: bool = True
) -> subprocess.Popen:
    output = workdir / "output"
    command = [sys.executable, "-m", "scrapy", "crawl", "feeds"]
    for name, value in args.items():
        command += ["-a", f"{name}={value}"]
    merged = {
        **FAST,
        "NEWS_OUTPUT_PATH": str(output / "{spider}" / "{start}.jsonl"),
        "NEWS_REPORT_PATH": str(output / "{spider}" / "{start}.report.json"),
        "NEWS_STATE_PATH": str(workdir / "state" / "news.sqlite3"),
        "NEWS_OUTPUT_SYNC_SECONDS": "0.2",
        **settings,
    }
    for name, value in merged.items():
        command += ["-s", f"{name}={value}"]
    env = crawl_env(measured)
    return subprocess.Popen(
        command, cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )


def test_a_second_run_at_the_same_time_is_refused(live_site: Served, tmp_path: Path) -> None:
    slow = start_crawl(feeds_of(live_site), tmp_path, {"DOWNLOAD_DELAY": "0.5"})
    try:
        lock = tmp_path / "state" / "news.sqlite3.lock"
        for _ in range(200):  # its lock taken, its state store set up, its output open
            taken = lock.exists() and lock.read_text().strip()
            if taken and list((tmp_path / "output").rglob("*.part")):
                break
            time.sleep(0.05)
        state_before = (tmp_path / "state" / "news.sqlite3").stat().st_mtime_ns
        started = time.monotonic()
        second = run_crawl("feeds", feeds_of(live_site), tmp_path)
        assert time.monotonic() - started < 30
        assert second.returncode == exitcodes.ALREADY_RUNNING
        assert "another run" in second.log
        assert (tmp_path / "state" / "news.sqlite3").stat().st_mtime_ns == state_before
        assert not list((tmp_path / "output").rglob("*.jsonl"))  # the first is still running
        assert len(list((tmp_path / "output").rglob("*.part"))) == 1  # only the first's
    finally:
        slow.send_signal(signal.SIGTERM)
        status = slow.wait(timeout=60)
    assert status == exitcodes.INTERRUPTED  # SIGTERM ends it cleanly, keeping what it wrote
    assert not list((tmp_path / "output").rglob("*.part"))


@pytest.mark.parametrize(
    ("args", "settings", "status"),
    [
        ({"feeds": "not-a-url"}, {}, exitcodes.BAD_ARGUMENTS),
        (
            {"feeds": "http://127.0.0.1:9/feed.xml"},
            {"RETRY_TIMES": "0"},
            exitcodes.ALL_SOURCES_FAILED,
        ),
        (None, {"NEWS_OUTPUT_PATH": "/dev/null/out/{start}.jsonl"}, exitcodes.OUTPUT_UNWRITABLE),
        (None, {"NEWS_STATE_PATH": "/dev/null/state.sqlite3"}, exitcodes.STATE_UNUSABLE),
    ],
)
def test_exit_statuses(live_site: Served, tmp_path: Path, args, settings, status) -> None:
    result = run_crawl("feeds", args or feeds_of(live_site), tmp_path, settings)
    assert result.returncode == status, result.log[-2000:]
