"""Reading feeds: every format, relative links, metadata, and feeds that are not well-formed."""

from __future__ import annotations

from crawler.discovery.feeds import parse_feed

BASE = "http://127.0.0.1:8000/news/feed.xml"


def test_rss2_entries_keep_title_date_authors_summary_and_tags() -> None:
    feed = parse_feed(
        b"""<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>T</title><item><title>Harbour &amp; city</title><link>story.html</link>
        <pubDate>Tue, 24 Nov 2026 10:00:00 +0100</pubDate><dc:creator>Jane Roe</dc:creator>
        <category>Politics</category><description>The lead.</description></item></channel></rss>""",
        BASE,
    )
    [entry] = feed.entries
    assert entry.url == "http://127.0.0.1:8000/news/story.html"
    assert entry.title == "Harbour & city"
    assert entry.published == "2026-11-24T09:00:00+00:00"
    assert entry.authors == ["Jane Roe"]
    assert entry.tags == ["Politics"]
    assert entry.summary == "The lead."


def test_rss_091_and_rdf_are_read() -> None:
    rss091 = b"""<rss version="0.91"><channel><title>x</title>
        <item><title>Old</title><link>http://127.0.0.1:8000/old.html</link></item></channel></rss>"""
    rdf = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="http://127.0.0.1:8000/"><title>x</title></channel>
        <item rdf:about="http://127.0.0.1:8000/rdf.html"><title>RDF item</title>
        <link>http://127.0.0.1:8000/rdf.html</link><dc:date>2026-11-20T08:00:00Z</dc:date>
        <dc:creator>Ann Lee</dc:creator></item></rdf:RDF>"""
    assert [e.url for e in parse_feed(rss091, BASE).entries] == ["http://127.0.0.1:8000/old.html"]
    [entry] = parse_feed(rdf, BASE).entries
    assert (entry.title, entry.published, entry.authors) == (
        "RDF item",
        "2026-11-20T08:00:00+00:00",
        ["Ann Lee"],
    )


def test_atom_links_resolve_against_xml_base() -> None:
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://127.0.0.1:8000/blog/">
        <title>x</title><entry><title>A</title><link rel="alternate" href="2026/a.html"/>
        <link rel="enclosure" href="a.mp3"/><id>urn:a</id><updated>2026-11-20T08:00:00+02:00</updated>
        <author><name>Kim</name></author><author><name>Lee</name></author></entry></feed>"""
    [entry] = parse_feed(atom, BASE).entries
    assert entry.url == "http://127.0.0.1:8000/blog/2026/a.html"
    assert entry.authors == ["Kim", "Lee"]
    assert entry.published == "2026-11-20T06:00:00+00:00"


def test_json_feed_versions_1_and_1_1() -> None:
    v1 = b"""{"version": "https://jsonfeed.org/version/1", "title": "x", "items": [
        {"id": "1", "url": "a.html", "title": "One", "author": {"name": "Ann"},
         "date_published": "2026-11-20T08:00:00-05:00", "tags": ["x", "y"]}]}"""
    v11 = b"""{"version": "https://jsonfeed.org/version/1.1", "items": [
        {"id": "http://127.0.0.1:8000/b.html", "authors": [{"name": "Bo"}]}]}"""
    [one] = parse_feed(v1, BASE, "application/feed+json").entries
    assert (one.url, one.authors, one.tags) == (
        "http://127.0.0.1:8000/news/a.html",
        ["Ann"],
        ["x", "y"],
    )
    assert one.published == "2026-11-20T08:00:00-05:00"
    [two] = parse_feed(v11, BASE).entries
    assert (two.url, two.authors) == ("http://127.0.0.1:8000/b.html", ["Bo"])


def test_a_feed_that_is_not_well_formed_still_yields_its_entries() -> None:
    broken = b"""<rss version="2.0"><channel><title>Broken &nbsp; feed</title>
        <item><title>Good one</title><link>/good.html</link></item>
        <item><title>Unclosed <b>tag</title><link>/second.html</link></item>
        <item><title>\x0bIllegal char</title><link>/third.html</link>"""
    feed = parse_feed(broken, BASE)
    assert feed.malformed
    assert [e.url for e in feed.entries] == [
        "http://127.0.0.1:8000/good.html",
        "http://127.0.0.1:8000/second.html",
        "http://127.0.0.1:8000/third.html",
    ]


def test_links_that_are_not_http_are_skipped() -> None:
    feed = parse_feed(
        b"""<rss version="2.0"><channel>
        <item><link>javascript:alert(1)</link></item><item><link>mailto:a@b.example</link></item>
        <item><link>data:text/html,hi</link></item><item><link>http://[bad</link></item>
        <item><link>/fine.html</link></item></channel></rss>""",
        BASE,
    )
    assert [e.url for e in feed.entries] == ["http://127.0.0.1:8000/fine.html"]


def test_an_impossible_date_is_dropped_not_fatal() -> None:
    feed = parse_feed(
        b"""<rss version="2.0"><channel><item><link>/a.html</link>
        <pubDate>Mon, 45 Foo 2026 99:99:99 +0000</pubDate></item></channel></rss>""",
        BASE,
    )
    assert feed.entries[0].published is None


def test_html_and_garbage_are_reported_as_problems() -> None:
    assert parse_feed(b"<html><body><p>Not a feed</p></body></html>", BASE).problem
    assert parse_feed(b"{not json", BASE, "application/json").problem
    assert parse_feed(b'{"items": 3}', BASE).problem
