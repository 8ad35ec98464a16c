"""The SQLite store keeps each site's last articles' line keys until they expire."""

from __future__ import annotations

from pathlib import Path

from crawler.state.sqlite import SqliteStateStore

WINDOW = [[1, 2**64 - 1], [3]]  # 64-bit keys, oldest article first


def test_a_sites_lines_come_back_from_the_file_in_another_run(tmp_path: Path) -> None:
    store = SqliteStateStore(tmp_path / "state.sqlite3")
    assert store.site_lines("example.org") == []
    store.store_site_lines({"example.org": WINDOW})
    store.close()
    again = SqliteStateStore(tmp_path / "state.sqlite3")
    assert again.site_lines("example.org") == WINDOW
    assert again.counts()["site_lines"] == 1
    again.store_site_lines({"example.org": [[4]]})  # replaced, not merged: it is a window
    assert again.site_lines("example.org") == [[4]]


def test_site_lines_expire_and_reset_with_the_rest(tmp_path: Path) -> None:
    store = SqliteStateStore(tmp_path / "state.sqlite3")
    store.store_site_lines({"example.org": WINDOW})
    assert store.expire(1) == 0
    assert store.expire(-1) == 1  # everything is older than a day from now
    store.store_site_lines({"example.org": WINDOW})
    store.reset()
    assert store.site_lines("example.org") == []
