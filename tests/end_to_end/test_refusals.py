"""Sites that refuse the crawler, through `scrapy crawl sources`: every wall is named and
counted per source and host, none is written as an article, a host that refuses everything is
given up after NEWS_REFUSALS_PER_HOST refusals in a row, robots.txt Crawl-delay is honoured,
and a second run after the walls are lifted gets every article the first was refused."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from crawler import exitcodes
from crawler.demo.site import Resource, Site, build_site, write_site
from tests.conftest import CrawlResult, Served, run_crawl, serve
from tests.end_to_end.test_hostile import requests_log
from tests.end_to_end.walls import CLOUDFLARE_CHALLENGE, HTML, IMPERVA, build_walled_site

BREAKER = 4  # NEWS_REFUSALS_PER_HOST for the run against a host that refuses everything
CHALLENGE = {"cf-mitigated": "challenge", "Server": "cloudflare"}


@dataclass
class Runs:
    walled: Served
    slow: Served
    walls: dict[str, str]  # wall path -> kind
    folder: Path
    first: CrawlResult
    asked_first: dict[str, list[tuple[float, str]]]  # per site, the requests of the first run
    second: CrawlResult  # after the walls were lifted


def refusing_site(feeds: bool = False) -> Site:
    """A site behind a Cloudflare challenge on every page and robots.txt (and its feeds)."""
    site = build_site(story_count=12)
    for path in list(site.resources):
        if path.endswith((".html", ".txt", *((".xml", ".json") if feeds else ()))):
            site.resources[path] = Resource(CLOUDFLARE_CHALLENGE.encode(), HTML, 403, CHALLENGE)
    return site


def slow_site() -> Site:
    """A site whose robots.txt asks for a second between requests."""
    site = build_site(story_count=3)
    site.resources["/robots.txt"] = Resource(b"User-agent: *\nCrawl-delay: 1\n", "text/plain")
    return site


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runs]:
    folder = tmp_path_factory.mktemp("refusals")
    site, walls = build_walled_site()
    # A feed and a sitemap that are walls themselves.
    site.resources["/blocked.xml"] = Resource(CLOUDFLARE_CHALLENGE.encode(), HTML, 403, CHALLENGE)
    site.resources["/blocked-sitemap.xml"] = Resource(IMPERVA.encode(), HTML)
    served = [
        serve(site, folder / "walled", server="tests.end_to_end.logged"),
        serve(slow_site(), folder / "slow", server="tests.end_to_end.logged"),
    ]
    walled, slow = served
    sources = folder / "sources.toml"
    sources.write_text(
        f'[[source]]\nname = "walled"\nfeeds = ["{walled.url}/walled.xml"]\n'
        f'[[source]]\nname = "blocked-feed"\nfeeds = ["{walled.url}/blocked.xml"]\n'
        f'[[source]]\nname = "blocked-sitemap"\nsitemaps = ["{walled.url}/blocked-sitemap.xml"]\n'
        f'[[source]]\nname = "slow"\nfeeds = ["{slow.url}/feed.xml"]\n',
        encoding="utf-8",
    )
    settings = {"NEWS_REFUSALS_PER_HOST": "100"}  # the walled site's walls come in a row
    try:
        first = run_crawl("sources", {"file": str(sources)}, folder, settings)
        asked = {name: requests_log(folder / name) for name in ("walled", "slow")}
        lifted, _ = build_walled_site(walls=False)
        write_site(lifted, folder / "walled")
        second = run_crawl("sources", {"file": str(sources)}, folder, settings)
        yield Runs(walled, slow, walls, folder, first, asked, second)
    finally:
        for server in served:
            server.process.terminate()
            server.process.wait()


def test_every_wall_is_counted_with_its_kind_and_never_written(runs: Runs) -> None:
    first = runs.first
    assert first.returncode == exitcodes.OK, first.log[-3000:]
    written = {item["url"].removeprefix(runs.walled.url) for item in first.items}
    assert not written & set(runs.walls)
    kinds = {kind for kind in runs.walls.values()}
    for kind in kinds:
        expected = sum(1 for k in runs.walls.values() if k == kind)
        assert first.stats[f"blocked/{kind}"] >= expected, kind
    assert first.report["sources"]["walled"]["blocked/challenge"] == 9


def test_good_articles_around_the_walls_are_all_written(runs: Runs) -> None:
    site, _ = build_walled_site()
    good = {s.path for s in site.stories} | {
        f"/premium/{p}.html" for p in ("whole", "cut", "boxed")
    }
    written = {item["url"].removeprefix(runs.walled.url) for item in runs.first.items}
    assert good <= written


def test_paywalled_articles_say_so(runs: Runs) -> None:
    by_path = {item["url"].removeprefix(runs.walled.url): item for item in runs.first.items}
    assert by_path["/premium/whole.html"]["access"] == "subscriber"
    assert by_path["/premium/whole.html"]["truncated"] is False
    assert by_path["/premium/cut.html"]["access"] == "subscriber"
    assert by_path["/premium/cut.html"]["truncated"] is True
    assert by_path["/premium/boxed.html"]["access"] == "subscriber"  # a teaser, then the wall
    assert by_path["/premium/boxed.html"]["truncated"] is True
    assert "/premium/gone.html" not in by_path  # the wall left no article: counted, not written
    assert runs.first.stats["blocked/paywall"] == 1
    free = [item for path, item in by_path.items() if not path.startswith("/premium/")]
    assert all(item["access"] == "unknown" and item["truncated"] is False for item in free)


def test_the_run_report_lists_each_host_s_refusals_with_an_example(runs: Runs) -> None:
    host = runs.walled.url.removeprefix("http://")
    refused = runs.first.report["refused"][host]
    assert refused["challenge"]["count"] >= 9
    assert refused["consent"]["example"].startswith(runs.walled.url)
    assert refused["soft_404"]["example"] == f"{runs.walled.url}/walls/soft-404.html"
    assert "blocked" in runs.first.log.split("Summary: ")[1].split("\n")[0]


def test_a_refused_feed_or_sitemap_is_an_error_naming_the_reason(runs: Runs) -> None:
    log = runs.first.log
    assert "Every request of source 'blocked-feed' was refused: challenge (cloudflare)" in log
    assert "Every request of source 'blocked-sitemap' was refused: challenge (imperva)" in log
    stats = runs.first.stats
    assert stats["feeds/failed/blocked"] >= 1 and stats["sitemaps/failed/blocked"] >= 1
    assert "sitemaps/invalid" not in stats  # never parsed as an empty sitemap


def test_a_host_that_refuses_everything_is_given_up(tmp_path: Path) -> None:
    served = serve(refusing_site(), tmp_path / "site", server="tests.end_to_end.logged")
    try:
        # One request at a time, at a small delay (without one, Scrapy's downloader sends a
        # slot's whole queue at once, whatever its concurrency).
        settings = {
            "NEWS_REFUSALS_PER_HOST": str(BREAKER),
            "CONCURRENT_REQUESTS_PER_DOMAIN": "1",
            "DOWNLOAD_DELAY": "0.05",
        }
        result = run_crawl("feeds", {"feeds": f"{served.url}/feed.xml"}, tmp_path, settings)
    finally:
        served.process.terminate()
        served.process.wait()
    asked = [path for _, path in requests_log(tmp_path / "site")]
    # robots.txt (refused), the feed (which it serves), then pages until BREAKER in a row; the
    # downloader sends the next request as a response arrives, before middlewares read it, so
    # one more may be on its way when the host is given up.
    assert asked[:2] == ["/robots.txt", "/feed.xml"]
    assert 2 + BREAKER <= len(asked) <= 2 + BREAKER + 1
    assert result.stats["blocked/hosts_given_up"] == 1
    sent = len(asked) - 2
    assert result.stats["blocked/not_requested"] == result.stats["feeds/entries"] - sent
    assert "refused 4 requests in a row" in result.log


def test_robots_txt_crawl_delay_is_honoured(runs: Runs) -> None:
    stamps = [stamp for stamp, _ in runs.asked_first["slow"]]
    assert len(stamps) >= 4  # robots.txt, the feed, three articles
    gaps = [later - earlier for earlier, later in itertools.pairwise(stamps[1:])]
    # The delay runs between the downloader's sends; a busy machine may shift one arrival (a
    # request that arrives half a second late is followed by a gap half a second short).
    assert sum(gaps) >= 0.95 * len(gaps) and min(gaps) >= 0.4, gaps
    assert runs.first.stats["robotstxt/crawl_delay"] >= 1


def test_a_second_run_after_the_walls_are_lifted_gets_what_was_refused(runs: Runs) -> None:
    second = runs.second
    assert second.returncode == exitcodes.OK, second.log[-3000:]
    written = {item["url"].removeprefix(runs.walled.url) for item in second.items}
    lifted = {path for path, kind in runs.walls.items() if "redirect" not in path}
    assert lifted <= written


def test_a_run_in_which_every_source_is_refused_says_so(tmp_path: Path) -> None:
    served = serve(refusing_site(feeds=True), tmp_path / "site")
    try:
        result = run_crawl("feeds", {"feeds": f"{served.url}/feed.xml"}, tmp_path)
    finally:
        served.process.terminate()
        served.process.wait()
    assert result.returncode == exitcodes.ALL_SOURCES_REFUSED, result.log[-2000:]
    assert json.dumps(result.report["refused"]).count("cloudflare") >= 1
