"""What needs a person: a source silent for far longer than usual, a source whose feeds or
sitemaps started failing, a host refusing the crawler, a run that did not exit 0."""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta

from crawler.health.history import History, SourceHistory

SILENT_FACTOR = 4  # silent this many usual gaps between articles: flagged
SILENT_AT_LEAST = timedelta(hours=12)  # and at least this long
FAILING_RUNS = 2  # its last runs that failed, after runs that did not
RECENT = timedelta(days=1)  # a host that refused within this long before the newest run


@dataclass(frozen=True)
class Flag:
    kind: str  # silent, failing, refusing, exit
    subject: str  # a source's name, a host, a report's file name
    text: str


def find_flags(history: History) -> list[Flag]:
    now = history.now
    if now is None:
        return []
    found = []
    for source in history.sources.values():
        if (text := _silent(source, now)) is not None:
            found.append(Flag("silent", source.name, text))
        if (text := _failing(source)) is not None:
            found.append(Flag("failing", source.name, text))
    first = history.runs[0].at
    for host in history.hosts.values():
        last = host.refused_runs[-1]
        if now - last > RECENT:
            continue
        kinds = ", ".join(f"{kind} ×{count}" for kind, count in sorted(host.kinds.items()))
        started = host.refused_runs[0] > first
        when = f"since {host.refused_runs[0]:%Y-%m-%d %H:%M}" if started else "all along"
        found.append(Flag("refusing", host.host, f"refusing the crawler {when}: {kinds}"))
    for run in history.runs:
        if run.exit_status:
            text = f"{run.spider} run at {run.at:%Y-%m-%d %H:%M} exited with {run.exit_status}"
            found.append(Flag("exit", run.path.name, text))
    return found


def _silent(source: SourceHistory, now: datetime) -> str | None:
    times = source.article_runs
    if not times:
        return None
    gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(times)]
    usual = statistics.median(gaps) if len(gaps) >= 2 else (source.interval or 86400.0)
    quiet = now - times[-1]
    if quiet > max(timedelta(seconds=SILENT_FACTOR * usual), SILENT_AT_LEAST):
        return (f"no new article for {_span(quiet)}; it usually has one every "
                f"{_span(timedelta(seconds=usual))}")  # fmt: skip
    return None


def _failing(source: SourceHistory) -> str | None:
    failing = set(source.failing_runs)
    streak = list(itertools.takewhile(lambda t: t in failing, reversed(source.run_times)))
    if len(streak) < FAILING_RUNS:
        return None
    if len(streak) == len(source.run_times):
        return f"failing in all its {len(streak)} runs"
    return f"failing since {streak[-1]:%Y-%m-%d %H:%M} (its last {len(streak)} runs)"


def _span(delta: timedelta) -> str:
    hours = delta.total_seconds() / 3600
    return f"{hours / 24:.1f} days" if hours >= 48 else f"{hours:.0f} hours"
