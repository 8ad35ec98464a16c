"""Extraction in worker processes: a page that hangs or kills its worker is counted, logged
and skipped; the worker is replaced (as is one that has done its NEWS_EXTRACT_MAX_TASKS pages)
and every other article is written."""

from __future__ import annotations

import asyncio
import os
from datetime import timedelta
from pathlib import Path

import pytest

from crawler.demo.site import Resource, article_page, build_site, rss_feed
from crawler.demo.stories import make_stories
from crawler.workers import WorkerPool
from tests.conftest import run_crawl, serve


def test_hanging_and_crashing_extractions_lose_nothing_else(tmp_path: Path) -> None:
    site = build_site()
    good = site.stories[:6]
    hang, crash = make_stories(2, seed=41)
    site.resources[hang.path] = Resource(
        article_page(hang).replace("<body", "<!-- HANG-THE-EXTRACTOR --><body").encode(),
        "text/html",
    )
    site.resources[crash.path] = Resource(
        article_page(crash).replace("<body", "<!-- KILL-THE-EXTRACTOR --><body").encode(),
        "text/html",
    )
    feed = rss_feed([good[0], good[1], hang, good[2], crash, *good[3:]], "http://__HOST__")
    site.resources["/bad.xml"] = Resource(feed.encode(), "application/rss+xml")
    served = serve(site, tmp_path / "site")
    try:
        result = run_crawl(
            "feeds",
            {"feeds": f"{served.url}/bad.xml"},
            tmp_path,
            {
                "NEWS_EXTRACT_FUNCTION": "tests.extractors.hang_or_crash",
                "NEWS_EXTRACT_TIMEOUT": "3",
                "NEWS_EXTRACT_WORKERS": "2",
                "NEWS_EXTRACT_MAX_TASKS": "2",  # workers retired and replaced all along
            },
        )
    finally:
        served.process.terminate()
        served.process.wait()
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
    site.resources[hang.path] = Resource(
        article_page(hang).replace("<body", "<!-- HANG-THE-EXTRACTOR --><body").encode(),
        "text/html",
    )
    padding = "<!-- " + "padding " * 250_000 + "-->"
    site.resources[big.path] = Resource(
        article_page(big).replace("<body", padding + "<body").encode(), "text/html"
    )
    feed = rss_feed([hang, big, *good], "http://__HOST__")
    site.resources["/big.xml"] = Resource(feed.encode(), "application/rss+xml")
    served = serve(site, tmp_path / "site")
    try:
        result = run_crawl(
            "feeds",
            {"feeds": f"{served.url}/big.xml"},
            tmp_path,
            {
                "NEWS_EXTRACT_FUNCTION": "tests.extractors.hang_or_crash",
                "NEWS_EXTRACT_TIMEOUT": "3",
                "NEWS_EXTRACT_WORKERS": "1",
                "CONCURRENT_REQUESTS_PER_DOMAIN": "1",
            },
        )
    finally:
        served.process.terminate()
        served.process.wait()
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
