"""The state store with many seen URLs: inserts and lookups per second, memory, file size.

    python -m bench.state_store [--urls 1000000]

Inserts URLs in batches as the writer does (one transaction per sync), then looks up a mix of
stored and unknown URLs one by one as the spiders do. Peak RSS shows that the store is on disk,
not in memory.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

from crawler.state.sqlite import SqliteStateStore


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--lookups", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "state.sqlite3"
        store = SqliteStateStore(path)
        start_rss = rss_mb()
        started = time.perf_counter()
        for first in range(0, args.urls, args.batch):
            store.mark_emitted(
                (f"{n:016x}", [f"https://news{n % 97}.example/{n}/story.html"], f"d{n}")
                for n in range(first, min(first + args.batch, args.urls))
            )
        inserted = time.perf_counter() - started
        rng = random.Random(1)
        probes = [
            f"https://news{n % 97}.example/{n}/story.html"
            for n in (rng.randrange(args.urls * 2) for _ in range(args.lookups))
        ]
        started = time.perf_counter()
        hits = sum(1 for url in probes if store.seen_urls([url]))
        looked = time.perf_counter() - started
        store.close()
        size = sum(p.stat().st_size for p in Path(folder).iterdir()) / 2**20
    print(f"URLs stored:        {args.urls:,} (batches of {args.batch})")
    print(f"inserts per second: {args.urls / inserted:,.0f}")
    print(f"lookups per second: {args.lookups / looked:,.0f} ({hits:,} of {args.lookups:,} found)")
    print(f"peak RSS:           {rss_mb():.0f} MB (at start {start_rss:.0f} MB)")
    print(f"file size:          {size:.0f} MB")


if __name__ == "__main__":
    main()
