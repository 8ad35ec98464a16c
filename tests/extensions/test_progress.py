"""Progress for people: a live display on a terminal, log lines under cron, always a summary."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

from tests.conftest import PROJECT, Served


def test_without_a_terminal_progress_is_logged_and_a_summary_ends_the_crawl(
    linked_site: Served, crawl
) -> None:
    result = crawl(
        "site",
        {"url": f"{linked_site.url}/"},
        settings={"NEWS_PROGRESS_INTERVAL": "0.05", "DOWNLOAD_DELAY": "0.02"},
    )
    assert result.returncode == 0
    assert "Progress: " in result.log
    summary = [line for line in result.log.splitlines() if "Summary: " in line]
    assert len(summary) == 1
    assert f"{len(result.items)} articles written" in summary[0]
    assert "\x1b[" not in result.log  # no terminal codes in logs


def test_on_a_terminal_a_live_display_shows_the_figures(news_site: Served, tmp_path) -> None:
    leader, follower = pty.openpty()
    command = [
        sys.executable, "-m", "scrapy", "crawl", "feeds",
        "-a", f"feeds={news_site.url}/feed.json",
        "-s", "DOWNLOAD_DELAY=0.3", "-s", "AUTOTHROTTLE_ENABLED=False",
        "-s", f"NEWS_OUTPUT_PATH={tmp_path}/out.jsonl", "-s", "NEWS_REPORT_PATH=",
        "-s", "LOG_LEVEL=WARNING",
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(PROJECT), "TERM": "xterm", "COLUMNS": "200"}
    process = subprocess.Popen(command, cwd=PROJECT, env=env, stderr=follower, stdout=follower)
    os.close(follower)
    screen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        screen += chunk
    assert process.wait(timeout=120) == 0
    os.close(leader)
    text = screen.decode("utf-8", errors="replace")
    assert "feeds: " in text and "pages fetched" in text and "articles written" in text
