"""The embedded state store: one SQLite file, no server.

WAL journal, so that readers never block the writer; every write is one transaction. Lookups
go through primary-key indexes and nothing is held in memory, so a store with millions of URLs
costs disk, not RAM (``bench/state_store.py`` measures it). A file that is not a database is
moved aside (``*.corrupt-<time>``) and a new one started, with a warning, rather than failing
every run after it.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from crawler.discovery.polling import Poll
from crawler.exceptions import StateStoreError
from crawler.repeats import pack, unpack
from crawler.state import Validators

logger = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS emitted (
    url_key TEXT PRIMARY KEY,
    record_id TEXT NOT NULL,
    first_seen REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS emitted_first_seen ON emitted (first_seen);
CREATE TABLE IF NOT EXISTS texts (
    digest TEXT PRIMARY KEY,
    record_id TEXT NOT NULL,
    first_seen REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS texts_first_seen ON texts (first_seen);
CREATE TABLE IF NOT EXISTS sketches (
    record_id TEXT PRIMARY KEY,
    sample BLOB NOT NULL,
    numbers TEXT NOT NULL,
    paragraphs TEXT NOT NULL,
    first_seen REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sketches_first_seen ON sketches (first_seen);
CREATE TABLE IF NOT EXISTS bands (
    band_key INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    PRIMARY KEY (band_key, record_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS validators (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    newest_entry TEXT,
    updated REAL NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS polls (
    url TEXT PRIMARY KEY,
    fetched REAL NOT NULL,
    interval REAL NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS site_lines (
    site TEXT NOT NULL,
    seq INTEGER NOT NULL,
    keys BLOB NOT NULL,
    updated REAL NOT NULL,
    PRIMARY KEY (site, seq)
) WITHOUT ROWID;
"""
_BATCH = 500  # SQLite's limit on host parameters is far above this


class SqliteStateStore:
    """``crawler.state.StateStore`` in one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = self._open(path)
        except sqlite3.DatabaseError as exc:
            if not path.exists() or (
                "not a database" not in str(exc) and "malformed" not in str(exc)
            ):
                raise StateStoreError(f"state store {path}: {exc}") from exc
            aside = path.with_name(f"{path.name}.corrupt-{int(time.time())}")
            logger.warning(
                "State store %s is corrupt (%s); moved to %s, starting anew", path, exc, aside
            )
            path.rename(aside)
            self.db = self._open(path)
        except OSError as exc:
            raise StateStoreError(f"state store {path}: {exc}") from exc

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, isolation_level=None, timeout=30)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(SCHEMA)
        db.execute("SELECT count(*) FROM emitted LIMIT 1").fetchone()  # fails on a bad file
        return db

    def seen_urls(self, keys: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(keys), _BATCH):
            chunk = keys[start : start + _BATCH]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT url_key FROM emitted WHERE url_key IN ({marks})", chunk)
            found.update(row[0] for row in rows)
        return found

    def record_for(self, keys: list[str]) -> str | None:
        marks = ",".join("?" * len(keys))
        row = self.db.execute(
            f"SELECT record_id FROM emitted WHERE url_key IN ({marks}) AND record_id != '' LIMIT 1",
            keys,
        ).fetchone()
        return row[0] if row else None

    def seen_text(self, digest: str) -> str | None:
        row = self.db.execute("SELECT record_id FROM texts WHERE digest = ?", (digest,)).fetchone()
        return row[0] if row else None

    def mark_emitted(self, records: Iterable[tuple[str, list[str], str]]) -> None:
        now = time.time()
        with self._transaction():
            for record_id, keys, digest in records:
                self.db.executemany(
                    "INSERT OR IGNORE INTO emitted VALUES (?, ?, ?)",
                    [(key, record_id, now) for key in keys],
                )
                if digest:
                    self.db.execute(
                        "INSERT OR IGNORE INTO texts VALUES (?, ?, ?)", (digest, record_id, now)
                    )

    def near_candidates(
        self, band_keys: list[int], limit: int
    ) -> list[tuple[str, bytes, str, str, int]]:
        marks = ",".join("?" * len(band_keys))
        # Buckets hold at most ``bucket_size`` ids each (add_sketches): bounded rows to count.
        return self.db.execute(
            "SELECT s.record_id, s.sample, s.numbers, s.paragraphs, top.shared FROM "
            "(SELECT record_id, count(*) AS shared FROM bands "
            f"WHERE band_key IN ({marks}) GROUP BY record_id "
            "ORDER BY shared DESC, record_id LIMIT ?) AS top "
            "JOIN sketches AS s ON s.record_id = top.record_id "
            "ORDER BY top.shared DESC, s.record_id",
            [*band_keys, limit],
        ).fetchall()

    def add_sketches(
        self, sketches: list[tuple[str, bytes, str, str, list[int]]], bucket_size: int
    ) -> None:
        now = time.time()
        with self._transaction():
            self.db.executemany(
                "INSERT OR IGNORE INTO sketches VALUES (?, ?, ?, ?, ?)",
                [(rid, sample, numbers, paras, now) for rid, sample, numbers, paras, _ in sketches],
            )
            self.db.executemany(
                "INSERT OR IGNORE INTO bands SELECT ?1, ?2 "
                "WHERE (SELECT count(*) FROM bands WHERE band_key = ?1) < ?3",
                [(key, rid, bucket_size) for rid, _, _, _, keys in sketches for key in keys],
            )

    def validators(self, url: str) -> Validators | None:
        row = self.db.execute(
            "SELECT etag, last_modified, newest_entry FROM validators WHERE url = ?", (url,)
        ).fetchone()
        return Validators(etag=row[0], last_modified=row[1], newest_entry=row[2]) if row else None

    def store_validators(self, entries: dict[str, Validators]) -> None:
        now = time.time()
        with self._transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO validators VALUES (?, ?, ?, ?, ?)",
                [(u, v.etag, v.last_modified, v.newest_entry, now) for u, v in entries.items()],
            )

    def polls(self, urls: list[str]) -> dict[str, Poll]:
        found: dict[str, Poll] = {}
        for start in range(0, len(urls), _BATCH):
            part = urls[start : start + _BATCH]
            marks = ",".join("?" * len(part))
            for url, fetched, interval in self.db.execute(
                f"SELECT url, fetched, interval FROM polls WHERE url IN ({marks})", part
            ):
                found[url] = Poll(fetched, interval)
        return found

    def store_polls(self, entries: dict[str, Poll]) -> None:
        with self._transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO polls VALUES (?, ?, ?)",
                [(url, poll.fetched, poll.interval) for url, poll in entries.items()],
            )

    def site_lines(self, site: str) -> list[list[int]]:
        rows = self.db.execute("SELECT keys FROM site_lines WHERE site = ? ORDER BY seq", (site,))
        return [unpack(keys) for (keys,) in rows]

    def add_site_lines(self, entries: dict[str, list[list[int]]], window: int) -> None:
        now = time.time()
        with self._transaction():
            for site, articles in entries.items():
                (top,) = self.db.execute(
                    "SELECT coalesce(max(seq), 0) FROM site_lines WHERE site = ?", (site,)
                ).fetchone()
                self.db.executemany(
                    "INSERT INTO site_lines VALUES (?, ?, ?, ?)",
                    [(site, top + n, pack(keys), now) for n, keys in enumerate(articles, 1)],
                )
                self.db.execute(
                    "DELETE FROM site_lines WHERE site = ? AND seq <= ?",
                    (site, top + len(articles) - window),
                )

    def expire(self, max_age_days: float) -> int:
        cutoff = time.time() - max_age_days * 86400
        with self._transaction():
            gone = self.db.execute("DELETE FROM emitted WHERE first_seen < ?", (cutoff,)).rowcount
            gone += self.db.execute("DELETE FROM texts WHERE first_seen < ?", (cutoff,)).rowcount
            old = "SELECT record_id FROM sketches WHERE first_seen < ?"
            self.db.execute(f"DELETE FROM bands WHERE record_id IN ({old})", (cutoff,))
            gone += self.db.execute("DELETE FROM sketches WHERE first_seen < ?", (cutoff,)).rowcount
            gone += self.db.execute("DELETE FROM validators WHERE updated < ?", (cutoff,)).rowcount
            gone += self.db.execute("DELETE FROM polls WHERE fetched < ?", (cutoff,)).rowcount
            gone += self.db.execute("DELETE FROM site_lines WHERE updated < ?", (cutoff,)).rowcount
        return gone

    def reset(self) -> None:
        with self._transaction():
            for table in (
                "emitted",
                "texts",
                "sketches",
                "bands",
                "validators",
                "polls",
                "site_lines",
            ):
                self.db.execute(f"DELETE FROM {table}")

    def claim(self, record_id: str, keys: list[str], digest: str, adopt: str = "") -> str | None:
        """Nothing to claim: the run lock makes this run the store's only writer."""
        return None

    def release(self, records: list[tuple[str, list[str], str]]) -> None:
        pass

    def exclusive(self) -> AbstractContextManager[bool | None]:
        return nullcontext()

    def counts(self) -> dict[str, int]:
        return {
            table: self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("emitted", "texts", "sketches", "validators", "site_lines")
        }

    def close(self) -> None:
        self.db.close()

    def _transaction(self) -> _Transaction:
        return _Transaction(self.db)


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, *rest: object) -> None:
        self.db.execute("ROLLBACK" if kind else "COMMIT")
