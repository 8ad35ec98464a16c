"""`scrapy crawl site` end to end: from the home page alone, on three kinds of site."""

from __future__ import annotations

import pytest

from crawler.demo.site import Resource, build_site
from tests.conftest import CrawlResult, Served, run_crawl, serve


def allowed_paths(site: Served) -> list[str]:
    return sorted(s.path for s in site.site.stories if not s.path.startswith("/news/sport/"))


@pytest.fixture(scope="module")
def result(linked_site: Served, tmp_path_factory: pytest.TempPathFactory) -> CrawlResult:
    """The linked site scraped once, the way a user scrapes a site (its folder: workdir)."""
    return run_crawl("site", {"url": f"{linked_site.url}/"}, tmp_path_factory.mktemp("one-off"))


def test_links_only_every_article_and_nothing_else(linked_site: Served, result) -> None:
    assert result.returncode == 0, result.log[-3000:]
    assert result.paths() == allowed_paths(linked_site)  # no section, tag, author, about page
    assert {i["source"]["type"] for i in result.items} == {"site"}
    assert result.stats["site/listings"] > 10
    assert result.stats["robotstxt/forbidden"] >= 1


def test_links_to_other_hosts_are_never_followed(linked_site: Served, result) -> None:
    assert all(i["url"].startswith(linked_site.url) for i in result.items)
    assert result.stats.get("offsite/filtered", 0) == 0  # not even requested
    assert "localhost" not in result.log


def test_feeds_are_discovered_from_the_home_page(news_site: Served, crawl) -> None:
    result = crawl("site", {"url": f"{news_site.url}/"})
    assert sorted(result.story_paths(news_site.site)) == sorted(news_site.site.feed_paths)
    assert len(result.items) == len(news_site.site.feed_paths)
    assert result.stats["feeds/fetched"] >= 3
    assert {i["source"]["type"] for i in result.items} == {"feed"}


def test_sitemaps_are_discovered_through_robots_txt(sitemap_site: Served, crawl) -> None:
    result = crawl("site", {"url": f"{sitemap_site.url}/"})
    assert result.paths() == allowed_paths(sitemap_site)
    assert result.stats["sitemaps/fetched"] == 4
    assert {i["source"]["type"] for i in result.items} == {"sitemap"}


def test_max_articles_stops_the_crawl_exactly(linked_site: Served, crawl) -> None:
    result = crawl("site", {"url": f"{linked_site.url}/", "max_articles": "3"})
    assert result.returncode == 0
    assert len(result.items) == 3
    assert result.stats["finish_reason"] in ("max_articles", "finished")


def test_depth_and_page_budgets_bound_the_crawl(linked_site: Served, crawl) -> None:
    result = crawl("site", {"url": f"{linked_site.url}/", "max_pages": "5"})
    assert result.returncode == 0
    assert result.stats["response_received_count"] <= 5 + 20  # pages plus robots/feeds/sitemaps
    assert result.stats["site/page_budget_reached"] >= 1
    shallow = crawl("site", {"url": f"{linked_site.url}/", "max_depth": "1", "reset_state": "true"})
    assert 0 < len(shallow.items) < len(allowed_paths(linked_site))


def test_a_bad_argument_names_itself(crawl) -> None:
    result = crawl("site", {"url": "ftp://127.0.0.1/"})
    assert result.returncode != 0
    assert "spider argument url='ftp://127.0.0.1/'" in result.log


def test_a_one_off_scrape_gets_everything_every_time(
    linked_site: Served, result: CrawlResult
) -> None:
    expected = len(allowed_paths(linked_site))
    first, workdir = result, result.output_dir.parent
    assert first.stats["output/articles"] == expected
    # The one-off run left nothing in the state store: a run that keeps state gets it all...
    incremental = run_crawl("site", {"url": f"{linked_site.url}/", "state": "on"}, workdir)
    assert incremental.stats["output/articles"] == expected
    # ...and remembers it for the next run that asks.
    again = run_crawl("site", {"url": f"{linked_site.url}/", "state": "on"}, workdir)
    assert again.stats.get("output/articles", 0) == 0
    files = list((first.output_dir / "site").glob("*.jsonl"))
    assert len(files) == 2  # runs within one second do not overwrite each other's files


def test_links_are_followed_when_every_sitemap_entry_is_too_old(
    sitemap_site: Served, crawl
) -> None:
    # The sitemaps' entries wait in the backlog and then all give no request (older than
    # since); the links held back from the home page must still be followed afterwards.
    result = crawl("site", {"url": f"{sitemap_site.url}/", "since": "1m"})
    assert result.returncode == 0, result.log[-3000:]
    assert result.stats["since/skipped"] >= len(allowed_paths(sitemap_site))
    assert "Following" in result.log
    assert result.stats["response_received_count"] > 10  # robots, 4 sitemaps, then pages


def test_another_port_of_the_same_host_is_another_site(news_site: Served, tmp_path) -> None:
    # Scrapy's offsite filter ignores ports; a one-off scrape stays on its origin.
    site = build_site(feeds=False, listings=True, story_count=3)
    elsewhere = f"{news_site.url}{news_site.site.stories[0].path}"
    home = site.resources["/"]
    link = f'<a href="{elsewhere}">A story on the server next door</a></main>'.encode()
    site.resources["/"] = Resource(home.body.replace(b"</main>", link), home.content_type)
    served = serve(site, tmp_path / "site")
    try:
        result = run_crawl("site", {"url": f"{served.url}/"}, tmp_path)
    finally:
        served.process.terminate()
        served.process.wait()
    assert result.returncode == 0, result.log[-2000:]
    assert len(result.items) == len(site.stories)
    assert all(item["url"].startswith(served.url) for item in result.items)
    assert elsewhere not in result.log  # not even requested
