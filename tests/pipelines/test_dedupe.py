"""One story, one record: URL keys, exact and near duplicates, across sources and runs."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.demo.duplicates import build_corpus, detect, evaluate, sample_originals
from crawler.demo.site import build_site
from crawler.neardup import MemorySketches, NearDuplicates, sketch
from crawler.state.sqlite import SqliteStateStore
from crawler.utils.urls import url_key
from tests.conftest import Served, run_crawl, serve


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("https://www.example.com/a/b.html", "http://example.com/a/b.html"),
        ("https://example.com/a?utm_source=x&utm_medium=y", "https://example.com/a"),
        ("https://example.com/a?fbclid=1&gclid=2#rssom", "https://example.com/a"),
        ("https://EXAMPLE.com:443/a/", "https://example.com/a"),
        ("https://m.example.com/a", "https://example.com/a"),
        ("https://example.com/a/amp/", "https://example.com/a"),
        ("https://amp.example.com/a.amp.html", "https://example.com/a.html"),
        ("https://example.com/a?amp=1", "https://example.com/a"),
        ("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
    ],
)
def test_spellings_of_one_url_share_a_key(first: str, second: str) -> None:
    assert url_key(first) == url_key(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("https://example.com/article?id=123", "https://example.com/article?id=124"),
        ("https://example.com/?p=45", "https://example.com/?p=46"),
        ("https://example.com/a", "https://example.org/a"),
        ("https://example.com/camp", "https://example.com/c"),
        ("https://example.com:8080/a", "https://example.com/a"),
    ],
)
def test_different_articles_keep_different_keys(first: str, second: str) -> None:
    assert url_key(first) != url_key(second)


@pytest.mark.parametrize("stored", [True, False], ids=["state store", "run without state"])
def test_the_labelled_corpus_is_deduplicated_precisely(tmp_path: Path, stored: bool) -> None:
    docs = build_corpus(sample_originals(20), sample_originals(40, seed=99))
    store = SqliteStateStore(tmp_path / "state.sqlite3") if stored else MemorySketches()
    score = evaluate(docs, detect(docs, store))
    assert score.precision >= 0.99, score.false_merges
    assert score.recall >= 0.95, score.missed
    assert score.lost_clusters == []
    kinds = {d.kind for d in docs}
    assert {"negative:follow-up", "negative:disclaimer", "negative:template-report"} <= kinds


@pytest.fixture
def wire_site(tmp_path: Path) -> Iterator[Served]:
    served = serve(build_site(syndicated=True), tmp_path / "site")
    yield served
    served.process.terminate()
    served.process.wait()


def story_of(path: str) -> str:
    return path.rsplit("/", 1)[-1]  # a wire copy keeps its story's file name


def test_a_wire_copy_in_the_same_run_is_dropped_as_near_duplicate(
    wire_site: Served, tmp_path: Path
) -> None:
    feeds = f"{wire_site.url}/feed.xml,{wire_site.url}/wire.xml"
    result = run_crawl("feeds", {"feeds": feeds}, tmp_path)
    assert result.returncode == 0, result.log[-2000:]
    copies = wire_site.site.feeds["/wire.xml"]
    assert result.stats["duplicates/near"] == len(copies)
    stories = [story_of(p) for p in result.paths()]
    assert len(stories) == len(set(stories))  # every story once, original or copy
    assert result.report["sources"]["feeds"]["duplicates/near"] == len(copies)


def test_a_copy_in_a_later_run_is_caught_through_the_state_store(
    wire_site: Served, tmp_path: Path
) -> None:
    first = run_crawl("feeds", {"feeds": f"{wire_site.url}/feed.xml"}, tmp_path)
    assert first.returncode == 0
    second = run_crawl("feeds", {"feeds": f"{wire_site.url}/wire.xml"}, tmp_path)
    assert second.returncode == 0
    assert second.stats["duplicates/near"] == len(wire_site.site.feeds["/wire.xml"])
    assert second.stats.get("output/articles", 0) == 0


def test_mark_policy_keeps_copies_with_the_id_of_the_original(
    wire_site: Served, tmp_path: Path
) -> None:
    first = run_crawl("feeds", {"feeds": f"{wire_site.url}/feed.xml"}, tmp_path)
    ids = {story_of(i["url"]): i["id"] for i in first.items}
    second = run_crawl(
        "feeds", {"feeds": f"{wire_site.url}/wire.xml"}, tmp_path, {"NEWS_DUPLICATES": "mark"}
    )
    written = [i for i in second.items if "/wire/" in i["url"]]
    assert len(written) == len(wire_site.site.feeds["/wire.xml"])
    for item in written:
        assert item["duplicate_of"] == ids[story_of(item["url"])]
    assert all(i["duplicate_of"] is None for i in first.items)


def template_report(number: int, rng: random.Random) -> str:
    """A short report from a small vocabulary, as archives of results and weather hold by the
    thousand: every one shares most of its three-word runs with every other."""
    words = ["rain", "wind", "sun", "cloud", "north", "south", "light", "heavy", "later", "today"]
    body = " ".join(rng.choice(words) for _ in range(50))
    return f"Report {number} for the coast\nThe outlook for the region: {body}"


@pytest.fixture
def template_texts() -> list[str]:
    rng = random.Random(5)
    return [template_report(n, rng) for n in range(3000)]


def test_near_duplicate_search_verifies_a_bounded_number_of_candidates(
    tmp_path: Path, template_texts: list[str]
) -> None:
    store = SqliteStateStore(tmp_path / "state.sqlite3")
    near = NearDuplicates(store, batch=500, candidates=8, bucket_size=32)
    for number, text in enumerate(template_texts):
        near.add(sketch(text), f"r{number}")
    near.flush()
    probe = template_texts[1234].replace("outlook", "forecast")  # an edited copy
    found = sketch(probe)
    assert sum(1 for _ in near.candidates(found.bands)) <= 8
    before = near.verified
    match = near.find(found, "new", probe)
    assert near.verified - before <= 8
    assert match is not None and match[0] == "r1234"  # the copy still ranks first


def test_band_buckets_stop_growing_at_their_size(tmp_path: Path, template_texts: list[str]) -> None:
    store = SqliteStateStore(tmp_path / "state.sqlite3")
    near = NearDuplicates(store, batch=100, bucket_size=32)
    for number, text in enumerate(template_texts[:1000]):
        near.add(sketch(text), f"r{number}")
    near.flush()
    largest = store.db.execute(
        "SELECT max(n) FROM (SELECT count(*) AS n FROM bands GROUP BY band_key)"
    ).fetchone()[0]
    assert largest == 32


def test_pending_sketches_obey_the_same_bound(template_texts: list[str]) -> None:
    store = SqliteStateStore(Path(":memory:"))
    near = NearDuplicates(store, batch=10_000, candidates=8, bucket_size=32)
    for number, text in enumerate(template_texts[:2000]):
        near.add(sketch(text), f"r{number}")
    assert near.pending and max(len(b) for b in near.pending_bands.values()) == 32
    assert len(near.candidates(sketch(template_texts[7]).bands)) <= 8


def test_a_run_without_state_finds_what_a_state_store_finds(
    tmp_path: Path, template_texts: list[str]
) -> None:
    texts = template_texts[:600] + [t.replace("outlook", "forecast") for t in template_texts[:60]]
    found = []
    for store in (SqliteStateStore(tmp_path / "state.sqlite3"), MemorySketches()):
        near = NearDuplicates(store, batch=50, candidates=8, bucket_size=32)
        matches = []
        for number, text in enumerate(texts):
            sketched = sketch(text)
            matches.append(near.find(sketched, f"r{number}", text))
            near.add(sketched, f"r{number}")
        found.append(matches)
    assert found[0] == found[1]
    assert sum(match is not None for match in found[1]) >= 60


@pytest.mark.parametrize("bucket_size", [0, 1, 2, 3])
def test_a_run_without_state_keeps_at_most_bucket_size_articles_a_band(bucket_size: int) -> None:
    store = MemorySketches()
    store.add_sketches([(f"r{n}", b"", "", "", [7, 100 + n]) for n in range(5)], bucket_size)
    ranked = store.near_candidates([7], limit=10)
    assert [candidate[0] for candidate in ranked] == [f"r{n}" for n in range(bucket_size)]
    expected = ["r3"] if bucket_size else []
    assert [c[0] for c in store.near_candidates([7, 103], limit=10)][-1:] == expected


def test_an_article_dropped_after_its_claim_gives_the_claim_back(
    wire_site: Served, tmp_path: Path
) -> None:
    """The article limit drops articles that the duplicate check had already claimed: their
    claims go back, so that another worker of a fleet may write its copy."""
    result = run_crawl(
        "feeds", {"feeds": f"{wire_site.url}/feed.xml", "max_articles": "1"}, tmp_path
    )
    assert result.returncode == 0, result.log[-2000:]
    assert result.stats["articles/over_limit"] > 0
    assert result.stats["duplicates/released"] == result.stats["articles/over_limit"]
