"""The state store in Redis: one state for all the workers of a distributed crawl.

The same protocol as ``crawler.state.sqlite``, so duplicates are found across workers exactly
as across runs. Every entry is a key under ``<prefix>state:`` that Redis expires by itself
after ``NEWS_STATE_EXPIRE_DAYS`` (the expiry in force when the entry was written):

- ``url:<key>``: the record id of the article emitted under that URL key ("" for a page that
  gave no record);
- ``text:<digest>``: the record id of an emitted text;
- ``sketch:<id>``: a hash of the near-duplicate sketch (sample, numbers, paragraphs), and
  ``band:<key>``: the set of record ids in an LSH band;
- ``validators:<url>``: a feed's or sitemap's ETag, Last-Modified and newest entry.
"""

from __future__ import annotations

import redis

from crawler.exceptions import StateStoreError
from crawler.state import Validators


class RedisStateStore:
    def __init__(self, url: str, max_age_days: float, prefix: str = "news:") -> None:
        self.prefix = f"{prefix}state:"
        self.ttl = max(1, int(max_age_days * 86400))
        try:
            self.db = redis.Redis.from_url(url)
            self.db.ping()
        except (redis.RedisError, ValueError) as exc:
            raise StateStoreError(f"Redis state store {url} is not usable: {exc}") from exc

    def _key(self, kind: str, name: object) -> str:
        return f"{self.prefix}{kind}:{name}"

    def seen_urls(self, keys: list[str]) -> set[str]:
        if not keys:
            return set()
        values = self.db.mget([self._key("url", key) for key in keys])
        return {key for key, value in zip(keys, values, strict=True) if value is not None}

    def record_for(self, keys: list[str]) -> str | None:
        if not keys:
            return None
        for value in self.db.mget([self._key("url", key) for key in keys]):
            if value:
                return value.decode()
        return None

    def seen_text(self, digest: str) -> str | None:
        value = self.db.get(self._key("text", digest))
        return value.decode() if value else None

    def mark_emitted(self, records: list[tuple[str, list[str], str]]) -> None:
        with self.db.pipeline(transaction=True) as pipe:
            for record_id, keys, digest in records:
                for key in keys:
                    pipe.set(self._key("url", key), record_id, ex=self.ttl, nx=True)
                if digest:
                    pipe.set(self._key("text", digest), record_id, ex=self.ttl, nx=True)
            pipe.execute()

    def near_candidates(self, band_keys: list[int]) -> list[tuple[str, bytes, str, str]]:
        if not band_keys:
            return []
        ids = sorted(self.db.sunion([self._key("band", key) for key in band_keys]))
        with self.db.pipeline(transaction=False) as pipe:  # one round trip for all sketches
            for raw_id in ids:
                pipe.hgetall(self._key("sketch", raw_id.decode()))
            sketches = pipe.execute()
        return [
            (
                raw_id.decode(),
                sketch[b"sample"],
                sketch[b"numbers"].decode(),
                sketch[b"paragraphs"].decode(),
            )
            for raw_id, sketch in zip(ids, sketches, strict=True)
            if sketch  # its band entry may outlive an expired sketch
        ]

    def add_sketches(self, sketches: list[tuple[str, bytes, str, str, list[int]]]) -> None:
        with self.db.pipeline(transaction=True) as pipe:
            for record_id, sample, numbers, paragraphs, bands in sketches:
                key = self._key("sketch", record_id)
                fields = {"sample": sample, "numbers": numbers, "paragraphs": paragraphs}
                pipe.hset(key, mapping=fields)  # type: ignore[arg-type]
                pipe.expire(key, self.ttl)
                for band in bands:
                    pipe.sadd(self._key("band", band), record_id)
                    pipe.expire(self._key("band", band), self.ttl)
            pipe.execute()

    def validators(self, url: str) -> Validators | None:
        stored = self.db.hgetall(self._key("validators", url))
        if not stored:
            return None
        text = {k.decode(): v.decode() or None for k, v in stored.items()}
        return Validators(
            etag=text.get("etag"),
            last_modified=text.get("last_modified"),
            newest_entry=text.get("newest_entry"),
        )

    def store_validators(self, entries: dict[str, Validators]) -> None:
        with self.db.pipeline(transaction=True) as pipe:
            for url, found in entries.items():
                key = self._key("validators", url)
                pipe.delete(key)
                pipe.hset(
                    key,
                    mapping={
                        "etag": found.etag or "",
                        "last_modified": found.last_modified or "",
                        "newest_entry": found.newest_entry or "",
                    },
                )
                pipe.expire(key, self.ttl)
            pipe.execute()

    def expire(self, max_age_days: float) -> int:
        """Nothing to do: Redis expires every entry by itself."""
        return 0

    def reset(self) -> None:
        for key in self.db.scan_iter(match=f"{self.prefix}*", count=1000):
            self.db.delete(key)

    def counts(self) -> dict[str, int]:
        """Not counted: that would mean scanning every key of a shared store."""
        return {}

    def close(self) -> None:
        self.db.close()
