"""The state store in Redis: one state for all the workers of a distributed crawl.

The same protocol as ``crawler.state.sqlite``, so duplicates are found across workers exactly
as across runs. Every entry is a key under ``<prefix>state:`` that Redis expires by itself
after ``NEWS_STATE_EXPIRE_DAYS`` (the expiry in force when the entry was written):

- ``url:<key>``: the record id of the article emitted under that URL key ("" for a page that
  gave no record);
- ``text:<digest>``: the record id of an emitted text;
- ``sketch:<id>``: a hash of the near-duplicate sketch (sample, numbers, paragraphs), and
  ``band:<key>``: the set of record ids in an LSH band (at most the bucket size: a full set
  takes no more ids, nor a longer life, until it expires);
- ``validators:<url>``: a feed's or sitemap's ETag, Last-Modified and newest entry;
- ``poll:<url>``: when a feed or sitemap was last fetched, and its polling interval;
- ``lines:<site>``: a list of a site's last articles, each the keys of its lines, 8 bytes a key
  (``crawler.repeats``);
- ``claims``: a hash of the URL keys (``url:<key>``) and text digests (``text:<digest>``) of
  articles a worker is about to write (worker and record id), until they are emitted or the
  item is dropped. A claim holds while its worker's heartbeat (``crawler.distributed``) does;
  a worker starting forgets the claims of workers gone silent and of its own earlier life.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

import redis
from redis.exceptions import LockError

from crawler.discovery.polling import Poll
from crawler.distributed import heartbeats_key
from crawler.exceptions import StateStoreError
from crawler.repeats import pack, unpack
from crawler.state import Validators

# Ranks the ids of the given band sets by how many of them each is in, and returns the sketches
# of the first ARGV[1] whose sketch has not expired (id, sample, numbers, paragraphs, shared,
# flat): one round trip, and no sketch sent that will not be verified. Band sets are capped,
# so the work is bounded. Sketch keys are built here from ARGV[2], which a Redis Cluster would
# refuse; the crawler's Redis is one server (or a primary with replicas).
_SEARCH = """
local shared, ids = {}, {}
for _, key in ipairs(KEYS) do
  for _, id in ipairs(redis.call('SMEMBERS', key)) do
    if shared[id] then shared[id] = shared[id] + 1 else shared[id] = 1; ids[#ids + 1] = id end
  end
end
table.sort(ids, function(a, b)
  if shared[a] ~= shared[b] then return shared[a] > shared[b] end
  return a < b
end)
local found, limit = {}, tonumber(ARGV[1])
for _, id in ipairs(ids) do
  if #found >= 5 * limit then break end
  local v = redis.call('HMGET', ARGV[2] .. id, 'sample', 'numbers', 'paragraphs')
  if v[1] then
    found[#found + 1] = id; found[#found + 1] = v[1]; found[#found + 1] = v[2]
    found[#found + 1] = v[3]; found[#found + 1] = shared[id]
  end
end
return found
"""
# Adds an id to each band set that holds fewer than ARGV[2] ids, and gives it ARGV[3] seconds.
_INDEX = """
for _, key in ipairs(KEYS) do
  if redis.call('SCARD', key) < tonumber(ARGV[2]) then
    redis.call('SADD', key, ARGV[1])
    redis.call('EXPIRE', key, ARGV[3])
  end
end
"""
# KEYS: claims, heartbeats. ARGV: record id, worker, prefix of emitted URL keys, prefix of
# emitted texts, the digest ('' for none), a dead worker whose claims this one adopts ('' for
# none), the URL keys. Returns the record id that has one of them already (emitted, or claimed
# by another worker that still beats), or claims them all. Workers, not record ids, are
# compared: a record id is its URL's, the same for every copy.
_CLAIM = """
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1e6
local names, emitted = {}, {}
for i = 7, #ARGV do
  names[#names + 1] = 'url:' .. ARGV[i]; emitted[#emitted + 1] = ARGV[3] .. ARGV[i]
end
if ARGV[5] ~= '' then
  names[#names + 1] = 'text:' .. ARGV[5]; emitted[#emitted + 1] = ARGV[4] .. ARGV[5]
end
for i, name in ipairs(names) do
  local owner = redis.call('GET', emitted[i])
  if owner then
    if owner == '' then return '?' end
    return owner
  end
  local held = redis.call('HGET', KEYS[1], name)
  if held then
    local tab = string.find(held, '\t', 1, true)
    local holder = string.sub(held, 1, tab - 1)
    if holder ~= ARGV[2] and holder ~= ARGV[6] then
      local lapses = redis.call('HGET', KEYS[2], holder)
      if lapses and tonumber(lapses) >= now then return string.sub(held, tab + 1) end
    end
  end
end
for _, name in ipairs(names) do redis.call('HSET', KEYS[1], name, ARGV[2] .. '\t' .. ARGV[1]) end
return false
"""
# KEYS: claims. ARGV: worker, then record id and claim names in pairs. Removes the claims that
# are that worker's for that record, and no one else's.
_RELEASE = """
for i = 2, #ARGV, 2 do
  if redis.call('HGET', KEYS[1], ARGV[i + 1]) == ARGV[1] .. '\t' .. ARGV[i] then
    redis.call('HDEL', KEYS[1], ARGV[i + 1])
  end
end
"""
# KEYS: claims, heartbeats. ARGV: worker. Forgets the claims of workers gone silent, and this
# worker's own from an earlier life (a restart under the same name): no one will write them.
_FORGET = """
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1e6
local claims, alive, forgotten = redis.call('HGETALL', KEYS[1]), {}, 0
for i = 1, #claims, 2 do
  local holder = string.sub(claims[i + 1], 1, string.find(claims[i + 1], '\t', 1, true) - 1)
  if alive[holder] == nil then
    local lapses = redis.call('HGET', KEYS[2], holder)
    alive[holder] = holder ~= ARGV[1] and lapses ~= false and tonumber(lapses) >= now
  end
  if not alive[holder] then redis.call('HDEL', KEYS[1], claims[i]); forgotten = forgotten + 1 end
end
return forgotten
"""


class RedisStateStore:
    def __init__(
        self,
        url: str,
        max_age_days: float,
        prefix: str = "news:",
        worker: str = "",
        options: dict[str, Any] | None = None,
    ) -> None:
        self.prefix = f"{prefix}state:"
        self.claims = f"{self.prefix}claims"
        self.heartbeats = heartbeats_key(prefix)
        self.worker = worker
        self.ttl = max(1, int(max_age_days * 86400))
        try:
            self.db = redis.Redis.from_url(url, **(options or {}))
            self.db.ping()
        except (redis.RedisError, ValueError) as exc:
            raise StateStoreError(f"Redis state store {url} is not usable: {exc}") from exc
        self._search = self.db.register_script(_SEARCH)
        self._index = self.db.register_script(_INDEX)
        self._claim = self.db.register_script(_CLAIM)
        self._release = self.db.register_script(_RELEASE)
        if worker:
            self.db.register_script(_FORGET)(keys=[self.claims, self.heartbeats], args=[worker])

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
            if self.worker:
                self.release(records, pipe)
            pipe.execute()

    def claim(self, record_id: str, keys: list[str], digest: str, adopt: str = "") -> str | None:
        found = self._claim(
            keys=[self.claims, self.heartbeats],
            args=[record_id, self.worker, self._key("url", ""), self._key("text", ""), digest,
                  adopt, *keys],
        )  # fmt: skip
        return found.decode() if isinstance(found, bytes) else found or None

    def release(self, records: list[tuple[str, list[str], str]], client: Any = None) -> None:
        """Give up this worker's claims on these records (and no other worker's)."""
        pairs: list[str] = []
        for record_id, keys, digest in records:
            for name in [f"url:{key}" for key in keys] + ([f"text:{digest}"] if digest else []):
                pairs += [record_id, name]
        if pairs:
            self._release(keys=[self.claims], args=[self.worker, *pairs], client=client)

    @contextmanager
    def exclusive(self) -> Iterator[bool]:
        # Expires by itself 2 s after its holder dies: a check and claim take milliseconds,
        # and waiting for it blocks the reactor (and this worker's heartbeat).
        lock = self.db.lock(f"{self.prefix}checking", timeout=2, sleep=0.002)
        held = bool(lock.acquire(blocking_timeout=3))
        try:
            yield held
        finally:
            if held:
                with suppress(LockError):  # held past its timeout: another has it now
                    lock.release()

    def near_candidates(
        self, band_keys: list[int], limit: int
    ) -> list[tuple[str, bytes, str, str, int]]:
        if not band_keys or limit <= 0:
            return []
        keys = [self._key("band", key) for key in band_keys]
        flat = self._search(keys=keys, args=[limit, self._key("sketch", "")])
        return [
            (flat[i].decode(), flat[i + 1], flat[i + 2].decode(), flat[i + 3].decode(), flat[i + 4])
            for i in range(0, len(flat), 5)
        ]

    def add_sketches(
        self, sketches: list[tuple[str, bytes, str, str, list[int]]], bucket_size: int
    ) -> None:
        with self.db.pipeline(transaction=True) as pipe:
            for record_id, sample, numbers, paragraphs, bands in sketches:
                key = self._key("sketch", record_id)
                fields = {"sample": sample, "numbers": numbers, "paragraphs": paragraphs}
                pipe.hset(key, mapping=fields)  # type: ignore[arg-type]
                pipe.expire(key, self.ttl)
                self._index(
                    keys=[self._key("band", band) for band in bands],
                    args=[record_id, bucket_size, self.ttl],
                    client=pipe,
                )
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

    def polls(self, urls: list[str]) -> dict[str, Poll]:
        with self.db.pipeline(transaction=False) as pipe:
            for url in urls:
                pipe.hmget(self._key("poll", url), "fetched", "interval")
            rows = pipe.execute()
        return {
            url: Poll(float(fetched), float(interval))
            for url, (fetched, interval) in zip(urls, rows, strict=True)
            if fetched is not None and interval is not None
        }

    def store_polls(self, entries: dict[str, Poll]) -> None:
        with self.db.pipeline(transaction=True) as pipe:
            for url, poll in entries.items():
                key = self._key("poll", url)
                pipe.hset(key, mapping={"fetched": poll.fetched, "interval": poll.interval})
                pipe.expire(key, self.ttl)
            pipe.execute()

    def site_lines(self, site: str) -> list[list[int]]:
        return [unpack(keys) for keys in self.db.lrange(self._key("lines", site), 0, -1)]

    def add_site_lines(self, entries: dict[str, list[list[int]]], window: int) -> None:
        """Each worker appends what it wrote: none overwrites what the others learned."""
        with self.db.pipeline(transaction=True) as pipe:
            for site, articles in entries.items():
                key = self._key("lines", site)
                pipe.rpush(key, *(pack(keys) for keys in articles))
                pipe.ltrim(key, -window, -1)
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
