"""The sources file: validation that names the entry and field, and one crawl of them all."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.discovery.sources import SourcesFileError, load_sources
from tests.conftest import Served


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_apply_to_every_source_that_does_not_override(tmp_path: Path) -> None:
    plans = load_sources(
        write(
            tmp_path,
            """
            [defaults]
            max_articles = 10
            delay = 2
            [[source]]
            name = "a"
            feeds = ["http://127.0.0.1:1/feed.xml"]
            [[source]]
            name = "b"
            home = "http://127.0.0.1:1/"
            max_articles = 3
            """,
        )
    )
    assert [(p.name, p.max_articles, p.delay) for p in plans] == [("a", 10, 2.0), ("b", 3, 2.0)]
    assert plans[1].allowed_hosts == ["127.0.0.1"]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('name = "x"\nfeeds = ["ftp://h/f"]', "source #1 'x': field 'feeds': 'ftp://h/f'"),
        ('name = "x"\nfeeds = ["http://h/f"]\nsince = "yesterday"', "field 'since'"),
        ('name = "x"\nfeeds = ["http://h/f"]\nmax_articles = -1', "field 'max_articles'"),
        ('name = "x"\nfeeds = ["http://h/f"]\ndelay = "fast"', "field 'delay'"),
        ('name = "x"\nfeeds = ["http://h/f"]\ncolour = "red"', "field 'colour': 'red': unknown"),
        ('name = "x"', "give at least one of feeds, sitemaps, home"),
        ('feeds = ["http://h/f"]', "source #1: field 'name'"),
    ],
)
def test_a_bad_entry_is_named_with_its_field(tmp_path: Path, entry: str, message: str) -> None:
    with pytest.raises(SourcesFileError, match=message.replace("(", r"\(")):
        load_sources(write(tmp_path, f"[[source]]\n{entry}\n"))


def test_duplicate_names_and_broken_toml_are_errors(tmp_path: Path) -> None:
    twice = '[[source]]\nname = "a"\nhome = "http://h/"\n' * 2
    with pytest.raises(SourcesFileError, match="source #2 'a': field 'name'"):
        load_sources(write(tmp_path, twice))
    with pytest.raises(SourcesFileError, match="not valid TOML"):
        load_sources(write(tmp_path, "[[source]\nname ="))
    with pytest.raises(SourcesFileError, match="cannot read"):
        load_sources(tmp_path / "missing.toml")


def test_one_command_crawls_every_source(
    news_site: Served, sitemap_site: Served, linked_site: Served, crawl, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        f"""
        [[source]]
        name = "feeds"
        feeds = ["{news_site.url}/atom.xml"]
        [[source]]
        name = "sitemaps"
        sitemaps = ["{sitemap_site.url}/sitemaps/news.xml"]
        [[source]]
        name = "links"
        home = "{linked_site.url}/"
        max_articles = 2
        delay = 0.05
        """,
    )
    result = crawl("sources", {"file": str(path)})
    assert result.returncode == 0, result.log[-3000:]
    by_source: dict[str, list[str]] = {}
    for item in result.items:
        by_source.setdefault(item["source"]["name"], []).append(item["url"])
    assert len(by_source["feeds"]) == len(news_site.site.feeds["/atom.xml"])
    assert all(u.startswith(sitemap_site.url) for u in by_source["sitemaps"])
    assert len(by_source["sitemaps"]) == 3  # four in the news sitemap, one forbidden
    assert len(by_source["links"]) == 2
    assert all(u.startswith(linked_site.url) for u in by_source["links"])
    report = result.report["sources"]  # the run report counts per source
    assert report["feeds"]["feeds/fetched"] == 1
    assert report["feeds"]["output/articles"] == len(by_source["feeds"])
    assert report["sitemaps"]["sitemaps/fetched"] == 1
    assert report["links"]["output/articles"] == 2
    assert result.report["exit_status"] == 0


def test_a_bad_sources_file_fails_the_crawl_with_its_reason(crawl, tmp_path: Path) -> None:
    path = write(tmp_path, '[[source]]\nname = "x"\nsince = "soon"\nfeeds = ["http://h/f"]\n')
    result = crawl("sources", {"file": str(path)})
    assert result.returncode != 0
    assert "source #1 'x': field 'since'" in result.log
