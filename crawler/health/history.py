"""Run reports read back: per source, per host and per day, over a time window.

Reports of every version load: a field a report lacks counts as zero or unknown (``clock`` is
newer than ``started``; ``polling`` newer than ``sources``).
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from crawler.utils.dates import parse_date

logger = logging.getLogger(__name__)

FAILURES = ("feeds/failed", "sitemaps/failed", "feeds/invalid", "sitemaps/invalid",
            "articles/failed", "site/failed")  # fmt: skip
DUPLICATES = ("duplicates/url", "duplicates/exact", "duplicates/near")


@dataclass
class Run:
    """One run, as its report tells it."""

    path: Path
    at: datetime
    spider: str
    exit_status: int
    sources: dict[str, dict[str, int]]
    refused: dict[str, dict[str, dict[str, Any]]]
    polling: dict[str, dict[str, Any]]
    stats: dict[str, Any]


@dataclass
class SourceHistory:
    """One source over the window."""

    name: str
    runs: int = 0
    articles: int = 0
    duplicates: int = 0
    no_article: int = 0
    failures: int = 0
    fetched: int = 0  # feeds and sitemaps read
    not_modified: int = 0  # and answered 304
    per_day: dict[str, int] = field(default_factory=dict)  # YYYY-MM-DD: articles
    run_times: list[datetime] = field(default_factory=list)  # runs that crawled it
    article_runs: list[datetime] = field(default_factory=list)  # runs that wrote some
    failing_runs: list[datetime] = field(default_factory=list)  # runs with failures
    ok_runs: list[datetime] = field(default_factory=list)  # runs that read a feed or sitemap
    interval: float | None = None  # polling interval, seconds, the latest known
    last_success: datetime | None = None

    @property
    def not_modified_share(self) -> float | None:
        asked = self.fetched + self.not_modified
        return self.not_modified / asked if asked else None


@dataclass
class HostHistory:
    """One host's refusals over the window, by kind and by run."""

    host: str
    kinds: dict[str, int] = field(default_factory=dict)
    reasons: set[str] = field(default_factory=set)
    refused_runs: list[datetime] = field(default_factory=list)
    example: str = ""


@dataclass
class History:
    runs: list[Run]
    sources: dict[str, SourceHistory]
    hosts: dict[str, HostHistory]
    days: list[str]
    failures_per_day: dict[str, int]

    @property
    def now(self) -> datetime | None:
        return self.runs[-1].at if self.runs else None


def load_runs(folder: Path, days: float | None = None) -> list[Run]:
    """The reports under ``folder`` (``*/*.report.json``, or any depth), oldest first; with
    ``days``, those of the last ``days`` days before the newest. Unreadable ones are skipped."""
    runs = []
    for path in sorted(folder.rglob("*.report.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            at = parse_date(data.get("clock") or data.get("started"))
        except (OSError, ValueError) as exc:
            logger.warning("Skipping the report %s: %s", path, exc)
            continue
        if not isinstance(data, dict) or at is None:
            logger.warning("Skipping the report %s: not a run report", path)
            continue
        runs.append(
            Run(
                path=path,
                at=at,
                spider=str(data.get("spider", "")),
                exit_status=int(data.get("exit_status") or 0),
                sources=data.get("sources") or {},
                refused=data.get("refused") or {},
                polling=data.get("polling") or {},
                stats=data.get("stats") or {},
            )
        )
    runs.sort(key=lambda run: run.at)
    if days is not None and runs:
        start = runs[-1].at - timedelta(days=days)
        runs = [run for run in runs if run.at >= start]
    return runs


def summarize(runs: list[Run]) -> History:
    sources: dict[str, SourceHistory] = {}
    hosts: dict[str, HostHistory] = {}
    failures_per_day: dict[str, int] = defaultdict(int)
    days: set[str] = set()
    for run in runs:
        day = run.at.date().isoformat()
        days.add(day)
        for name, counters in run.sources.items():
            source = sources.setdefault(name, SourceHistory(name))
            source.runs += 1
            source.run_times.append(run.at)
            articles = int(counters.get("output/articles", 0))
            source.articles += articles
            source.per_day[day] = source.per_day.get(day, 0) + articles
            source.duplicates += sum(int(counters.get(k, 0)) for k in DUPLICATES)
            source.no_article += int(counters.get("extraction/no_article", 0))
            failed = sum(int(counters.get(k, 0)) for k in FAILURES)
            source.failures += failed
            failures_per_day[day] += failed
            read = int(counters.get("feeds/fetched", 0)) + int(counters.get("sitemaps/fetched", 0))
            unchanged = int(counters.get("feeds/not_modified", 0)) + int(
                counters.get("sitemaps/not_modified", 0)
            )
            source.fetched += read
            source.not_modified += unchanged
            if articles:
                source.article_runs.append(run.at)
            if failed:
                source.failing_runs.append(run.at)
            if read or unchanged:
                source.ok_runs.append(run.at)
                source.last_success = run.at
        for poll in run.polling.values():
            name = poll.get("source")
            if name and name in sources and poll.get("interval"):
                sources[name].interval = float(poll["interval"])
        for host, kinds in run.refused.items():
            record = hosts.setdefault(host, HostHistory(host))
            record.refused_runs.append(run.at)
            for kind, detail in kinds.items():
                count = int(detail.get("count", 0))
                record.kinds[kind] = record.kinds.get(kind, 0) + count
                failures_per_day[day] += count
                if detail.get("reason"):
                    record.reasons.add(str(detail["reason"]))
                record.example = str(detail.get("example") or record.example)
    return History(runs, sources, hosts, sorted(days), dict(failures_per_day))
