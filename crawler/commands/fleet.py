"""``scrapy fleet``: a distributed crawl at a glance, from Redis.

For each spider with a shared queue: requests queued, leased (in hand), dead letters and the
round dupefilters with the time they have left; then each worker's heartbeat, and the claims
of articles being written. Read only; with ``REDIS_URL`` as the workers have it.
"""

from __future__ import annotations

import argparse
import time

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.distributed import heartbeats_key


class Command(ScrapyCommand):
    requires_project = True
    default_settings = {"LOG_ENABLED": False}

    def short_desc(self) -> str:
        return "Show the queues, leases, dead letters and workers of a distributed crawl"

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        url = self.settings.get("REDIS_URL")
        if not url:
            raise UsageError("set REDIS_URL (-s REDIS_URL=redis://host:6379/0)")
        import redis  # only here: a crawl that is not distributed never loads it

        db = redis.Redis.from_url(url, decode_responses=True)
        prefix = self.settings.get("NEWS_REDIS_PREFIX")
        now = _server_time(db)
        spiders = {  # an empty queue is no key: its rounds' dupefilters name it too
            key.removeprefix(prefix).split(":", 1)[0]
            for pattern in ("*:requests*", "*:dupefilter:*")
            for key in db.scan_iter(match=f"{prefix}{pattern}", count=1000)
        }
        for spider in sorted(spiders):
            queue = f"{prefix}{spider}:requests"
            print(
                f"{spider}: queued {db.zcard(queue)}  leased {db.zcard(f'{queue}:leases')}"
                f"  dead letters {db.llen(f'{queue}:dead')}"
            )
            rounds = f"{prefix}{spider}:dupefilter:"
            for key in sorted(db.scan_iter(match=f"{rounds}*", count=1000)):
                days = db.ttl(key) / 86400
                print(f"  round {key.removeprefix(rounds)}: {db.scard(key)} requests seen, "
                      f"expires in {days:.1f} days")  # fmt: skip
        workers = db.hgetall(heartbeats_key(prefix))
        print(f"workers: {len(workers)}")
        for name, lapses in sorted(workers.items()):
            left = float(lapses) - now
            state = f"alive (lapses in {left:.1f} s)" if left >= 0 else f"silent {-left:.0f} s"
            print(f"  {name}: {state}")
        print(f"articles claimed, being written: {db.hlen(f'{prefix}state:claims')}")


def _server_time(db: object) -> float:
    seconds, micros = db.time()  # type: ignore[attr-defined]
    return seconds + micros / 1e6 if seconds else time.time()
