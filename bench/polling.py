"""Adaptive polling over a simulated week: feed requests against fetching every feed every run.

    python -m bench.polling [--cron-hours 6] [--min-hours 1] [--max-hours 48]

The site and sources of ``tests/end_to_end/test_polling.py`` (28 feeds: one hourly, two twice a
day, eight every two to seven days, seventeen silent), ``scrapy crawl sources`` every
``--cron-hours`` of simulated time. Printed: each feed's fetches, its publication rate and its
longest lag (a story's publication to the run that wrote it), and the totals.
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import timedelta
from pathlib import Path

from tests.end_to_end.test_polling import RATES, START, simulate_week


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cron-hours", type=float, default=6)
    parser.add_argument("--min-hours", type=float, default=1)
    parser.add_argument("--max-hours", type=float, default=48)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        week = simulate_week(
            Path(tmp),
            timedelta(hours=args.cron_hours),
            timedelta(hours=args.min_hours),
            timedelta(hours=args.max_hours),
        )
    runs = len(week["runs"])
    published = {s.path: s.published for v in week["stories"].values() for s in v}
    lags: dict[str, float] = {}
    for now, result in week["runs"]:
        for item in result.items:
            path = "/" + item["url"].split("/", 3)[3]
            if published[path] >= START:
                feed = item["source"]["name"]
                lag = (now - published[path]).total_seconds() / 3600
                lags[feed] = max(lags.get(feed, 0.0), lag)
    print(f"{runs} runs, cron every {args.cron_hours:g} h, bounds "
          f"{args.min_hours:g} h to {args.max_hours:g} h")  # fmt: skip
    print(f"{'feed':12} {'publishes':>14} {'fetches':>8} {'longest lag':>12}")
    total = 0
    for name, hours in RATES.items():
        fetched = week["requests"][f"/feeds/{name}.xml"]
        total += fetched
        rate = f"every {hours:g} h" if hours else "never"
        lag = f"{lags[name]:.1f} h" if name in lags else "-"
        print(f"{name:12} {rate:>14} {fetched:8} {lag:>12}")
    every = runs * len(RATES)
    print(f"feed requests {total}, fetching every feed every run {every}: "
          f"{every / total:.2f} times fewer")  # fmt: skip


if __name__ == "__main__":
    main()
