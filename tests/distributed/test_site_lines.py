"""Workers share what they learn of a site's template lines through Redis: each appends."""

from __future__ import annotations

from crawler.state.redis import RedisStateStore


def test_what_two_workers_saw_of_a_site_adds_up(redis_url: str) -> None:
    first = RedisStateStore(redis_url, 1, worker="w-a")
    second = RedisStateStore(redis_url, 1, worker="w-b")
    try:
        assert second.site_lines("example.org") == []
        first.add_site_lines({"example.org": [[1, 2**64 - 1]]}, window=2)
        second.add_site_lines({"example.org": [[3]]}, window=2)  # appended, not overwritten
        assert first.site_lines("example.org") == [[1, 2**64 - 1], [3]]
        first.add_site_lines({"example.org": [[4]]}, window=2)
        assert second.site_lines("example.org") == [[3], [4]]
        assert 0 < first.db.ttl(first._key("lines", "example.org")) <= 86400
        second.reset()
        assert first.site_lines("example.org") == []
    finally:
        first.close()
        second.close()
