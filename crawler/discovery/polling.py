"""Adaptive polling: each feed and sitemap fetched about as often as it publishes.

A feed or sitemap is due ``interval`` seconds after it was last fetched. After each fetch the
interval is set again, within ``NEWS_POLL_MIN_SECONDS`` and ``NEWS_POLL_MAX_SECONDS``:

- it listed something new (an entry whose URL the state has not seen): the mean gap between
  its ten newest dated entries, which is how often it publishes (undated: half the interval);
- nothing new (or a 304): one and a half times the interval, so that a quiet feed backs off;
- it failed: twice the interval.

So a new article is found at most one interval (plus the cron period) after it appears, and
a feed that publishes once a day is fetched about once a day, however often cron runs. This is
the multiplicative scheme of Common Crawl's news crawler (news-crawl's adaptive fetch
schedule), started from the feed's own publication dates rather than from a fixed guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from scrapy.settings import BaseSettings

from crawler.utils.dates import parse_date

Outcome = Literal["new", "nothing", "error"]
# request meta key: a due feed's or sitemap's URL and previous poll (None the first time), so
# that whichever worker reads the response, after any redirect, records the poll under its URL
POLL = "news_poll"
RECENT_ENTRIES = 10  # the newest entries whose dates measure how often a feed publishes
BACK_OFF = 1.5  # the interval grows this much after a fetch with nothing new
ERROR_BACK_OFF = 2.0  # and this much after a failure


@dataclass(frozen=True)
class Poll:
    """When a feed or sitemap was last fetched (Unix seconds) and how long until it is due."""

    fetched: float
    interval: float

    @property
    def due_at(self) -> float:
        return self.fetched + self.interval


def next_interval(
    previous: Poll | None,
    outcome: Outcome,
    dates: list[str],
    low: float,
    high: float,
) -> float:
    """The interval after a fetch with ``outcome``, given its entries' dates (ISO 8601)."""
    current = previous.interval if previous is not None else low
    if outcome == "error":
        wanted = current * ERROR_BACK_OFF
    elif outcome == "nothing":
        wanted = current * BACK_OFF
    else:
        wanted = publication_gap(dates) or current / 2
    return min(max(wanted, low), high)


def publication_gap(dates: list[str]) -> float | None:
    """The mean time between a feed's newest entries, in seconds; None with fewer than two."""
    parsed = sorted(
        (moment.timestamp() for d in dates if (moment := parse_date(d)) is not None),
        reverse=True,
    )[:RECENT_ENTRIES]
    if len(parsed) < 2 or parsed[0] == parsed[-1]:
        return None
    return (parsed[0] - parsed[-1]) / (len(parsed) - 1)


def clock(settings: BaseSettings) -> float:
    """Now, in Unix seconds: ``NEWS_CLOCK`` (an ISO time, for tests and replays) or the real
    time."""
    fixed = settings.get("NEWS_CLOCK")
    if fixed:
        moment = parse_date(str(fixed))
        if moment is None:
            raise ValueError(f"NEWS_CLOCK is not an ISO time: {fixed!r}")
        return moment.timestamp()
    return datetime.now(UTC).timestamp()
