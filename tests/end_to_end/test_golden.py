"""Extraction quality on the golden corpus (tests/golden): scores above their pinned floors,
and the same pages crawled through a feed carry the provenance of each field."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from crawler.demo.site import HOST_PLACEHOLDER, Resource, Site
from tests.conftest import run_crawl, serve
from tests.golden import gate
from tests.golden.build import pull_quote
from tests.golden.stories import STORIES

CASES = Path(gate.__file__).parent / "cases"


def test_extraction_scores_stay_above_their_floors() -> None:
    scores = gate.score()
    summary = scores.summary()
    assert gate.below_floors(summary) == [], scores.failures
    assert summary["text_f1_mean"] >= summary["plain_trafilatura_f1_mean"]


def golden_site() -> tuple[Site, dict[str, dict]]:
    resources, specs, items = {}, {}, []
    for path in sorted(CASES.glob("*.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        page = f"/news/{path.stem}.html"
        resources[page] = Resource(
            path.with_suffix(".html").read_bytes(), "text/html; charset=utf-8"
        )
        specs[page] = spec
        feed = spec["input"]["feed"] or {}
        content = f"<content:encoded>{escape(feed['content'])}</content:encoded>" if feed else ""
        items.append(
            f"<item><title>{path.stem}</title><link>{HOST_PLACEHOLDER}{page}</link>{content}</item>"
        )
    rss = (
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Golden</title>{''.join(items)}</channel></rss>"
    )
    resources["/feed.xml"] = Resource(rss.encode(), "application/rss+xml")
    resources["/robots.txt"] = Resource(b"User-agent: *\nAllow: /\n", "text/plain")
    return Site(resources=resources, stories=[]), specs


def test_golden_pages_crawled_through_a_feed_say_where_each_field_came_from(tmp_path: Path) -> None:
    site, specs = golden_site()
    served = serve(site, tmp_path / "site")
    try:
        result = run_crawl(
            "feeds",
            {"feeds": f"{served.url}/feed.xml"},
            tmp_path,
            {"NEWS_CONTENT_FORMAT": "markdown", "NEWS_DUPLICATES": "mark"},
        )
    finally:
        served.process.terminate()
        served.process.wait()
    assert result.returncode == 0, result.log[-3000:]
    records = result.by_path()
    assert set(records) == set(specs)
    for page, record in records.items():
        expected = specs[page]["expected"]
        variant = page.split("-", 1)[1]
        assert record["title"] == expected["title"], page
        assert gate.same_instant(record["published"], expected["published"]), page
        assert record["content"], page
        provenance = record["provenance"]
        if variant.endswith(("jsonld-full", "jsonld-block-divs")):
            assert provenance["text"] == "jsonld", page
            assert provenance["published"] == "jsonld", page
        elif "feed-full" in variant:
            assert provenance["text"] == "feed", page
        elif "jsonld-wrong" in variant:  # the node of another story is set aside whole
            assert provenance["text"] == "trafilatura", page
            assert "jsonld" not in provenance.values(), page
        elif "teaser" in variant:  # a teaser body is not taken; its headline may be
            assert provenance["text"] == "trafilatura", page
    budget = next(r for p, r in records.items() if "harbour-budget-no-jsonld" in p)
    assert "What the budget contains" in budget["content"]
    assert "\n- 1.1 million for new mooring posts" in budget["content"]
    # the newsletter's box and the author's box at the end of the story's text are not the story
    boxed = [
        p for p in records if "reporter at The" in (CASES / f"{Path(p).stem}.html").read_text()
    ]
    assert boxed
    for page in boxed:
        assert "reporter at The Gazette" not in records[page]["text"], page
        assert "in your inbox" not in records[page]["text"], page
    # a pull quote says again what the story says: once is enough
    quotes = [q for story in STORIES if (q := pull_quote(story))]
    quoted = [(p, q) for p in boxed for q in quotes if q in records[p]["text"]]
    assert quoted
    for page, quote in quoted:
        assert records[page]["text"].count(quote) == 1, page
    # schema.org microdata hidden from readers says the story again (with its dates and the
    # logo's URL): none of it reaches the text
    hidden = [
        p
        for p in records
        if 'itemprop="articleBody"' in (CASES / f"{Path(p).stem}.html").read_text()
    ]
    assert hidden
    for page in hidden:
        text = records[page]["text"]
        assert "logo.png" not in text and "TheGazetteDe" not in text, page
        last = specs[page]["expected"]["text"].split("\n")[-1]
        assert text.count(last) == 1, page
    # a video player's own words inside the story (its dialogs, caption menu, countdown)
    for page, record in records.items():
        for words in ("modal window", "dialog window", "subtitles off", "Next video starts"):
            assert words not in record["text"], page
    # other stories' cards in the story's container (a linked headline, the first lines of
    # the story): none of their teasers reaches the text
    streamed = [
        p for p in records if 'class="stream"' in (CASES / f"{Path(p).stem}.html").read_text()
    ]
    assert streamed
    for page in streamed:
        teasers = [s.body[0][:160] for s in STORIES if s.title != specs[page]["expected"]["title"]]
        assert not any(teaser in records[page]["text"] for teaser in teasers), page
    # an endless page's next story, appended whole after the page's own (and longer): not the
    # page's text
    # a page laid out in tables: the story's paragraphs as paragraphs, none of the frame's
    # menus, most read stories or links below, nor the readers' comments under the story
    framed = [p for p in records if p.endswith("-tables.html")]
    assert framed
    for page in framed:
        text = records[page]["text"]
        assert text == specs[page]["expected"]["text"], page
    endless = [p for p in records if "endless" in p]
    assert endless
    for page in endless:
        expected = specs[page]["expected"]["text"]
        assert records[page]["text"].split("\n")[0] == expected.split("\n")[0], page
        assert len(records[page]["text"]) < 1.2 * len(expected), page
