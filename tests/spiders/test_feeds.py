"""`scrapy crawl feeds` end to end against the sample news site on 127.0.0.1."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest

from crawler.demo.site import BOILERPLATE
from tests.conftest import PROJECT, CrawlResult, Served, run_crawl

SCHEMA = json.loads((PROJECT / "crawler/schema/article.schema.json").read_text("utf-8"))


def feed_urls(site: Served) -> str:
    return ",".join(f"{site.url}{path}" for path in ("/feed.xml", "/atom.xml", "/feed.json"))


@pytest.fixture(scope="module")
def result(news_site: Served, tmp_path_factory: pytest.TempPathFactory) -> CrawlResult:
    """One crawl of the three overlapping feeds, shared by the tests of this module."""
    return run_crawl("feeds", {"feeds": feed_urls(news_site)}, tmp_path_factory.mktemp("crawl"))


def stories_by_path(site: Served) -> dict:
    return {story.path: story for story in site.site.stories}


def test_the_crawl_succeeds(result: CrawlResult) -> None:
    assert result.returncode == 0, result.log[-3000:]
    assert result.stats["finish_reason"] == "finished"


def test_every_article_in_the_feeds_is_written_exactly_once(
    result: CrawlResult, news_site: Served
) -> None:
    aliases = news_site.site.aliases
    paths = Counter(
        aliases.get(urlsplit(i["url"]).path, urlsplit(i["url"]).path) for i in result.items
    )
    assert set(paths) == set(news_site.site.feed_paths)
    assert max(paths.values()) == 1


def test_an_article_listed_in_several_feeds_is_fetched_once(
    result: CrawlResult, news_site: Served
) -> None:
    # robots.txt, three feeds, the video page, each article page once, and the mirror page
    # the JSON feed adds (its tracking-parameter URL is cleaned and filtered before fetching).
    expected = 1 + 3 + 1 + len(news_site.site.feed_paths) + 1
    assert result.stats["downloader/request_count"] == expected
    assert result.stats["dupefilter/filtered"] > 0


def test_text_is_the_article_body_without_boilerplate(
    result: CrawlResult, news_site: Served
) -> None:
    stories = stories_by_path(news_site)
    for path, item in result.story_paths(news_site.site).items():
        story = stories[path]
        for paragraph in story.paragraphs:
            assert paragraph in item["text"], (path, paragraph)
        for phrase in [*BOILERPLATE, "Stay informed", "Sign me up", "Photo: Gazette archive"]:
            assert phrase not in item["text"], (path, phrase)
        assert not item["text"].startswith(story.title)


def test_metadata_is_as_on_the_page(result: CrawlResult, news_site: Served) -> None:
    stories = stories_by_path(news_site)
    for path, item in result.story_paths(news_site.site).items():
        story = stories[path]
        assert item["title"] == story.title
        assert item["authors"] == story.authors
        assert datetime.fromisoformat(item["published"]) == story.published
        assert item["language"] == story.language
        assert item["sitename"] == "The Harbour Gazette"
        if path == urlsplit(item["url"]).path:  # the mirror page names no canonical URL
            assert item["canonical_url"] == f"{news_site.url}{path}"
        assert item["image"] == f"{news_site.url}/img/{story.slug}.jpg"
        assert set(story.tags) <= set(item["tags"])
        assert item["source"]["type"] == "feed"
        assert item["source"]["url"].startswith(news_site.url)


def test_legacy_charset_pages_are_decoded(result: CrawlResult) -> None:
    russian = next(i for i in result.items if i["url"].endswith("port-modernizaciya.html"))
    german = next(i for i in result.items if i["url"].endswith("faehre-fahrplan.html"))
    assert russian["title"] == "Порт объявил о модернизации северного терминала"
    assert "Администрация порта во вторник" in russian["text"]
    assert german["title"] == "Neuer Fährplan: Öfter über die Förde"
    assert "Bürgerinnen und Bürger" in german["text"]


def test_duplicates_under_other_urls_are_dropped_and_counted(result: CrawlResult) -> None:
    assert result.stats["dupefilter/filtered"] >= 1  # ?utm_source=... cut before the request
    assert result.stats["duplicates/exact"] == 1  # the mirror page or its original, by text
    assert not [i for i in result.items if "utm_source" in i["url"]]


def test_the_page_without_an_article_is_dropped_and_counted(result: CrawlResult) -> None:
    assert not [i for i in result.items if "/video/" in i["url"]]
    assert result.stats["extraction/no_article"] == 1


def test_output_validates_against_the_json_schema(result: CrawlResult) -> None:
    assert result.items
    for item in result.items:
        jsonschema.validate(item, SCHEMA)


def test_one_file_per_run_named_by_its_start_time(result: CrawlResult) -> None:
    files = list((result.output_dir / "feeds").iterdir())
    jsonl = [f for f in files if f.name.endswith(".jsonl")]
    assert len(jsonl) == 1
    datetime.strptime(jsonl[0].stem, "%Y-%m-%dT%H-%M-%SZ")
    assert not [f for f in files if f.name.endswith(".part")]
    raw = jsonl[0].read_text(encoding="utf-8")
    assert "Порт" in raw  # non-ASCII written as is, not \\u-escaped


def test_dash_capital_o_writes_only_that_file(news_site: Served, crawl, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    result = crawl("feeds", {"feeds": f"{news_site.url}/atom.xml"}, extra=["-O", str(target)])
    assert result.returncode == 0, result.log[-2000:]
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert sorted(i["url"] for i in lines) == sorted(
        news_site.url + path for path in news_site.site.feeds["/atom.xml"]
    )
    assert result.items == []  # the per-run writer stayed off: nothing written twice
    # An export is a one-off run that leaves nothing in the state store: the next run gets
    # everything again, even one that asks for the state store...
    stateful = {"feeds": f"{news_site.url}/atom.xml", "state": "on"}
    again = crawl("feeds", stateful, extra=["-O", str(target)])
    assert len(target.read_text(encoding="utf-8").splitlines()) == len(lines)
    assert again.stats.get("state/seen_skipped", 0) == 0
    # ...which then remembers what it exported.
    last = crawl("feeds", stateful, extra=["-O", str(target)])
    assert last.stats.get("articles/fetched", 0) == 0
    assert target.read_text(encoding="utf-8") == ""


def test_a_broken_feed_is_logged_and_the_others_go_on(news_site: Served, crawl) -> None:
    feeds = f"{news_site.url}/missing.xml,{news_site.url}/,{news_site.url}/feed.json"
    result = crawl("feeds", {"feeds": feeds})
    assert result.returncode == 0
    assert len(result.items) == len(news_site.site.feeds["/feed.json"]) + 1  # the mirror
    assert result.stats["feeds/invalid"] == 1  # the home page is HTML, not a feed
    assert "Ignoring invalid feed" in result.log
    assert result.stats["downloader/response_status_count/404"] == 1


def test_a_missing_feeds_argument_is_a_clear_error(crawl) -> None:
    result = crawl("feeds", {})
    assert result.returncode != 0
    assert "spider argument feeds" in result.log


def test_default_politeness_settings_crawl_the_site(news_site: Served, crawl) -> None:
    result = crawl(
        "feeds",
        {"feeds": f"{news_site.url}/feed.json"},
        settings={"DOWNLOAD_DELAY": "0.25", "AUTOTHROTTLE_ENABLED": "True"},
    )
    assert result.returncode == 0
    assert len(result.items) == len(news_site.site.feeds["/feed.json"]) + 1  # and the mirror
    assert result.stats["robotstxt/request_count"] == 1
