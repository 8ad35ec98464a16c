"""Hostile input: bombs, endless and slow bodies, silent servers, resets, rate limits, flaky
servers, redirect loops and chains, links that are not http: the good articles around them
are all written, the bad ones are logged and counted, and the run ends in time with status 0."""

from __future__ import annotations

import time
from pathlib import Path

from tests.conftest import run_crawl, serve
from tests.hostile import build_hostile_site


def test_every_good_article_survives_the_hostile_site(tmp_path: Path) -> None:
    site, expected = build_hostile_site()
    served = serve(site, tmp_path / "site", server="tests.hostile")
    started = time.monotonic()
    try:
        result = run_crawl(
            "feeds",
            {"feeds": f"{served.url}/hostile.xml"},
            tmp_path,
            {"DOWNLOAD_TIMEOUT": "4", "RETRY_TIMES": "2", "DOWNLOAD_MAXSIZE": str(8 * 2**20)},
        )
    finally:
        served.process.terminate()
        served.process.wait()
    assert time.monotonic() - started < 120
    assert result.returncode == 0, result.log[-3000:]
    assert sorted(result.paths()) == sorted(expected)
    stats = result.stats
    assert stats["articles/failed"] >= 4  # endless, trickle, hang, reset
    assert stats["articles/skipped"] >= 4  # bomb, loop, chain, offsite
    assert stats["downloader/response_status_count/429"] == 1
    assert stats["downloader/response_status_count/503"] == 2
    assert all(i["url"].startswith(served.url) for i in result.items)
    assert "Article page failed" in result.log
    assert stats["memusage/max"] < 1024 * 2**20
