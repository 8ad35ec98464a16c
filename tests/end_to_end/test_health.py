"""The health page: the run reports of scheduled crawls over simulated days (``scrapy crawl
sources`` every twelve hours, ``NEWS_CLOCK`` moving) become one HTML file, shown in headless
Chromium: its charts are there, a source gone quiet and a host that started refusing are
flagged first, and a page of 500 sources opens in under two seconds."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from crawler.demo.site import Resource, Site, article_page, rss_feed, write_site
from crawler.demo.stories import Story, make_stories
from tests.conftest import PROJECT, crawl_env, run_crawl, serve

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="chromium is not installed (.ci/run installs it; in CI these must run)",
)

START = datetime(2026, 11, 10, tzinfo=UTC)
STEP = timedelta(hours=12)
RUNS = 10
QUIET_AFTER = 4  # the "quiet" source publishes in the first four runs only
BLOCKED_FROM = 6  # the "walled" source's feed answers 403 from the seventh run on


def site_at(run: int, stories: dict[str, list[Story]]) -> Site:
    resources: dict[str, Resource] = {}
    for name, listed in stories.items():
        for story in listed:
            resources[story.path] = Resource(article_page(story).encode(), "text/html")
        published = listed[: run + 1] if name != "quiet" else listed[: min(run, QUIET_AFTER) + 1]
        feed = rss_feed(published[::-1], "").encode()
        resources[f"/feeds/{name}.xml"] = Resource(feed, "application/rss+xml")
    if run >= BLOCKED_FROM:
        resources["/feeds/walled.xml"] = Resource(b"Access denied", "text/html", status=403)
    resources["/robots.txt"] = Resource(b"User-agent: *\nAllow: /\n", "text/plain")
    return Site(resources=resources, stories=[])


def chromium(page: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Headless Chromium on a local file, offline: no background connections, a fresh
    profile beside the file."""
    assert CHROMIUM is not None
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={page.parent / 'profile'}",
            *arguments,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )


def health(reports: Path, page: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "scrapy", "health", "-o", str(page), "--reports", str(reports)],
        cwd=PROJECT, env=crawl_env(), check=True, capture_output=True, text=True,
    )  # fmt: skip


@pytest.fixture(scope="module")
def shown(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Ten runs over five simulated days, their health page, its screenshot and its DOM."""
    folder = tmp_path_factory.mktemp("health")
    pool = iter(make_stories(3 * RUNS, seed=21))
    stories = {
        name: [
            dataclasses.replace(next(pool), slug=f"{name}-{k}", published=START + STEP * k)
            for k in range(RUNS)
        ]
        for name in ("steady", "quiet", "walled")
    }
    served = serve(site_at(0, stories), folder / "site")
    sources = folder / "sources.toml"
    sources.write_text(
        "".join(
            f'[[source]]\nname = "{name}"\nfeeds = ["{served.url}/feeds/{name}.xml"]\n'
            for name in stories
        ),
        encoding="utf-8",
    )
    try:
        for run in range(RUNS):
            write_site(site_at(run, stories), folder / "site")
            clock = (START + STEP * run).isoformat()
            run_crawl("sources", {"file": str(sources)}, folder, {"NEWS_CLOCK": clock})
    finally:
        served.process.terminate()
        served.process.wait()
    page = folder / "health.html"
    health(folder / "output", page)
    chromium(page, "--window-size=1400,1800", f"--screenshot={folder / 'health.png'}")
    dom = chromium(page, "--dump-dom").stdout
    return {"folder": folder, "page": page, "dom": dom}


def test_a_screenshot_shows_the_page_with_its_charts(shown: dict[str, Any]) -> None:
    screenshot = shown["folder"] / "health.png"
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot.stat().st_size > 20_000  # not a blank page
    dom = shown["dom"]
    for chart in ("articles-chart", "failures-chart"):
        figure = re.search(rf'<figure class="chart" id="{chart}">(.*?)</figure>', dom, re.S)
        assert figure is not None and "<svg" in figure.group(1) and "<path" in figure.group(1)


def test_a_quiet_source_and_a_refusing_host_are_flagged_first(shown: dict[str, Any]) -> None:
    dom = shown["dom"]
    flags = re.search(r'<ul class="flags" id="flags">(.*?)</ul>', dom, re.S)
    assert flags is not None
    assert re.search(r"<b>silent</b> quiet: no new article for", flags.group(1))
    assert re.search(r"<b>refusing</b> 127\.0\.0\.1\S*: refusing the crawler since", flags.group(1))
    assert re.search(r"<b>failing</b> walled: failing since", flags.group(1))
    assert "steady" not in flags.group(1)
    rows = re.findall(r'<tr class="(flagged|)"[^>]*><td class="flags"[^>]*>[^<]*</td><td[^>]*>'
                      r"([^<]+)</td>", dom)  # fmt: skip
    assert [name for _, name in rows][-1] == "steady"  # flagged sources first
    assert {name for flag, name in rows if flag} == {"quiet", "walled"}


def test_a_page_of_500_sources_opens_in_under_two_seconds(tmp_path: Path) -> None:
    reports = tmp_path / "output" / "sources"
    reports.mkdir(parents=True)
    for run in range(60):  # a month, twice a day
        at = START + STEP * run
        report = {
            "spider": "sources", "started": at.isoformat(), "clock": at.isoformat(),
            "finish_reason": "finished", "exit_status": 0, "refused": {}, "stats": {},
            "sources": {f"source-{n:03d}": {"feeds/fetched": 1, "output/articles": (n + run) % 4}
                        for n in range(500)},
        }  # fmt: skip
        (reports / f"{at:%Y-%m-%dT%H-%M-%SZ}.report.json").write_text(json.dumps(report))
    page = tmp_path / "health.html"
    health(tmp_path / "output", page)
    dom = chromium(page, "--dump-dom").stdout
    assert dom.count('<td class="flags"') == 500
    loaded = re.search(r'data-loaded-ms="(\d+)"', dom)
    assert loaded is not None and int(loaded.group(1)) < 2000
