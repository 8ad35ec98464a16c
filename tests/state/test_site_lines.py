"""The SQLite store keeps each site's last articles' line keys until they expire."""

from __future__ import annotations

from pathlib import Path

from crawler.state.sqlite import SqliteStateStore


def test_a_sites_last_articles_come_back_from_the_file_in_another_run(tmp_path: Path) -> None:
    store = SqliteStateStore(tmp_path / "state.sqlite3")
    assert store.site_lines("example.org") == []
    store.add_site_lines({"example.org": [[1, 2**64 - 1], [3]]}, window=3)
    store.close()
    again = SqliteStateStore(tmp_path / "state.sqlite3")
    assert again.site_lines("example.org") == [[1, 2**64 - 1], [3]]  # 64-bit keys, in order
    again.add_site_lines({"example.org": [[4], [5]]}, window=3)  # the oldest falls out
    assert again.site_lines("example.org") == [[3], [4], [5]]
    assert again.counts()["site_lines"] == 3


def test_site_lines_expire_and_reset_with_the_rest(tmp_path: Path) -> None:
    store = SqliteStateStore(tmp_path / "state.sqlite3")
    store.add_site_lines({"example.org": [[1]]}, window=3)
    assert store.expire(1) == 0
    assert store.expire(-1) == 1  # everything is older than a day from now
    store.add_site_lines({"example.org": [[1]]}, window=3)
    store.reset()
    assert store.site_lines("example.org") == []
