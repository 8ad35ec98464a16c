"""Hostile input: decompression bombs, huge, endless, slow, deep, binary and empty bodies,
silent servers, resets, rate limits, flaky servers, redirect loops and chains, links that are
not http and a garbage robots.txt: every good article around them is written, each bad one is
logged and counted with its reason, nothing forbidden is fetched, and the run ends in time with
status 0 and bounded memory."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

from tests.conftest import run_crawl, serve
from tests.end_to_end.hostile import BOMBS, build_hostile_site


def requests_log(folder: Path) -> list[tuple[float, str]]:
    lines = (folder / "requests.log").read_text(encoding="utf-8").splitlines()
    return [(float(stamp), path) for stamp, path in (line.split(" ", 1) for line in lines)]


def test_every_good_article_survives_the_hostile_site(tmp_path: Path) -> None:
    site, expected = build_hostile_site()
    served = serve(site, tmp_path / "site", server="tests.end_to_end.hostile")
    started = time.monotonic()
    try:
        result = run_crawl(
            "feeds",
            {"feeds": f"{served.url}/hostile.xml", "allowed_domains": "127.0.0.1"},
            tmp_path,
            {"DOWNLOAD_TIMEOUT": "4", "RETRY_TIMES": "2", "DOWNLOAD_MAXSIZE": str(8 * 2**20)},
            watch_memory=True,
            measured=False,
        )
    finally:
        served.process.terminate()
        served.process.wait()
    assert time.monotonic() - started < 150
    assert result.returncode == 0, result.log[-3000:]
    written = result.paths()
    assert len(written) == len(set(written))
    assert set(expected) <= set(written)
    assert set(written) - set(expected) <= {"/nested.html"}  # the deep page may yield its text
    stats = result.stats
    assert all(i["url"].startswith(served.url) for i in result.items)

    # Bombs: refused once unpacked past DOWNLOAD_MAXSIZE (or, on a machine too busy to unpack
    # one within DOWNLOAD_TIMEOUT, given up as a timeout: never written either way); the 50 MB
    # page: cancelled.
    assert 1 <= stats["articles/skipped/too_big"] <= len(BOMBS)
    assert stats["articles/failed/too_big"] >= 1
    # Endless and one-byte-a-second bodies, a silent server: timeouts; a reset connection.
    assert stats["articles/failed/timeout"] >= 2
    assert stats["articles/failed/connection"] >= 1
    # Redirect loop and 30-hop chain; another host; an ftp: target.
    assert stats["articles/skipped/redirects"] >= 2
    assert stats["articles/skipped/offsite"] >= 1
    assert stats["articles/skipped/scheme"] == 1
    assert stats["articles/skipped/robots"] == 1
    assert stats["articles/empty"] == 1
    assert stats["extraction/not_text"] == 1
    assert "Not a text page" in result.log and "empty response" in result.log

    log = requests_log(tmp_path / "site")
    paths = [path for _, path in log]
    assert "/private/secret.html" not in paths  # robots.txt said no, garbage around it or not
    busy = [stamp for stamp, path in log if path == "/busy.html"]
    assert len(busy) == 2 and busy[1] - busy[0] >= 2.0  # Retry-After: 2 was honoured
    # Retry-After: 1 three times in a row, one more than RETRY_TIMES: waited for each time.
    patient = [stamp for stamp, path in log if path == "/patient.html"]
    assert len(patient) == 4 and all(b - a >= 1.0 for a, b in itertools.pairwise(patient))
    assert stats["retry/after_waited"] == 1 + 3
    assert stats["downloader/response_status_count/503"] == 2 + 3

    # The run report carries the same counters; memory of the whole process tree stayed low.
    assert result.report["stats"]["articles/skipped/too_big"] == stats["articles/skipped/too_big"]
    assert result.peak_memory < 1024 * 2**20


def test_a_feed_of_10000_items_and_a_sitemap_of_60000_urls_are_read_whole(tmp_path: Path) -> None:
    site, _ = build_hostile_site()
    served = serve(site, tmp_path / "site", server="tests.end_to_end.hostile")
    runs = {}
    try:
        for spider, argument, path in (
            ("feeds", "feeds", "big-feed.xml"),
            ("sitemap", "sitemaps", "big-sitemap.xml"),
        ):
            started = time.monotonic()
            result = run_crawl(
                spider,
                {argument: f"{served.url}/{path}", "max_articles": "20"},
                tmp_path / spider,
                watch_memory=True,
                measured=False,
            )
            runs[spider] = (result, time.monotonic() - started)
    finally:
        served.process.terminate()
        served.process.wait()
    for result, seconds in runs.values():
        assert result.returncode == 0, result.log[-3000:]
        assert len(result.items) == len(set(result.paths())) == 20
        assert seconds < 90
        assert result.peak_memory < 1024 * 2**20
    feed, sitemap = runs["feeds"][0], runs["sitemap"][0]
    assert feed.stats["feeds/entries"] == 10_000
    assert sitemap.stats["sitemaps/entries"] == 60_000
    # The entries waited in the backlog: the scheduler got NEWS_SCHEDULE_AHEAD (1,000) or so
    # requests, not one per entry.
    for result in (feed, sitemap):
        assert result.stats["scheduler/enqueued"] < 2_000
