"""A line that a site prints under every story leaves the text once the site is known, in the
run and in the next scheduled runs (the memory is in the state file); the stories keep every
line of their own."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

import pytest

from crawler.demo.site import Resource, Site, article_page, rss_feed, write_site
from crawler.demo.stories import Story, make_stories
from tests.conftest import CrawlResult, Served, run_crawl, serve

# What the site's template adds to the end of every story, inside the story's element, where
# trafilatura keeps it: prose, no link, nothing the boilerplate rules know.
NOTE = (
    "The Harbour Gazette follows the Editors' Code of Practice and is regulated by the "
    "independent press standards body; to report an error, write to the readers' editor."
)
BODY_END = '</div>\n<footer class="story-footer">'
FIRST_RUN, SECOND_RUN = 16, 20  # stories published by each run's time


def site_of(stories: list[Story]) -> Site:
    resources = {
        story.path: Resource(
            article_page(story).replace(BODY_END, f"<p>{NOTE}</p>{BODY_END}").encode(),
            "text/html; charset=utf-8",
        )
        for story in stories
    }
    resources["/feed.xml"] = Resource(rss_feed(stories, "").encode(), "application/rss+xml")
    resources["/robots.txt"] = Resource(b"User-agent: *\nAllow: /\n", "text/plain")
    return Site(resources=resources, stories=stories)


@dataclass
class Runs:
    stories: dict[str, Story]
    first: CrawlResult
    second: CrawlResult


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runs]:
    workdir = tmp_path_factory.mktemp("repeats")
    stories = make_stories(SECOND_RUN)
    served: Served = serve(site_of(stories[SECOND_RUN - FIRST_RUN :]), workdir / "site")
    try:
        feeds = {"feeds": f"{served.url}/feed.xml"}
        first = run_crawl("feeds", feeds, workdir, {"CONCURRENT_REQUESTS": "1"})
        time.sleep(0.01)  # a new mtime for _routes.json: the server reloads the site
        # and a copy of a story of the first run under another URL: the same text as extracted
        write_site(site_of([*stories, replace(stories[-1], section="wire")]), workdir / "site")
        second = run_crawl("feeds", feeds, workdir, {"NEWS_CONTENT_FORMAT": "markdown"})
    finally:
        served.process.terminate()
        served.process.wait()
    yield Runs({story.path: story for story in stories}, first, second)


def carry_the_note(result: CrawlResult) -> list[bool]:
    return [NOTE in item["text"] for item in result.items]


def test_the_first_articles_of_a_site_keep_the_line_and_later_ones_lose_it(runs: Runs) -> None:
    first = runs.first
    assert first.returncode == 0, first.log[-3000:]
    assert len(first.items) == FIRST_RUN
    carried = carry_the_note(first)
    assert sum(carried) >= 4  # nothing to compare the first ones with
    assert not all(carried)
    assert first.stats["repeats/lines_removed"] == carried.count(False)
    assert first.stats["repeats/articles_cleaned"] == carried.count(False)


def test_a_story_keeps_every_line_of_its_own(runs: Runs) -> None:
    for item in [*runs.first.items, *runs.second.items]:
        story = runs.stories[urlsplit(item["url"]).path]
        for paragraph in story.paragraphs:
            assert paragraph in item["text"], (item["url"], paragraph)


def test_the_next_scheduled_run_knows_the_site_from_the_state_file(runs: Runs) -> None:
    second = runs.second
    assert second.returncode == 0, second.log[-3000:]
    assert len(second.items) == SECOND_RUN - FIRST_RUN  # only the new stories
    assert second.stats["duplicates/exact"] == 1  # known by its text as extracted, note and all
    assert not any(carry_the_note(second))
    assert not any(NOTE in item["content"] for item in second.items)  # nor its Markdown copy
    assert second.stats["repeats/articles_cleaned"] == SECOND_RUN - FIRST_RUN
