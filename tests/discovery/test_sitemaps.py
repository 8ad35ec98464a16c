"""Reading sitemaps, indexes, Google News fields and robots.txt; bad input degrades to a reason."""

from __future__ import annotations

import gzip

import pytest

from crawler.discovery.sitemaps import parse_sitemap, robots_sitemaps, ungzip

BASE = "http://127.0.0.1:8000/sitemap.xml"


def test_a_google_news_sitemap_keeps_its_news_fields() -> None:
    sitemap = parse_sitemap(
        """<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>
        <loc>http://127.0.0.1:8000/a.html</loc><news:news><news:publication>
        <news:name>Gazette</news:name><news:language>de-AT</news:language></news:publication>
        <news:publication_date>2026-11-20T09:30:00+01:00</news:publication_date>
        <news:title>Fähre</news:title><news:keywords>Hafen, Verkehr</news:keywords>
        </news:news></url></urlset>""".encode(),
        BASE,
    )
    [entry] = sitemap.entries
    assert entry.hints() == {
        "title": "Fähre",
        "published": "2026-11-20T09:30:00+01:00",
        "language": "de",
        "tags": ["Hafen", "Verkehr"],
    }


def test_an_index_lists_its_children_with_dates() -> None:
    sitemap = parse_sitemap(
        b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>/s1.xml.gz</loc><lastmod>2026-11-01</lastmod></sitemap>
        <sitemap><loc>mailto:x@y.example</loc></sitemap></sitemapindex>""",
        BASE,
    )
    assert sitemap.children == [("http://127.0.0.1:8000/s1.xml.gz", "2026-11-01")]


def test_broken_xml_yields_what_it_can() -> None:
    sitemap = parse_sitemap(
        b"""<urlset><url><loc>http://127.0.0.1:8000/a.html</loc></url>
        <url><loc>http://127.0.0.1:8000/b.html &nbsp;</loc><lastmod>not a date</lastmod></url>""",
        BASE,
    )
    assert [e.url for e in sitemap.entries][:1] == ["http://127.0.0.1:8000/a.html"]
    assert all(e.lastmod is None for e in sitemap.entries)


@pytest.mark.parametrize("body", [b"", b"<html><body>hi</body></html>", b"\x00\xff garbage"])
def test_what_is_not_a_sitemap_has_a_reason(body: bytes) -> None:
    assert parse_sitemap(body, BASE).problem


def test_gzip_is_unpacked_within_a_size_limit() -> None:
    data = b"<urlset/>" * 10
    assert ungzip(gzip.compress(data), 1000) == data
    assert ungzip(data, 1000) == data  # already unpacked in transit
    with pytest.raises(ValueError, match="more than"):
        ungzip(gzip.compress(b"x" * 100_000), 1000)
    with pytest.raises(ValueError, match="corrupt"):
        ungzip(b"\x1f\x8b" + b"\x00" * 20, 1000)


def test_robots_txt_sitemap_lines_in_any_case() -> None:
    robots = (
        b"User-agent: *\nDisallow: /x/\nSITEMAP: /news.xml\nsitemap:http://127.0.0.1:8000/b.xml\n"
    )
    assert robots_sitemaps(robots, "http://127.0.0.1:8000/robots.txt") == [
        "http://127.0.0.1:8000/news.xml",
        "http://127.0.0.1:8000/b.xml",
    ]
