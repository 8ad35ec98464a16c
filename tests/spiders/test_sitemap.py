"""`scrapy crawl sitemap` end to end: robots.txt, indexes, gzip, Google News, since."""

from __future__ import annotations

import re
from datetime import datetime

from tests.conftest import Served


def allowed_paths(site: Served) -> list[str]:
    return sorted(s.path for s in site.site.stories if not s.path.startswith("/news/sport/"))


def test_from_robots_txt_every_allowed_article_once(sitemap_site: Served, crawl) -> None:
    result = crawl("sitemap", {"sitemaps": f"{sitemap_site.url}/robots.txt"})
    assert result.returncode == 0, result.log[-3000:]
    assert result.paths() == allowed_paths(sitemap_site)
    stats = result.stats
    assert stats["sitemaps/fetched"] == 4  # the index, the news sitemap, two gzipped urlsets
    assert stats["sitemaps/repeated"] == 1  # the index lists itself
    assert stats["robotstxt/forbidden"] == 3
    assert {i["source"]["type"] for i in result.items} == {"sitemap"}


def test_a_site_root_finds_the_sitemaps_through_robots_txt(sitemap_site: Served, crawl) -> None:
    result = crawl("sitemap", {"sitemaps": f"{sitemap_site.url}/"})
    assert result.paths() == allowed_paths(sitemap_site)


def test_google_news_fields_reach_the_record(sitemap_site: Served, crawl) -> None:
    result = crawl("sitemap", {"sitemaps": f"{sitemap_site.url}/sitemaps/news.xml"})
    stories = {s.path: s for s in sitemap_site.site.stories[:4] if "/sport/" not in s.path}
    assert sorted(stories) == result.paths()
    for path, item in result.by_path().items():
        assert datetime.fromisoformat(item["published"]) == stories[path].published
        assert set(stories[path].tags) <= set(item["tags"])
        assert item["source"]["url"].endswith("/sitemaps/news.xml")


def test_newest_articles_are_fetched_first(sitemap_site: Served, crawl) -> None:
    result = crawl(
        "sitemap",
        {"sitemaps": f"{sitemap_site.url}/sitemaps/a.xml.gz"},
        # One request and one extraction at a time, so that output order is fetch order.
        settings={"CONCURRENT_REQUESTS": "1", "NEWS_EXTRACT_WORKERS": "1"},
    )
    dates = [item["published"][:10] for item in result.items]
    assert len(dates) >= 3
    assert dates == sorted(dates, reverse=True)


def test_entries_wait_in_the_backlog_and_all_come_out_newest_first(
    sitemap_site: Served, crawl
) -> None:
    # Two requests ahead at most: the sitemaps' entries are released a few at a time, newest
    # first among those read so far, until none is left; the spider stays open meanwhile.
    result = crawl(
        "sitemap",
        {"sitemaps": f"{sitemap_site.url}/robots.txt"},
        settings={
            "NEWS_SCHEDULE_AHEAD": "2",
            "CONCURRENT_REQUESTS": "1",
            "NEWS_EXTRACT_WORKERS": "1",
        },
    )
    assert result.returncode == 0, result.log[-3000:]
    assert result.paths() == allowed_paths(sitemap_site)
    by_sitemap: dict[str, list[str]] = {}
    for item in result.items:
        by_sitemap.setdefault(item["source"]["url"], []).append(item["published"][:10])
    assert len(by_sitemap) >= 2
    for dates in by_sitemap.values():
        assert dates == sorted(dates, reverse=True)
    assert result.stats["articles/fetched"] == len(allowed_paths(sitemap_site))


def test_released_entries_carry_a_referer_and_keep_the_url_length_limit(
    sitemap_site: Served, crawl
) -> None:
    # The backlog hands requests to the engine, past the spider middlewares; what those give a
    # request yielded by the sitemap's callback is given here too.
    paths = allowed_paths(sitemap_site)
    limit = len(sitemap_site.url) + sorted(len(path) for path in paths)[len(paths) // 2]
    kept = [path for path in paths if len(sitemap_site.url + path) <= limit]
    result = crawl(
        "sitemap",
        {"sitemaps": f"{sitemap_site.url}/robots.txt"},
        settings={"NEWS_SCHEDULE_AHEAD": "2", "URLLENGTH_LIMIT": str(limit), "LOG_LEVEL": "DEBUG"},
    )
    assert result.returncode == 0, result.log[-3000:]
    assert 0 < len(kept) < len(paths)
    assert result.paths() == kept
    assert result.stats["urllength/request_ignored_count"] == len(paths) - len(kept)
    referers = dict(re.findall(r"Crawled \(200\) <GET (\S+)> \(referer: (\S+)\)", result.log))
    for path, item in result.by_path().items():
        assert referers[sitemap_site.url + path] == item["source"]["url"]


def test_since_skips_older_entries_before_fetching(sitemap_site: Served, crawl) -> None:
    result = crawl("sitemap", {"sitemaps": f"{sitemap_site.url}/robots.txt", "since": "2026-11-19"})
    expected = [
        s.path
        for s in sitemap_site.site.stories
        if s.published.date().isoformat() >= "2026-11-19" and not s.path.startswith("/news/sport/")
    ]
    assert result.paths() == sorted(expected)
    assert result.stats["since/skipped"] > 0
    assert result.stats["articles/fetched"] == len(expected)


def test_a_sitemap_cap_is_obeyed_and_counted(sitemap_site: Served, crawl) -> None:
    result = crawl(
        "sitemap",
        {"sitemaps": f"{sitemap_site.url}/sitemap_index.xml"},
        settings={"NEWS_SITEMAP_MAX_SITEMAPS": "2"},
    )
    assert result.returncode == 0
    assert result.stats["sitemaps/fetched"] == 2
    assert result.stats["sitemaps/over_cap"] >= 1


def test_an_invalid_sitemap_is_logged_and_counted(sitemap_site: Served, crawl) -> None:
    result = crawl(
        "sitemap", {"sitemaps": f"{sitemap_site.url}/about.html,{sitemap_site.url}/robots.txt"}
    )
    assert result.returncode == 0
    assert result.stats["sitemaps/failed"] == 1  # a 404
    assert result.paths() == allowed_paths(sitemap_site)


def test_languages_keep_only_articles_in_those_languages(sitemap_site: Served, crawl) -> None:
    # The news sitemap names each article's language: the English ones are not fetched. The
    # plain sitemaps do not: their pages are fetched, and dropped once extraction reads them.
    result = crawl("sitemap", {"sitemaps": f"{sitemap_site.url}/robots.txt", "languages": "de,ru"})
    assert result.returncode == 0, result.log[-2000:]
    wanted = {s.path for s in sitemap_site.site.stories if s.language in ("de", "ru")}
    assert set(result.paths()) == wanted
    assert {item["language"] for item in result.items} == {"de", "ru"}
    assert result.stats["language/skipped"] >= 1  # before fetching: the news sitemap said "en"
    assert result.stats["language/dropped"] >= 1  # after extraction
