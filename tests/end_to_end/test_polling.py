"""Adaptive polling over a simulated week: ``scrapy crawl sources`` from "cron" every six hours
(``NEWS_CLOCK`` moves the clock) on a site whose feeds publish hourly, twice a day, every few
days or not at all. Each feed is fetched about as often as it publishes, within the bounds; no
article is found later than one interval after it appears; and the feed requests are far fewer
than fetching every feed every run."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from crawler.demo.site import Resource, Site, article_page, rss_feed
from crawler.demo.stories import Story, make_stories
from tests.conftest import Served, run_crawl, serve

START = datetime(2026, 11, 2, tzinfo=UTC)
WEEK = timedelta(days=7)
CRON = timedelta(hours=6)
LOW, HIGH = timedelta(hours=1), timedelta(days=2)  # NEWS_POLL_MIN_SECONDS, _MAX_SECONDS
# Feed name: hours between two stories (None: silent all week, with an old backlog). Most
# sources of a real list publish a few times a week at most.
RATES: dict[str, float | None] = {
    "wire": 1,
    "city-1": 12, "city-2": 12,
    **{f"column-{n}": 24 * days for n, days in enumerate([2, 2, 3, 3, 4, 4, 7, 7], 1)},
    **{f"archive-{n}": None for n in range(1, 18)},
}  # fmt: skip
SHOWN = 10  # entries a feed lists: its newest


def schedules() -> dict[str, list[datetime]]:
    """Each feed's publication times: ten before the week, then its rate through the week."""
    times: dict[str, list[datetime]] = {}
    for name, hours in RATES.items():
        step = timedelta(hours=hours or 24 * 5)
        history = [START - step * k - timedelta(minutes=7) for k in range(SHOWN, 0, -1)]
        week = [START + step * k for k in range(1, int(WEEK / step) + 1)] if hours else []
        times[name] = history + week
    return times


def stories_by_feed() -> dict[str, list[Story]]:
    """Distinct stories (one draw, so no two are alike), dated by the schedules."""
    plan = schedules()
    pool = iter(make_stories(sum(map(len, plan.values())), seed=11))
    return {
        name: [
            dataclasses.replace(next(pool), slug=f"{name}-{k}", published=moment)
            for k, moment in enumerate(moments)
        ]
        for name, moments in plan.items()
    }


def site_at(now: datetime, stories: dict[str, list[Story]]) -> Site:
    """Every article page, and each feed listing its newest published stories."""
    resources: dict[str, Resource] = {}
    for name, feed_stories in stories.items():
        for story in feed_stories:
            resources[story.path] = Resource(article_page(story).encode(), "text/html")
        shown = [s for s in feed_stories if s.published <= now][-SHOWN:][::-1]
        resources[f"/feeds/{name}.xml"] = Resource(
            rss_feed(shown, "").encode(), "application/rss+xml"
        )
    resources["/robots.txt"] = Resource(b"User-agent: *\nAllow: /\n", "text/plain")
    return Site(resources=resources, stories=[s for v in stories.values() for s in v])


def simulate_week(
    folder: Path, cron: timedelta = CRON, low: timedelta = LOW, high: timedelta = HIGH
) -> dict[str, Any]:
    """``scrapy crawl sources`` every ``cron`` over the simulated week: the runs (simulated
    time, result), the site's requests by path, the stories."""
    from crawler.demo.site import write_site

    stories = stories_by_feed()
    served: Served = serve(site_at(START, stories), folder / "site", "tests.end_to_end.hostile")
    sources = folder / "sources.toml"
    sources.write_text(
        "".join(
            f'[[source]]\nname = "{name}"\nfeeds = ["{served.url}/feeds/{name}.xml"]\n'
            for name in RATES
        ),
        encoding="utf-8",
    )
    runs = []
    try:
        now = START
        while now <= START + WEEK:
            write_site(site_at(now, stories), folder / "site")
            result = run_crawl(
                "sources",
                {"file": str(sources)},
                folder,
                settings={
                    "NEWS_POLL": "adaptive",
                    "NEWS_CLOCK": now.isoformat(),
                    "NEWS_POLL_MIN_SECONDS": str(low.total_seconds()),
                    "NEWS_POLL_MAX_SECONDS": str(high.total_seconds()),
                    "NEWS_PROGRESS": "off",
                },
                measured=False,
            )
            assert result.report.get("exit_status") == 0, result.log[-2000:]
            runs.append((now, result))
            now += cron
    finally:
        served.process.terminate()
        served.process.wait()
    log = (folder / "site" / "requests.log").read_text(encoding="utf-8").splitlines()
    requests = Counter(line.split(" ", 1)[1] for line in log)
    return {"runs": runs, "requests": requests, "stories": stories}


@pytest.fixture(scope="module")
def week(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return simulate_week(tmp_path_factory.mktemp("polling"))


def feed_fetches(week: dict[str, Any]) -> Counter[str]:
    return Counter(
        {name: week["requests"][f"/feeds/{name}.xml"] for name in RATES},
    )


def test_each_feed_is_fetched_about_as_often_as_it_publishes(week: dict[str, Any]) -> None:
    fetched = feed_fetches(week)
    runs = len(week["runs"])
    assert fetched["wire"] == runs  # hourly: due at every run (the cron is the bound)
    assert runs / 4 <= fetched["city-1"] <= runs / 2 + 1  # twice a day: every 12 h or so
    for name, hours in RATES.items():
        if hours is None or hours >= 48:  # quiet: backs off to the two-day bound, not beyond
            assert 4 <= fetched[name] <= 4 + 3, (name, fetched[name])


def test_feed_requests_are_at_least_five_times_fewer_than_polling_all(
    week: dict[str, Any],
) -> None:
    every_run = len(week["runs"]) * len(RATES)
    assert sum(feed_fetches(week).values()) * 5 <= every_run


def test_no_article_is_found_later_than_one_interval_after_it_appears(
    week: dict[str, Any],
) -> None:
    published = {s.path: s.published for v in week["stories"].values() for s in v}
    interval: dict[str, float] = {}  # each feed's interval in force, from the run reports
    for now, result in week["runs"]:
        for item in result.items:
            path = item["url"].split("/", 3)[3]
            lag = (now - published["/" + path]).total_seconds()
            feed = item["source"]["name"]
            if published["/" + path] >= START:
                assert lag <= interval[feed] + CRON.total_seconds(), (path, lag)
        for url, poll in result.report["polling"].items():
            interval[url.rsplit("/", 1)[1].removesuffix(".xml")] = poll["interval"]
    assert all(HIGH.total_seconds() >= i >= LOW.total_seconds() for i in interval.values())
    # every story published early enough was found (fetched: two of the generated stories
    # are near duplicates of others, dropped after the fetch)
    due_by_the_end = START + WEEK - HIGH - CRON
    early = {path for path, moment in published.items() if START <= moment <= due_by_the_end}
    assert early and early <= set(week["requests"])


def test_the_run_report_lists_the_feeds_not_due(week: dict[str, Any]) -> None:
    _, last = week["runs"][-1]
    not_due = {u for u, p in last.report["polling"].items() if p["outcome"] == "not_due"}
    assert last.stats["feeds/not_due"] == len(not_due) > 0
    assert all(json.dumps(p) for p in last.report["polling"].values())


def test_a_feed_whose_articles_never_arrive_backs_off(tmp_path: Path) -> None:
    # Its pages are gone (404): never written, so never known to the state. Only entries dated
    # after the last fetch make a fetch "new"; unknown ones alone would keep it new for good.
    from crawler.demo.site import write_site

    stories = [
        dataclasses.replace(story, slug=f"gone-{k}", published=START - timedelta(hours=k))
        for k, story in enumerate(make_stories(6, seed=3), 1)
    ]

    def listing(shown: list[Story]) -> Site:  # the feed changes: no 304
        feed = Resource(rss_feed(shown, "").encode(), "application/rss+xml")
        return Site(resources={"/feeds/gone.xml": feed}, stories=[])

    served: Served = serve(listing(stories[:5]), tmp_path / "site", "tests.end_to_end.hostile")
    polls = []
    try:
        for hours in (0, 2):
            if hours:
                write_site(listing(stories), tmp_path / "site")  # one more, backdated
            result = run_crawl(
                "feeds",
                {"feeds": f"{served.url}/feeds/gone.xml"},
                tmp_path,
                settings={
                    "NEWS_POLL": "adaptive",
                    "NEWS_CLOCK": (START + timedelta(hours=hours)).isoformat(),
                    "NEWS_POLL_MIN_SECONDS": str(LOW.total_seconds()),
                    "NEWS_PROGRESS": "off",
                },
                measured=False,
            )
            (poll,) = result.report["polling"].values()
            polls.append(poll)
    finally:
        served.process.terminate()
        served.process.wait()
    assert result.stats.get("feeds/fetched") == 1  # read, not a 304
    assert [poll["outcome"] for poll in polls] == ["new", "nothing"]
    assert polls[1]["interval"] == 1.5 * polls[0]["interval"]
