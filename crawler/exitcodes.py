"""Exit statuses of ``scrapy crawl`` in this project (``crawler.commands.crawl``).

Cron and monitoring read them: 0 is success, even when nothing was new.
"""

from __future__ import annotations

from typing import Any

OK = 0
FAILED = 1  # an unexpected error; see the log
BAD_ARGUMENTS = (
    2  # a spider argument, setting or the sources file is invalid (Scrapy's UsageError too)
)
ALREADY_RUNNING = 3  # another run holds the lock of this state store; nothing was touched
STATE_UNUSABLE = 4  # the state store cannot be opened or written
OUTPUT_UNWRITABLE = 5  # the output file cannot be created or written (e.g. disk full)
ALL_SOURCES_FAILED = 6  # no feed, sitemap or home page could be read
INTERRUPTED = 7  # stopped by Ctrl-C or SIGTERM; everything written so far is kept
ALL_SOURCES_REFUSED = 8  # every feed, sitemap or home page that failed was refused (blocked/*)
REDIS_UNAVAILABLE = 9  # distributed: Redis unreachable for NEWS_REDIS_OUTAGE_SECONDS; rerun

STATS_KEY = "news/exit_status"  # components set it when they know the run failed

# Counters of discovery that worked, and of discovery that failed.
_SOURCES_OK = ("feeds/fetched", "feeds/not_modified", "sitemaps/fetched", "sitemaps/not_modified",
               "site/listings", "site/articles")  # fmt: skip
_SOURCES_FAILED = ("feeds/failed", "feeds/invalid", "sitemaps/failed", "sitemaps/invalid",
                   "site/failed")  # fmt: skip


def from_stats(stats: dict[str, Any], reason: str | None) -> int:
    """The exit status a run that started has earned, from its stats and finish reason."""
    if stats.get(STATS_KEY):
        return int(stats[STATS_KEY])
    if reason == "shutdown":
        return INTERRUPTED
    if reason not in ("finished", "max_articles"):
        return FAILED
    if any(stats.get(k) for k in _SOURCES_FAILED) and not any(stats.get(k) for k in _SOURCES_OK):
        failed = sum(stats.get(k, 0) for k in _SOURCES_FAILED)
        refused = sum(stats.get(f"{k}/blocked", 0) for k in _SOURCES_FAILED)
        return ALL_SOURCES_REFUSED if refused == failed else ALL_SOURCES_FAILED
    return OK
