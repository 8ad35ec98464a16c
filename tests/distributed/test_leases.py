"""Leases: a request taken from the shared queue is its worker's until acknowledged, and goes
back to the queue when that worker falls silent."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import redis
from scrapy import Request, Spider

from crawler.distributed import heartbeats_key
from crawler.distributed.queue import LeasedPriorityQueue


@pytest.fixture
def queues(redis_url: str) -> Iterator[tuple[LeasedPriorityQueue, LeasedPriorityQueue]]:
    server = redis.Redis.from_url(redis_url)
    spider = Spider("feeds")
    made = []
    for name in ("w-a", "w-b"):
        queue = LeasedPriorityQueue(server=server, spider=spider, key="news:feeds:requests")
        queue.worker, queue.workers_key, queue.heartbeat_seconds = name, heartbeats_key("news:"), 60
        queue.beat()
        made.append(queue)
    yield made[0], made[1]
    server.close()


def test_a_silent_workers_lease_goes_back_and_its_late_ack_leaves_the_new_one_alone(
    queues: tuple[LeasedPriorityQueue, LeasedPriorityQueue],
) -> None:
    first, second = queues
    first.push(Request("http://127.0.0.1/story"))
    taken = first.pop()
    assert taken is not None and first.leases() == 1 and len(first) == 0
    assert second.reap() == (0, 0)  # w-a beats: its lease holds
    first.stop_beating()  # w-a stalls past its heartbeat
    assert second.reap() == (1, 0)
    again = second.pop()
    assert again is not None and again.url == taken.url
    first.ack([taken.meta["news_lease"]])  # w-a wakes up and finishes its copy
    assert second.leases() == 1  # w-b's lease stands: if w-b dies, the request comes back
    second.ack([again.meta["news_lease"]])
    assert second.leases() == 0 and len(second) == 0


def test_a_request_leased_too_often_goes_to_the_dead_letters(
    queues: tuple[LeasedPriorityQueue, LeasedPriorityQueue],
) -> None:
    first = queues[0]
    first.max_tries = 2
    first.push(Request("http://127.0.0.1/poison"))
    for _ in range(2):
        assert first.pop() is not None
        first.reap(owner="w-a")  # w-a dies on it, and is restarted under its name
    assert first.dead() == 1 and len(first) == 0 and first.leases() == 0
