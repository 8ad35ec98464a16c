"""Workers share what they learn of a site's template lines through Redis."""

from __future__ import annotations

from crawler.state.redis import RedisStateStore


def test_a_sites_lines_stored_by_one_worker_are_read_by_another(redis_url: str) -> None:
    first = RedisStateStore(redis_url, 1, worker="w-a")
    second = RedisStateStore(redis_url, 1, worker="w-b")
    try:
        assert second.site_lines("example.org") == []
        first.store_site_lines({"example.org": [[1, 2**64 - 1], [3]]})
        assert second.site_lines("example.org") == [[1, 2**64 - 1], [3]]
        assert 0 < first.db.ttl(first._key("lines", "example.org")) <= 86400
        second.reset()
        assert first.site_lines("example.org") == []
    finally:
        first.close()
        second.close()
