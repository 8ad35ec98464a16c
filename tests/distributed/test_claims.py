"""Claims: an article about to be written by one worker is a duplicate to every other worker
while its writer beats, and free again once that writer is gone."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from crawler.distributed import heartbeats_key
from crawler.neardup import exact_key
from crawler.state.redis import RedisStateStore

TEXT = "The council approved the budget on Tuesday after a long debate about the harbour."


@pytest.fixture
def stores(redis_url: str) -> Iterator[tuple[RedisStateStore, RedisStateStore]]:
    first = RedisStateStore(redis_url, 1, worker="w-a")
    second = RedisStateStore(redis_url, 1, worker="w-b")
    for store in (first, second):
        store.db.hset(heartbeats_key("news:"), store.worker, time.time() + 60)
    yield first, second
    first.close()
    second.close()


def test_of_two_workers_claiming_one_syndicated_text_at_once_one_wins(
    stores: tuple[RedisStateStore, RedisStateStore],
) -> None:
    results: dict[str, str | None] = {}
    start = threading.Barrier(2)

    def claim(store: RedisStateStore, record: str, url: str) -> None:
        start.wait()
        with store.exclusive():
            results[store.worker] = store.claim(record, [url], exact_key(TEXT))

    threads = [
        threading.Thread(target=claim, args=(stores[0], "r-wire", "example.com/wire")),
        threading.Thread(target=claim, args=(stores[1], "r-copy", "example.org/copy")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winner = "w-a" if results["w-a"] is None else "w-b"
    loser = {"w-a": "w-b", "w-b": "w-a"}[winner]
    assert results[winner] is None
    assert results[loser] == {"w-a": "r-wire", "w-b": "r-copy"}[winner]


def test_a_claim_holds_while_its_worker_beats_and_not_after(
    stores: tuple[RedisStateStore, RedisStateStore],
) -> None:
    first, second = stores
    assert first.claim("r1", ["example.com/a"], exact_key(TEXT)) is None
    assert second.claim("r1", ["example.com/a"], "") == "r1"  # the same URL, another worker
    first.db.hdel(heartbeats_key("news:"), "w-a")  # w-a is killed: its heartbeat lapses
    assert second.claim("r1", ["example.com/a"], exact_key(TEXT)) is None  # taken over
    assert first.claim("r9", ["example.com/other"], exact_key(TEXT)) == "r1"  # w-b's now


def test_an_emitted_article_cannot_be_claimed_and_its_claims_are_released(
    stores: tuple[RedisStateStore, RedisStateStore],
) -> None:
    first, second = stores
    assert first.claim("r1", ["example.com/a"], exact_key(TEXT)) is None
    first.mark_emitted([("r1", ["example.com/a"], exact_key(TEXT))])
    assert not first.db.hlen(first.claims)
    assert second.claim("r1", ["example.com/a"], "") == "r1"
    assert second.claim("r2", ["example.com/b"], exact_key(TEXT)) == "r1"
    assert first.claim("r1", ["example.com/a"], "") == "r1"  # its writer too: it is written


def test_a_worker_releases_only_its_own_claims(
    stores: tuple[RedisStateStore, RedisStateStore],
) -> None:
    first, second = stores
    assert first.claim("r1", ["example.com/a"], exact_key(TEXT)) is None
    second.release([("r1", ["example.com/a"], exact_key(TEXT))])
    second.mark_emitted([("", ["example.com/a"], "")])  # a page w-b saw give no record
    assert first.db.hlen(first.claims) == 2  # still w-a's
    first.release([("r1", ["example.com/a"], exact_key(TEXT))])  # w-a drops it after all
    assert not first.db.hlen(first.claims)
    assert second.claim("r2", ["example.com/b"], exact_key(TEXT)) is None  # free for w-b


def test_a_worker_recovering_a_dead_writers_file_adopts_its_claims(
    stores: tuple[RedisStateStore, RedisStateStore],
) -> None:
    first, second = stores  # w-a was killed a moment ago: its heartbeat has not lapsed yet
    assert first.claim("r1", ["example.com/a"], exact_key(TEXT)) is None
    assert second.claim("r1", ["example.com/a"], exact_key(TEXT)) == "r1"
    assert second.claim("r1", ["example.com/a"], exact_key(TEXT), adopt="w-a") is None
    assert first.claim("r1", ["example.com/a"], "") == "r1"  # w-b's now


def test_a_starting_worker_forgets_claims_no_one_will_write(
    stores: tuple[RedisStateStore, RedisStateStore], redis_url: str
) -> None:
    first, second = stores
    assert first.claim("r1", ["example.com/a"], "") is None
    assert second.claim("r2", ["example.com/b"], "") is None
    assert first.claim("r3", ["example.com/c"], "") is None
    first.db.hdel(heartbeats_key("news:"), "w-b")  # w-b killed and gone silent
    # w-a restarted under its name (its supervisor names it): its earlier life's claims go too
    restarted = RedisStateStore(redis_url, 1, worker="w-a")
    try:
        assert not restarted.db.hlen(restarted.claims)
        third = RedisStateStore(redis_url, 1, worker="w-c")
        third.db.hset(heartbeats_key("news:"), "w-c", time.time() + 60)
        assert third.claim("r1", ["example.com/a"], "") is None
        third.close()
    finally:
        restarted.close()
