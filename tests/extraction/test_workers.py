"""Extraction in worker processes: a page that hangs or kills its worker is counted, logged
and skipped; the worker is replaced (as is one that has done its NEWS_EXTRACT_MAX_TASKS pages)
and every other article is written."""

from __future__ import annotations

import asyncio
import os
from datetime import timedelta
from pathlib import Path

import pytest

from crawler.demo.site import Resource, Site, article_page, build_site, rss_feed
from crawler.demo.stories import Story, make_stories
from crawler.extraction.workers import WorkerPool
from tests.conftest import CrawlResult, run_crawl, serve


def test_hanging_and_crashing_extractions_lose_nothing_else(tmp_path: Path) -> None:
    site = build_site()
    good = site.stories[:6]
    hang, crash = make_stories(2, seed=41)
    marked(site, hang, "HANG-THE-EXTRACTOR")
    marked(site, crash, "KILL-THE-EXTRACTOR")
    result = crawl_feed(
        site,
        [good[0], good[1], hang, good[2], crash, *good[3:]],
        tmp_path,
        {
            "NEWS_EXTRACT_WORKERS": "2",
            "NEWS_EXTRACT_MAX_TASKS": "3",  # workers retired and replaced all along
        },
    )
    assert result.returncode == 0, result.log[-3000:]
    assert sorted(result.paths()) == sorted(s.path for s in good)
    assert result.stats["extraction/timeout"] == 1
    assert result.stats["extraction/worker_died"] == 1
    assert "Extraction timeout on" in result.log and "Extraction worker died on" in result.log


def test_extraction_in_the_crawl_process_gives_the_same_articles(tmp_path: Path, news_site) -> None:
    feeds = f"{news_site.url}/feed.json"
    inline = run_crawl(
        "feeds", {"feeds": feeds}, tmp_path / "inline", {"NEWS_EXTRACT_WORKERS": "0"}
    )
    pooled = run_crawl(
        "feeds", {"feeds": feeds}, tmp_path / "pooled", {"NEWS_EXTRACT_WORKERS": "2"}
    )
    assert "Extracting in 2 worker processes" in pooled.log
    strip = lambda items: sorted((i["url"], i["text"], i["title"]) for i in items)  # noqa: E731
    assert strip(inline.items) == strip(pooled.items) != []


def test_a_page_too_big_to_wait_in_a_pipe_goes_only_to_an_idle_worker(tmp_path: Path) -> None:
    # One worker, hung on a page: the 2 MB page behind it cannot wait in the worker's pipe
    # (1 MiB) without blocking the reactor until the timeout that would free it, so it waits
    # in the crawl process and goes to the worker that replaces the hung one.
    site = build_site()
    good = site.stories[:3]
    hang, big = make_stories(2, seed=43)
    oldest = min(story.published for story in good)
    hang.published, big.published = oldest - timedelta(hours=2), oldest - timedelta(hours=1)
    marked(site, hang, "HANG-THE-EXTRACTOR")
    marked(site, big, "padding " * 250_000)
    result = crawl_feed(
        site,
        [hang, big, *good],
        tmp_path,
        {"NEWS_EXTRACT_WORKERS": "1", "CONCURRENT_REQUESTS_PER_DOMAIN": "1"},
    )
    assert result.returncode == 0, result.log[-3000:]
    assert sorted(result.paths()) == sorted(s.path for s in [big, *good])
    assert result.stats["extraction/timeout"] == 1


@pytest.mark.skipif(not hasattr(os, "SCHED_BATCH"), reason="Linux scheduling policy")
def test_workers_run_as_batch_work_and_answer_in_order() -> None:
    # SCHED_BATCH: the crawl process, woken by the network, does not cut into extractions.
    async def ask() -> list[object]:
        pool = WorkerPool(2, timeout=30)
        try:
            return await asyncio.gather(
                pool.run("os.sched_getscheduler", 0), *(pool.run("math.sqrt", n) for n in (4, 9))
            )
        finally:
            pool.close()

    assert asyncio.run(ask()) == [os.SCHED_BATCH, 2.0, 3.0]


def marked(site: Site, story: Story, mark: str) -> None:
    """The story's page with ``mark`` in a comment before its body (tests.extractors reads
    HANG-THE-EXTRACTOR and KILL-THE-EXTRACTOR)."""
    page = article_page(story).replace("<body", f"<!-- {mark} --><body")
    site.resources[story.path] = Resource(page.encode(), "text/html")


def crawl_feed(
    site: Site, stories: list[Story], workdir: Path, settings: dict[str, str]
) -> CrawlResult:
    """``scrapy crawl feeds`` of a feed of ``stories``, extracting with tests.extractors."""
    feed = rss_feed(stories, "http://__HOST__")
    site.resources["/marked.xml"] = Resource(feed.encode(), "application/rss+xml")
    served = serve(site, workdir / "site")
    try:
        return run_crawl(
            "feeds",
            {"feeds": f"{served.url}/marked.xml"},
            workdir,
            {
                "NEWS_EXTRACT_FUNCTION": "tests.extractors.hang_or_crash",
                "NEWS_EXTRACT_TIMEOUT": "5",  # a replacement worker's start, on a busy machine
                **settings,
            },
        )
    finally:
        served.process.terminate()
        served.process.wait()
